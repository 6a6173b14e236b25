import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/**
 * The raw evidence store: every response page as received, under the case's `raw/` folder, one
 * gzip file per page. The SHA-256 is taken over the bytes as received, before compression, so it
 * names the evidence itself and not our packaging of it.
 *
 * A page is written to a temporary name, flushed to disk, then renamed into place (and the
 * folder flushed): after a crash a page is either whole under its final name or absent, never
 * half there. Names never repeat (a per-store run id), so nothing is ever overwritten.
 *
 * Layout: `job-<job>/<source>/w-<window>/p<seq>-<run>.json.gz` (`adhoc` without a job, `w-none`
 * without a window) — a folder per window keeps the pages that prove a window together.
 */
export interface StoredFile {
  /** Relative to `raw/`, forward slashes. */
  file_path: string;
  /** Size of the bytes as received. */
  byte_size: number;
  sha256: string;
  compression: 'gzip';
}

export interface PageLocation {
  jobId: number | null;
  windowId: number | null;
  /** Log family or channel, a folder name (letters, digits, `_`, `-`). */
  source: string;
}

export interface EvidenceStore {
  readonly rawDir: string;
  write(bytes: Buffer, where: PageLocation): Promise<StoredFile>;
}

const gzipAsync = promisify(gzip);

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * @param rawDir the case's `raw/` folder (created when missing)
 * @param runId distinguishes this store's files from an earlier run's in the same window (a resumed job)
 */
export function createEvidenceStore(rawDir: string, runId: string): EvidenceStore {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(runId)) throw new Error('the evidence run id must be 1-40 letters, digits or dashes');
  const sequence = new Map<string, number>();

  return {
    rawDir,
    async write(bytes, where) {
      if (!/^[a-z0-9_-]{1,40}$/i.test(where.source)) throw new Error(`evidence folder name '${where.source}' is not a plain name`);
      const folder = `${where.jobId === null ? 'adhoc' : `job-${where.jobId}`}/${where.source}/${where.windowId === null ? 'w-none' : `w-${where.windowId}`}`;
      const seq = (sequence.get(folder) ?? 0) + 1;
      sequence.set(folder, seq);
      const filePath = `${folder}/p${String(seq).padStart(5, '0')}-${runId}.json.gz`;
      const compressed = await gzipAsync(bytes);
      await writeDurably(join(rawDir, ...filePath.split('/')), compressed);
      return { file_path: filePath, byte_size: bytes.length, sha256: sha256Hex(bytes), compression: 'gzip' };
    },
  };
}

async function writeDurably(target: string, data: Buffer): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = `${target}.partial`;
  // A partial file under this name can only be a crashed write's leftover: it never became evidence.
  await rm(temp, { force: true });
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
  await syncFolder(dir);
}

/** Makes the rename itself durable. Windows cannot open a folder for flushing; NTFS journals renames. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e;
  } finally {
    await handle?.close();
  }
}
