import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { RawFilePath } from '../../../../src-shared/domain/event.js';
import { makeTempDir } from '../../testing/test-ports.js';
import { createEvidenceStore } from './evidence-store.js';
import { verifyStoredPage } from './verify-page.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

describe('raw evidence store', () => {
  const tmp = makeTempDir();
  afterEach(() => tmp.cleanup());

  it('stores each page gzip-compressed by job, source and window, hashed over the bytes as received', async () => {
    const raw = join(tmp.dir, 'raw');
    const store = createEvidenceStore(raw, 'run1');
    const bytes = Buffer.from('{"value":[{"Identity":"a"}]}');
    const first = await store.write(bytes, { jobId: 3, windowId: 17, source: 'ual-exo' });
    const second = await store.write(Buffer.from('{}'), { jobId: 3, windowId: 17, source: 'ual-exo' });
    const loose = await store.write(Buffer.from('[]'), { jobId: null, windowId: null, source: 'signin' });

    expect(first).toEqual({
      file_path: 'job-3/ual-exo/w-17/p00001-run1.json.gz',
      byte_size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      compression: 'gzip',
    });
    expect(second.file_path).toBe('job-3/ual-exo/w-17/p00002-run1.json.gz');
    expect(loose.file_path).toBe('adhoc/signin/w-none/p00001-run1.json.gz');
    for (const f of [first, second, loose]) expect(RawFilePath.safeParse(f.file_path).success).toBe(true);
    expect(gunzipSync(readFileSync(join(raw, first.file_path))).equals(bytes)).toBe(true);
    // Nothing half-written is left beside the pages.
    expect(filesUnder(raw).sort()).toEqual([first.file_path, second.file_path, loose.file_path].map((p) => p.split('/').join(sep)).sort());

    // A resumed run in the same window never reuses a name.
    const again = await createEvidenceStore(raw, 'run2').write(bytes, { jobId: 3, windowId: 17, source: 'ual-exo' });
    expect(again.file_path).toBe('job-3/ual-exo/w-17/p00001-run2.json.gz');
  });

  it('verifies a stored page and reports a changed, damaged or missing one', async () => {
    const raw = join(tmp.dir, 'raw');
    const stored = await createEvidenceStore(raw, 'r').write(Buffer.from('{"value":[1,2,3]}'), { jobId: 1, windowId: 1, source: 'arm' });
    const path = join(raw, stored.file_path);
    expect(await verifyStoredPage(raw, stored)).toEqual({ ok: true });

    writeFileSync(path, gzipSync(Buffer.from('{"value":[1,2,4]}')));
    expect(await verifyStoredPage(raw, stored)).toEqual({ ok: false, reason: expect.stringMatching(/SHA-256 [0-9a-f]{64}, recorded/) });

    writeFileSync(path, gzipSync(Buffer.from('{"value":[1,2]}')));
    expect(await verifyStoredPage(raw, stored)).toEqual({ ok: false, reason: expect.stringMatching(/15 bytes, recorded 17/) });

    writeFileSync(path, gzipSync(Buffer.from('{"value":[1,2,3]}')).subarray(0, 12));
    expect(await verifyStoredPage(raw, stored)).toEqual({ ok: false, reason: expect.stringMatching(/not a whole gzip file/) });

    expect(await verifyStoredPage(raw, { ...stored, file_path: 'job-1/arm/w-1/missing.json.gz' })).toEqual({ ok: false, reason: expect.stringMatching(/cannot be read \(ENOENT\)/) });
    expect(await verifyStoredPage(raw, { ...stored, file_path: '../case.sqlite' })).toEqual({ ok: false, reason: expect.stringMatching(/not a path inside raw/) });
  });

  it('refuses folder names and run ids that could escape the layout', async () => {
    expect(() => createEvidenceStore(tmp.dir, '../x')).toThrow();
    await expect(createEvidenceStore(tmp.dir, 'r').write(Buffer.from('{}'), { jobId: 1, windowId: 1, source: '../up' })).rejects.toThrow(/not a plain name/);
  });
});
