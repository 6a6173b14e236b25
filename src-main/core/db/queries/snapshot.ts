import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import type { ReadDb } from './timeline-statements.js';

/**
 * The tenant configuration snapshot: one row per object read (an application, a domain, a
 * mailbox's inbox rule...), keyed by job, kind and the object's own key, each naming the raw page
 * it was read from. Objects arrive from a collector thread, so they are validated here, and an
 * object still carrying credential material is refused: credentials are kept as metadata
 * (id, name, validity), never as secrets.
 */
export const SaveSnapshotObjectsArgs = z.object({
  jobId: z.number().int().positive(),
  pageId: z.number().int().positive(),
  collectedAt: z.iso.datetime(),
  objects: z
    .array(
      z.object({
        kind: z.string().trim().min(1).max(100),
        key: z.string().min(1).max(2000),
        data: z.record(z.string(), z.unknown()),
      }),
    )
    .max(10_000),
});
export type SaveSnapshotObjectsArgs = z.input<typeof SaveSnapshotObjectsArgs>;

const CREDENTIAL_LISTS = new Set(['passwordcredentials', 'keycredentials']);
const CREDENTIAL_VALUES = new Set(['secrettext', 'key']);

/** Path of a credential value (a password's text, a key's bytes) inside an object, or null. */
export function findCredentialValue(value: unknown, path = ''): string | null {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findCredentialValue(v, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    if (k.toLowerCase() === 'secrettext' && v !== null && v !== '') return here;
    if (CREDENTIAL_LISTS.has(k.toLowerCase()) && Array.isArray(v)) {
      for (const [i, entry] of v.entries()) {
        if (typeof entry !== 'object' || entry === null) continue;
        for (const [ek, ev] of Object.entries(entry)) {
          if (CREDENTIAL_VALUES.has(ek.toLowerCase()) && ev !== null && ev !== '') return `${here}[${i}].${ek}`;
        }
      }
    }
    const found = findCredentialValue(v, here);
    if (found) return found;
  }
  return null;
}

/**
 * Writer op: stores a page's objects in one transaction. An object read again in the same job (a
 * resumed run, a duplicate across pages) is replaced by the newer reading; the older page stays
 * in raw_pages either way. `inserted` counts objects new to the job.
 */
export function saveSnapshotObjects(db: Database, input: SaveSnapshotObjectsArgs): { saved: number; inserted: number } {
  const parsed = SaveSnapshotObjectsArgs.safeParse(input);
  if (!parsed.success) {
    throw new CoreError('validation', `snapshot objects refused: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`);
  }
  const a = parsed.data;
  for (const o of a.objects) {
    const secret = findCredentialValue(o.data);
    if (secret) throw new CoreError('validation', `snapshot objects refused: ${o.kind} ${o.key} carries a credential value at ${secret}; keep credential metadata only`);
  }
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM raw_pages WHERE id = ?').get(a.pageId) === undefined) {
      throw new CoreError('validation', `snapshot objects refused: no raw page ${a.pageId} in this case`);
    }
    const exists = db.prepare('SELECT 1 FROM snapshot_objects WHERE job_id = ? AND kind = ? AND object_key = ?');
    const upsert = db.prepare(
      `INSERT INTO snapshot_objects (job_id, kind, object_key, data, page_id, collected_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (job_id, kind, object_key) DO UPDATE SET data = excluded.data, page_id = excluded.page_id, collected_at = excluded.collected_at`,
    );
    let inserted = 0;
    for (const o of a.objects) {
      if (exists.get(a.jobId, o.kind, o.key) === undefined) inserted += 1;
      upsert.run(a.jobId, o.kind, o.key, JSON.stringify(o.data), a.pageId, a.collectedAt);
    }
    return { saved: a.objects.length, inserted };
  })();
}

export interface SnapshotObjectRow {
  id: number;
  job_id: number;
  kind: string;
  object_key: string;
  data: string;
  page_id: number;
  collected_at: string;
}

/** A job's snapshot objects, optionally of one kind, in kind then key order. */
export function readSnapshotObjects(db: ReadDb, jobId: number, kind?: string): SnapshotObjectRow[] {
  if (kind === undefined) {
    return db.prepare('SELECT * FROM snapshot_objects WHERE job_id = ? ORDER BY kind, object_key').all(jobId) as SnapshotObjectRow[];
  }
  return db.prepare('SELECT * FROM snapshot_objects WHERE job_id = ? AND kind = ? ORDER BY object_key').all(jobId, kind) as SnapshotObjectRow[];
}

/** How many objects of each kind a job's snapshot holds. */
export function countSnapshotObjects(db: ReadDb, jobId: number): Record<string, number> {
  const rows = db.prepare('SELECT kind, count(*) AS n FROM snapshot_objects WHERE job_id = ? GROUP BY kind').all(jobId) as { kind: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}
