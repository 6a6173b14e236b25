import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core.js';
import { makeTempDir, makeTestPorts } from '../testing/test-ports.js';
import { inspectCase } from './case-service.js';

/**
 * A case on read-only media (a write-blocked evidence drive) cannot be worked on, and must say so.
 * Root ignores permission bits, so as root the folder is bind-mounted read-only instead.
 */
function makeReadOnlyView(dir: string, view: string): () => void {
  mkdirSync(view);
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['--bind', dir, view]);
    execFileSync('mount', ['-o', 'remount,ro,bind', view]);
    return () => execFileSync('umount', [view]);
  }
  execFileSync('cp', ['-a', `${dir}/.`, view]);
  chmodSync(join(view, 'case.sqlite'), 0o444);
  chmodSync(view, 0o555);
  return () => chmodSync(view, 0o755);
}

describe('a case in a read-only folder', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let undo: () => void = () => {};
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore(makeTestPorts(tmp.dir));
  });
  afterEach(async () => {
    await core.shutdown();
    undo();
    tmp.cleanup();
  });

  it('is refused for work with a clear message, can still be inspected, and the file is untouched', async () => {
    const dir = join(tmp.dir, 'case');
    expect((await core.route('case.create', { dir, name: 'RO', examiner: 'E' })).ok).toBe(true);
    await core.route('case.close', {});
    const view = join(tmp.dir, 'ro-view');
    undo = makeReadOnlyView(dir, view);
    const sha = () => createHash('sha256').update(readFileSync(join(view, 'case.sqlite'))).digest('hex');
    const before = sha();
    const r = await core.route('case.open', { dir: view });
    expect(r).toMatchObject({ ok: false, error: { code: 'read_only' } });
    if (!r.ok) expect(r.error.message).toMatch(new RegExp(`${view}: the case folder is not writable`));
    // Inspection still works from write-blocked media, and changes nothing.
    expect(inspectCase(view).meta.name).toBe('RO');
    expect(sha()).toBe(before);
  });
});
