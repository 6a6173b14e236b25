import { eventSources, type EventSource } from '../../../../src-shared/domain/event.js';
import type { TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { TimelineHistogram } from '../../../../src-shared/ipc/contract-timeline.js';
import { prepareCached, type ReadDb } from './timeline-statements.js';
import { buildWhere, type WhereOptions } from './timeline-where.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Bucket sizes a chart may use. A fixed ladder keeps bucket edges on round times (aligned to
 * multiples of the size from the epoch, so UTC midnight for days) and stable while the
 * analyst pans: the same time always falls into the same bucket.
 */
export const BUCKET_LADDER_MS = [
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY,
] as const;

/** Past the ladder (decades of imported data) the bucket grows in whole weeks, so the chart stays ~target wide. */
export function chooseBucketMs(spanMs: number, target: number): number {
  for (const size of BUCKET_LADDER_MS) if (Math.ceil(spanMs / size) <= target) return size;
  const week = 7 * DAY;
  return Math.ceil(spanMs / target / week) * week;
}

const zeroCounts = (): Record<EventSource, number> => Object.fromEntries(eventSources.map((s) => [s, 0])) as Record<EventSource, number>;

/** First or last matching time, read along the time index (stops at the first match). */
function edge(db: ReadDb, filter: TimelineFilter, order: 'ASC' | 'DESC', options: WhereOptions): number | null {
  const where = buildWhere(filter, options);
  const ts = prepareCached(db, `SELECT e.ts FROM events e WHERE ${where.sql} ORDER BY e.ts ${order} LIMIT 1`).pluck().get(...where.params);
  return typeof ts === 'number' ? ts : null;
}

/**
 * Matching events per bucket and source over the visible range: the filter's own range where it
 * has one, else from the first to the last matching event. Buckets are dense (zeros included).
 */
export function readHistogram(db: ReadDb, filter: TimelineFilter, target: number, options: WhereOptions = {}): TimelineHistogram {
  const from = filter.from ?? edge(db, filter, 'ASC', options);
  const to = filter.to ?? (() => {
    const last = edge(db, filter, 'DESC', options);
    return last === null ? null : last + 1;
  })();
  if (from === null || to === null) return { from: null, to: null, bucketMs: BUCKET_LADDER_MS[0], buckets: [], total: 0, bySource: zeroCounts() };

  const bucketMs = chooseBucketMs(to - from, target);
  const origin = Math.floor(from / bucketMs) * bucketMs;
  const count = Math.max(1, Math.ceil((to - origin) / bucketMs));
  const buckets = Array.from({ length: count }, (_, i) => ({ start: origin + i * bucketMs, total: 0, counts: zeroCounts() }));
  const bySource = zeroCounts();
  let total = 0;

  const ranged: TimelineFilter = { ...filter, from, to };
  const where = buildWhere(ranged, options);
  // ts >= from >= origin, so the integer division is a floor and the index is never negative.
  const sql = `SELECT (e.ts - ?) / ? AS b, e.source AS source, count(*) AS n FROM events e WHERE ${where.sql} GROUP BY b, e.source`;
  const rows = prepareCached(db, sql).all(origin, bucketMs, ...where.params) as { b: number; source: string; n: number }[];
  for (const { b, source, n } of rows) {
    const bucket = buckets[b];
    if (!bucket) continue;
    bucket.total += n;
    total += n;
    // A source this build does not know yet (a newer case) still counts in the totals.
    if (source in bySource) {
      bucket.counts[source as EventSource] += n;
      bySource[source as EventSource] += n;
    }
  }
  return { from, to, bucketMs, buckets, total, bySource };
}
