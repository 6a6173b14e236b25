import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { CollectSourceId, JobStatus } from '../../../../src-shared/domain/collection.js';
import { CoreError } from '../../../../src-shared/ipc/result.js';

/**
 * Collection jobs as the runner keeps them: created queued, started (a new run), counted while
 * they run, finished with a status. Windows (the ledger) are written by the collector itself
 * (collection-ledger.ts). Inputs are validated because they arrive from other threads.
 */
const isoTime = z.iso.datetime();

function parse<T>(schema: z.ZodType<T>, args: unknown, what: string): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CoreError('validation', `${what} refused: ${first ? `${first.path.join('.') || '(input)'}: ${first.message}` : 'invalid'}`);
  }
  return parsed.data;
}

export const QueueJobInput = z.object({
  source: CollectSourceId,
  kind: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  at: isoTime,
});
export type QueueJobInput = z.input<typeof QueueJobInput>;

export function queueJob(db: Database, args: QueueJobInput): { id: number } {
  const a = parse(QueueJobInput, args, 'collection job');
  const info = db
    .prepare(`INSERT INTO collection_jobs (kind, source, params, status, created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?)`)
    .run(a.kind, a.source, JSON.stringify(a.params), a.at, a.at);
  return { id: Number(info.lastInsertRowid) };
}

export const JobTransitionInput = z.object({
  id: z.number().int().positive(),
  status: JobStatus,
  /** A new run starts (status running): the run count goes up and started_at is set. */
  newRun: z.boolean().default(false),
  note: z.string().max(2000).nullable().optional(),
  error: z.string().max(4000).nullable().optional(),
  at: isoTime,
});
export type JobTransitionInput = z.input<typeof JobTransitionInput>;

const FINAL: ReadonlySet<string> = new Set(['complete', 'failed', 'cancelled', 'paused']);

export function transitionJob(db: Database, args: JobTransitionInput): void {
  const a = parse(JobTransitionInput, args, 'collection job update');
  const info = db
    .prepare(
      `UPDATE collection_jobs SET status = @status,
         runs = runs + @newRun,
         started_at = CASE WHEN @newRun THEN @at ELSE started_at END,
         finished_at = CASE WHEN @final THEN @at WHEN @newRun THEN NULL ELSE finished_at END,
         progress_note = CASE WHEN @setNote THEN @note ELSE progress_note END,
         error = CASE WHEN @setError THEN @error WHEN @newRun THEN NULL ELSE error END,
         updated_at = @at
       WHERE id = @id`,
    )
    .run({
      id: a.id,
      status: a.status,
      newRun: a.newRun ? 1 : 0,
      at: a.at,
      final: FINAL.has(a.status) ? 1 : 0,
      setNote: a.note !== undefined ? 1 : 0,
      note: a.note ?? null,
      setError: a.error !== undefined ? 1 : 0,
      error: a.error ?? null,
    });
  if (info.changes !== 1) throw new CoreError('validation', `collection job ${a.id} does not exist`);
}

export const JobCountsInput = z.object({
  id: z.number().int().positive(),
  fetched: z.number().int().nonnegative(),
  stored: z.number().int().nonnegative(),
  throttledMs: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  note: z.string().max(2000).nullable(),
  at: isoTime,
});
export type JobCountsInput = z.input<typeof JobCountsInput>;

/** Adds a run's counts since its last report (deltas, so resumed runs add up). */
export function addJobCounts(db: Database, args: JobCountsInput): void {
  const a = parse(JobCountsInput, args, 'collection job counts');
  db.prepare(
    `UPDATE collection_jobs SET records_fetched = records_fetched + ?, records_stored = records_stored + ?,
       throttled_ms = throttled_ms + ?, retries = retries + ?, progress_note = COALESCE(?, progress_note), updated_at = ? WHERE id = ?`,
  ).run(a.fetched, a.stored, a.throttledMs, a.retries, a.note, a.at, a.id);
}

