import type { CollectJob, JobStatus, WindowCounts } from '../../../src-shared/domain/collection.js';

/**
 * Words and numbers of the jobs table. Numbers use one fixed grouping (1,234) so a screenshot or a
 * copied row reads the same on every machine; times are UTC, labelled by the caller.
 */
const grouped = new Intl.NumberFormat('en-US');
export const formatCount = (n: number): string => grouped.format(n);

export const jobStatusWords: Record<JobStatus, string> = {
  queued: 'queued',
  running: 'running',
  paused: 'paused',
  complete: 'complete',
  failed: 'failed',
  cancelled: 'cancelled',
};

const cancellable: ReadonlySet<JobStatus> = new Set(['queued', 'running']);
const resumable: ReadonlySet<JobStatus> = new Set(['paused', 'failed', 'cancelled']);
export const canCancel = (status: JobStatus): boolean => cancellable.has(status);
export const canResume = (status: JobStatus): boolean => resumable.has(status);

/**
 * Windows finished and windows known, for the progress bar. A split window is covered exactly by
 * its children, so it counts neither as done nor as to do; gaps and failures are finished windows
 * (the coverage strip says how they finished).
 */
export function windowProgress(windows: WindowCounts): { done: number; total: number } {
  const done = windows.complete + windows.gap + windows.failed;
  return { done, total: done + windows.running + windows.pending };
}

/** `1,234 rec/s`, `0.4 rec/s`, or an en dash before any record arrived. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '–';
  if (rate > 0 && rate < 10) return `${rate.toFixed(1)} rec/s`;
  return `${formatCount(Math.round(rate))} rec/s`;
}

/** `45 s`, `12 min 05 s`, `3 h 07 min`; never negative. */
export function formatSeconds(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m} min ${String(s).padStart(2, '0')} s`;
}

/** What the ETA column says: an estimate only while the job can still make progress. */
export function etaText(job: Pick<CollectJob, 'status' | 'etaSeconds'>): string {
  if (job.status !== 'running' && job.status !== 'queued') return '–';
  return job.etaSeconds === null ? 'estimating…' : formatSeconds(job.etaSeconds);
}

/** Throttled time as the service imposed it (Retry-After waits): `0 s` is worth showing too. */
export const throttledText = (ms: number): string => formatSeconds(ms / 1000);

const pad = (n: number) => String(n).padStart(2, '0');

/** `2025-03-04 17:05` (UTC) from epoch milliseconds; minutes are the ledger's finest useful grain here. */
export function utcMinute(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2025-03-01 00:00 – 2025-03-04 10:00 UTC`. */
export const utcRange = (startMs: number, endMs: number): string => `${utcMinute(startMs)} – ${utcMinute(endMs)} UTC`;

/** The job's range as collected, or why it has none (the tenant snapshot is a point in time). */
export function jobRangeText(job: Pick<CollectJob, 'rangeStart' | 'rangeEnd'>): string {
  if (job.rangeStart === null || job.rangeEnd === null) return 'point-in-time snapshot (no range)';
  return utcRange(job.rangeStart, job.rangeEnd);
}
