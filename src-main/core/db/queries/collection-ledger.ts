import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { CoreError } from '../../../../src-shared/ipc/result.js';

/**
 * The collection ledger: jobs and the time windows each job fetched, with the proof of each
 * window's completeness (what the service reported, what arrived, what was new to the case) or
 * the reason it is a gap. Pages add their counts to their window in `events.ingestBatch`; the
 * collector opens windows and records their outcome here. Inputs are validated because they
 * arrive from other threads.
 */
export const WindowStatus = z.enum(['pending', 'running', 'complete', 'split', 'gap', 'failed']);
export type WindowStatus = z.infer<typeof WindowStatus>;

const isoTime = z.iso.datetime();
const jsonObject = z.record(z.string(), z.unknown());

export const CreateJobInput = z.object({ kind: z.string().min(1), params: jsonObject, at: isoTime });
export type CreateJobInput = z.input<typeof CreateJobInput>;

export const OpenWindowInput = z
  .object({
    job_id: z.number().int().positive(),
    source: z.string().min(1),
    channel: z.string().min(1),
    filter: jsonObject,
    start_ms: z.number().int(),
    end_ms: z.number().int(),
    split_parent: z.number().int().positive().nullable(),
    at: isoTime,
  })
  .refine((w) => w.end_ms > w.start_ms, { message: 'a window ends after it starts' });
export type OpenWindowInput = z.input<typeof OpenWindowInput>;

export const UpdateWindowInput = z.object({
  id: z.number().int().positive(),
  status: WindowStatus,
  reported_total: z.number().int().nonnegative().nullable().optional(),
  attempts: z.number().int().nonnegative().optional(),
  last_error: z.string().nullable().optional(),
  at: isoTime,
});
export type UpdateWindowInput = z.input<typeof UpdateWindowInput>;

export interface WindowRow {
  id: number;
  job_id: number;
  source: string;
  channel: string;
  filter: string;
  start_ms: number;
  end_ms: number;
  reported_total: number | null;
  fetched: number;
  stored_unique: number;
  status: WindowStatus;
  attempts: number;
  last_error: string | null;
  split_parent: number | null;
  created_at: string;
  updated_at: string;
}

function parse<T>(schema: z.ZodType<T>, args: unknown, what: string): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new CoreError('validation', `${what} refused: ${issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')}`, issues);
  }
  return parsed.data;
}

export function createJob(db: Database, args: CreateJobInput): { id: number } {
  const a = parse(CreateJobInput, args, 'collection job');
  const info = db
    .prepare(`INSERT INTO collection_jobs (kind, params, status, created_at, updated_at) VALUES (?, ?, 'running', ?, ?)`)
    .run(a.kind, JSON.stringify(a.params), a.at, a.at);
  return { id: Number(info.lastInsertRowid) };
}

export function openWindow(db: Database, args: OpenWindowInput): { id: number } {
  const a = parse(OpenWindowInput, args, 'collection window');
  // A window planned ahead (pending) becomes the one now fetched, so the ledger holds one row for it.
  if (a.split_parent === null) {
    const planned = db
      .prepare(`SELECT id FROM collection_windows WHERE job_id = ? AND source = ? AND channel = ? AND start_ms = ? AND end_ms = ? AND status = 'pending' AND split_parent IS NULL LIMIT 1`)
      .pluck()
      .get(a.job_id, a.source, a.channel, a.start_ms, a.end_ms) as number | undefined;
    if (planned !== undefined) {
      db.prepare(`UPDATE collection_windows SET status = 'running', filter = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(a.filter), a.at, planned);
      return { id: planned };
    }
  }
  const info = db
    .prepare(
      `INSERT INTO collection_windows (job_id, source, channel, filter, start_ms, end_ms, status, split_parent, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
    )
    .run(a.job_id, a.source, a.channel, JSON.stringify(a.filter), a.start_ms, a.end_ms, a.split_parent, a.at, a.at);
  return { id: Number(info.lastInsertRowid) };
}

/**
 * Records a window's state. A window found complete, or split into children, keeps that verdict:
 * the ledger is the case's proof of completeness, and a later run must open new windows instead.
 */
export function updateWindow(db: Database, args: UpdateWindowInput): void {
  const a = parse(UpdateWindowInput, args, 'collection window update');
  const info = db
    .prepare(
      `UPDATE collection_windows SET status = ?,
         reported_total = CASE WHEN ? THEN ? ELSE reported_total END,
         attempts = COALESCE(?, attempts),
         last_error = CASE WHEN ? THEN ? ELSE last_error END,
         updated_at = ?
       WHERE id = ? AND status NOT IN ('complete', 'split')`,
    )
    .run(
      a.status,
      a.reported_total !== undefined ? 1 : 0,
      a.reported_total ?? null,
      a.attempts ?? null,
      a.last_error !== undefined ? 1 : 0,
      a.last_error ?? null,
      a.at,
      a.id,
    );
  if (info.changes !== 1) throw new CoreError('validation', `collection window ${a.id} does not exist or is already complete or split`);
}

export function readWindows(db: Database, jobId: number): WindowRow[] {
  return db.prepare('SELECT * FROM collection_windows WHERE job_id = ? ORDER BY id').all(jobId) as WindowRow[];
}

export const PlanWindowsInput = z.object({
  job_id: z.number().int().positive(),
  source: z.string().min(1),
  windows: z.array(z.object({ channel: z.string().min(1), start_ms: z.number().int(), end_ms: z.number().int() }).refine((w) => w.end_ms > w.start_ms, { message: 'a window ends after it starts' })).max(100_000),
  at: isoTime,
});
export type PlanWindowsInput = z.input<typeof PlanWindowsInput>;

/**
 * Registers a run's top-level windows as pending before any is fetched, so the ledger (and the
 * coverage strip) shows what is still to come, and a crash leaves the plan behind. A window that
 * already has a pending row is not planned twice.
 */
export function planWindows(db: Database, args: PlanWindowsInput): { planned: number } {
  const a = parse(PlanWindowsInput, args, 'window plan');
  const exists = db.prepare(`SELECT 1 FROM collection_windows WHERE job_id = ? AND source = ? AND channel = ? AND start_ms = ? AND end_ms = ? AND status = 'pending' AND split_parent IS NULL`);
  const insert = db.prepare(
    `INSERT INTO collection_windows (job_id, source, channel, start_ms, end_ms, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
  );
  let planned = 0;
  for (const w of a.windows) {
    if (exists.get(a.job_id, a.source, w.channel, w.start_ms, w.end_ms)) continue;
    insert.run(a.job_id, a.source, w.channel, w.start_ms, w.end_ms, a.at, a.at);
    planned += 1;
  }
  return { planned };
}
