import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { RawFilePath, type RawPage } from '../../../../src-shared/domain/event.js';
import { sha256Hex } from './evidence-store.js';

/**
 * Re-reads a stored page and proves it is the page that was received: decompress, hash, compare
 * with the hash and size recorded when it arrived. Any difference (a damaged file, a changed one,
 * a missing one) is reported with what differed; nothing is repaired.
 */
export type PageCheck = { ok: true } | { ok: false; reason: string };

const gunzipAsync = promisify(gunzip);

export async function verifyStoredPage(rawDir: string, page: Pick<RawPage, 'file_path' | 'sha256' | 'byte_size' | 'compression'>): Promise<PageCheck> {
  const path = RawFilePath.safeParse(page.file_path);
  if (!path.success) return { ok: false, reason: `${page.file_path}: not a path inside raw/` };
  let stored: Buffer;
  try {
    stored = await readFile(join(rawDir, ...path.data.split('/')));
  } catch (e) {
    return { ok: false, reason: `${page.file_path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  let bytes: Buffer;
  if (page.compression === 'gzip') {
    try {
      bytes = await gunzipAsync(stored);
    } catch (e) {
      return { ok: false, reason: `${page.file_path}: not a whole gzip file (${e instanceof Error ? e.message : String(e)})` };
    }
  } else {
    bytes = stored;
  }
  if (bytes.length !== page.byte_size) return { ok: false, reason: `${page.file_path}: ${bytes.length} bytes, recorded ${page.byte_size}` };
  const hash = sha256Hex(bytes);
  if (hash !== page.sha256) return { ok: false, reason: `${page.file_path}: SHA-256 ${hash}, recorded ${page.sha256}` };
  return { ok: true };
}