export const JobLogInput = z.object({
  jobId: z.number().int().positive(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string().min(1).max(4000),
  at: isoTime,
});
export type JobLogInput = z.input<typeof JobLogInput>;

export function appendJobLog(db: Database, args: JobLogInput): { id: number } {
  const a = parse(JobLogInput, args, 'job log line');
  return { id: Number(db.prepare('INSERT INTO job_log (job_id, at, level, message) VALUES (?, ?, ?, ?)').run(a.jobId, a.at, a.level, a.message).lastInsertRowid) };
}

/**
 * After the process that ran them ended without finishing them (a crash, a kill, a power cut):
 * running jobs become paused with a note, and their windows left running are failed with the
 * reason, so the ledger never claims work that no process is doing. Returns the paused job ids.
 */
export function pauseInterruptedJobs(db: Database, args: { at: string }): { jobIds: number[] } {
  const at = parse(isoTime, args.at, 'interruption time');
  const ids = (db.prepare(`SELECT id FROM collection_jobs WHERE status IN ('running', 'queued') ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  const why = 'interrupted: the collecting process ended before this window finished';
  for (const id of ids) {
    db.prepare(`UPDATE collection_windows SET status = 'failed', last_error = ?, updated_at = ? WHERE job_id = ? AND status = 'running'`).run(why, at, id);
    db.prepare(`UPDATE collection_jobs SET status = 'paused', progress_note = ?, finished_at = ?, updated_at = ? WHERE id = ?`).run(
      'interrupted: the process ended while this job ran; it resumes where the ledger says',
      at,
      at,
      id,
    );
    db.prepare(`INSERT INTO job_log (job_id, at, level, message) VALUES (?, ?, 'warning', ?)`).run(id, at, 'Interrupted: the collecting process ended while this job ran. Windows already complete are kept; the rest is collected on resume.');
  }
  return { jobIds: ids };
}

export interface JobRow {
  id: number;
  kind: string;
  source: string | null;
  params: string;
  status: string;
  runs: number;
  progress_note: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  throttled_ms: number;
  retries: number;
  records_fetched: number;
  records_stored: number;
}

export interface JobWindowCounts {
  job_id: number;
  total: number;
  complete: number;
  gap: number;
  failed: number;
  running: number;
  pending: number;
  split: number;
}

export function readJobs(db: Database, jobId?: number): JobRow[] {
  const sql = `SELECT id, kind, source, params, status, runs, progress_note, error, created_at, updated_at, started_at, finished_at,
                      throttled_ms, retries, records_fetched, records_stored
               FROM collection_jobs WHERE source IS NOT NULL ${jobId === undefined ? '' : 'AND id = ?'} ORDER BY id DESC`;
  return (jobId === undefined ? db.prepare(sql).all() : db.prepare(sql).all(jobId)) as JobRow[];
}

export function readWindowCounts(db: Database, jobId?: number): JobWindowCounts[] {
  return db
    .prepare(
      `SELECT job_id, count(*) AS total,
              sum(status = 'complete') AS complete, sum(status = 'gap') AS gap, sum(status = 'failed') AS failed,
              sum(status = 'running') AS running, sum(status = 'pending') AS pending, sum(status = 'split') AS split
       FROM collection_windows ${jobId === undefined ? '' : 'WHERE job_id = ?'} GROUP BY job_id`,
    )
    .all(...(jobId === undefined ? [] : [jobId])) as JobWindowCounts[];
}

/** Records of the job's pages that could not be normalised (neither stored nor duplicates). */
export function readJobRejects(db: Database, jobId: number): number {
  return (db.prepare('SELECT count(*) FROM page_rejects r JOIN raw_pages p ON p.id = r.page_id WHERE p.job_id = ?').pluck().get(jobId) as number) ?? 0;
}

export interface LedgerWindow {
  id: number;
  source: string;
  channel: string;
  start_ms: number;
  end_ms: number;
  status: string;
  last_error: string | null;
  split_parent: number | null;
}

export function readLedgerWindows(db: Database, jobId: number): LedgerWindow[] {
  return db
    .prepare('SELECT id, source, channel, start_ms, end_ms, status, last_error, split_parent FROM collection_windows WHERE job_id = ? ORDER BY id')
    .all(jobId) as LedgerWindow[];
}

export interface JobLogRow {
  id: number;
  job_id: number;
  at: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export function readJobLog(db: Database, jobId: number, afterId: number, limit: number): JobLogRow[] {
  return db.prepare('SELECT id, job_id, at, level, message FROM job_log WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?').all(jobId, afterId, limit) as JobLogRow[];
}
