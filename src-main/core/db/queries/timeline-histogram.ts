import { eventSources, type EventSource } from '../../../../src-shared/domain/event.js';
import type { TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { TimelineHistogram } from '../../../../src-shared/ipc/contract-timeline.js';
import { prepareCached, type ReadDb } from './timeline-statements.js';
import { chooseTextPlan } from './timeline-access-plan.js';
import { buildWhere, filterKinds, type WhereOptions } from './timeline-where.js';

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
  const where = buildWhere(filter, { ...options, textPlan: chooseTextPlan(db, filter, { limit: 1 }) });
  const ts = prepareCached(db, `SELECT e.ts FROM events e WHERE ${where.sql} ORDER BY e.ts ${order} LIMIT 1`).pluck().get(...where.params);
  return typeof ts === 'number' ? ts : null;
}

/** The distinct sources in the case, by hopping along the source index (a few seeks, not a scan). */
function sourcesPresent(db: ReadDb): string[] {
  return prepareCached(
    db,
    `WITH RECURSIVE s(v) AS (SELECT min(source) FROM events UNION ALL SELECT (SELECT min(source) FROM events WHERE source > s.v) FROM s WHERE s.v IS NOT NULL)
     SELECT v FROM s WHERE v IS NOT NULL`,
  )
    .pluck()
    .all() as string[];
}

interface Grid {
  origin: number;
  bucketMs: number;
  from: number;
  to: number;
  count: number;
}
type Add = (bucket: number, source: string, n: number) => void;

/**
 * Time and sources only: one count per source and bucket. Each is a range of the `(source, ts)` index
 * (covering when the filter is a time range), so nothing is sorted and the table is not read;
 * one GROUP BY over the same rows sorts them all and, with a time range, reads every row.
 */
function countPerBucket(db: ReadDb, filter: TimelineFilter, grid: Grid, options: WhereOptions, add: Add): void {
  const sources = filter.sources.include.length > 0 ? filter.sources.include : sourcesPresent(db);
  const rest = buildWhere({ ...filter, from: undefined, to: undefined, sources: { include: [], exclude: filter.sources.exclude } }, options);
  const count = prepareCached(db, `SELECT count(*) FROM events e WHERE e.source = ? AND e.ts >= ? AND e.ts < ? AND ${rest.sql}`).pluck();
  for (const source of sources) {
    for (let b = 0; b < grid.count; b++) {
      const low = Math.max(grid.origin + b * grid.bucketMs, grid.from);
      const high = Math.min(grid.origin + (b + 1) * grid.bucketMs, grid.to);
      const n = count.get(source, low, high, ...rest.params) as number;
      if (n > 0) add(b, source, n);
    }
  }
}

const BUCKET = '(e.ts - CAST(? AS INTEGER)) / CAST(? AS INTEGER)';

/**
 * Time, sources and text: one grouped read per source along its `(source, ts)` index, the text
 * a membership test when matches are many; when few, one grouped read over the matches.
 */
function countPerSource(db: ReadDb, filter: TimelineFilter, grid: Grid, options: WhereOptions, add: Add): void {
  const textPlan = chooseTextPlan(db, filter, 'all');
  if (textPlan === 'drive') return countOnce(db, filter, grid, options, add);
  const sources = filter.sources.include.length > 0 ? filter.sources.include : sourcesPresent(db);
  for (const source of sources) {
    // A stored source this build does not know is still just a value to compare with.
    const where = buildWhere({ ...filter, sources: { include: [source as EventSource], exclude: filter.sources.exclude } }, { ...options, textPlan });
    const rows = prepareCached(db, `SELECT ${BUCKET} AS b, count(*) AS n FROM events e WHERE ${where.sql} GROUP BY b`).all(grid.origin, grid.bucketMs, ...where.params) as {
      b: number;
      n: number;
    }[];
    for (const { b, n } of rows) add(b, source, n);
  }
}

/**
 * Any other condition needs the event rows: read each match once (by the filter's best index)
 * and group; counting per source or per bucket would read the same rows again each time.
 */
function countOnce(db: ReadDb, filter: TimelineFilter, grid: Grid, options: WhereOptions, add: Add): void {
  const where = buildWhere(filter, { ...options, textPlan: chooseTextPlan(db, filter, 'all') });
  const rows = prepareCached(db, `SELECT ${BUCKET} AS b, e.source AS source, count(*) AS n FROM events e WHERE ${where.sql} GROUP BY b, e.source`).all(
    grid.origin,
    grid.bucketMs,
    ...where.params,
  ) as { b: number; source: string; n: number }[];
  for (const { b, source, n } of rows) add(b, source, n);
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
  // Buckets start at multiples of their size; ts >= from >= origin keeps every bucket index >= 0.
  const origin = Math.floor(from / bucketMs) * bucketMs;
  const grid: Grid = { origin, bucketMs, from, to, count: Math.max(1, Math.ceil((to - origin) / bucketMs)) };
  const buckets = Array.from({ length: grid.count }, (_, i) => ({ start: origin + i * bucketMs, total: 0, counts: zeroCounts() }));
  const bySource = zeroCounts();
  let total = 0;
  const add: Add = (b, source, n) => {
    const bucket = buckets[b];
    if (!bucket) return;
    bucket.total += n;
    total += n;
    // A source this build does not know yet (a newer case) still counts in the totals.
    if (source in bySource) {
      bucket.counts[source as EventSource] += n;
      bySource[source as EventSource] += n;
    }
  };
  const ranged: TimelineFilter = { ...filter, from, to };
  const kinds = filterKinds(filter);
  if (kinds.has('other')) countOnce(db, ranged, grid, options, add);
  else if (kinds.has('text')) countPerSource(db, ranged, grid, options, add);
  else countPerBucket(db, ranged, grid, options, add);
  return { from, to, bucketMs, buckets, total, bySource };
}
