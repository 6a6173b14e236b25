import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_DB_FILE, CASE_RAW_DIR } from '../../src-main/core/db/case-files.js';
import { startWriter, type WriterClient } from '../../src-main/core/db/writer-client.js';

/**
 * A fresh case folder with its writer thread, created the way the app creates one (case row and
 * first custody entry in the writer), for scenarios that write through the real writer.
 */
export async function createBenchCase(dir: string, name: string): Promise<{ dir: string; dbPath: string; writer: WriterClient }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, CASE_DB_FILE);
  const at = new Date().toISOString();
  const writer = await startWriter({
    dbPath,
    create: {
      meta: { caseId: randomUUID(), name, examiner: 'Benchmark', tenantLabel: 'simulated', description: 'benchmark case', createdAt: at, createdWith: 'cirrus bench' },
      custody: { at, action: 'case.created', examiner: 'Benchmark', toolVersion: 'cirrus bench', detail: { name } },
    },
  });
  return { dir, dbPath, writer };
}

/** Bytes under a folder (files only). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/** What a closed case takes on disk: the database file and the raw evidence beside it. */
export function caseBytes(dir: string): { db: number; raw: number } {
  const raw = join(dir, CASE_RAW_DIR);
  return { db: statSync(join(dir, CASE_DB_FILE)).size, raw: statSync(raw, { throwIfNoEntry: false }) ? folderBytes(raw) : 0 };
}
