import { encodeCursor } from '../../../src-shared/domain/timeline-filter.js';
import type { TimelineHistogram, TimelineRow } from '../../../src-shared/ipc/contract-timeline.js';

/**
 * The rows of one result, by their position in it (0 = the oldest match), for a table whose
 * scrollbar spans the whole result however large. Positions are never fetched by OFFSET: a page
 * is read by keyset cursor from a row already placed (so it lands right beside it), from either
 * end, or after a jump to a time whose position is known exactly from histogram counts (a
 * bucket's position is the sum of the counts before it).
 */

/** Rows per page read; a screen shows about forty. */
export const PAGE_SIZE = 200;
/** Rows kept in memory at most; the ones farthest from the screen go first. */
export const MAX_CACHED_ROWS = 20_000;

export type RowFetch =
  /** The first page of the result, placed from position 0. */
  | { kind: 'start' }
  /** The last page, placed so it ends at the last position. */
  | { kind: 'end' }
  /** The page after the placed row at `index`. */
  | { kind: 'after'; index: number }
  /** The page before the placed row at `index`. */
  | { kind: 'before'; index: number }
  /** No placed row nearby: find where `index` is in time, then read from there. */
  | { kind: 'locate'; index: number };

export class RowStore {
  private readonly rows = new Map<number, TimelineRow>();

  constructor(readonly total: number) {}

  get size(): number {
    return this.rows.size;
  }

  get(index: number): TimelineRow | undefined {
    return this.rows.get(index);
  }

  has(index: number): boolean {
    return this.rows.has(index);
  }

  /** Places rows (in result order) from position `first`; positions outside the result are dropped. */
  place(first: number, rows: readonly TimelineRow[]): void {
    rows.forEach((row, i) => {
      const at = first + i;
      if (at >= 0 && at < this.total) this.rows.set(at, row);
    });
  }

  /** Places rows (in result order) so the last one lands at position `last`. */
  placeEnding(last: number, rows: readonly TimelineRow[]): void {
    this.place(last - rows.length + 1, rows);
  }

  /** Position of a placed event, or -1. */
  indexOf(eventId: number): number {
    for (const [index, row] of this.rows) if (row.id === eventId) return index;
    return -1;
  }

  /** Applies a change to every placed row of these events (a bookmark or tag made here). */
  patch(eventIds: readonly number[], change: (row: TimelineRow) => TimelineRow): void {
    const ids = new Set(eventIds);
    for (const [index, row] of this.rows) if (ids.has(row.id)) this.rows.set(index, change(row));
  }

  /** Forgets the rows farthest from [from, to] once more than `max` are held. */
  evict(from: number, to: number, max = MAX_CACHED_ROWS): void {
    if (this.rows.size <= max) return;
    const distance = (i: number) => (i < from ? from - i : i > to ? i - to : 0);
    const far = [...this.rows.keys()].sort((a, b) => distance(b) - distance(a));
    for (const index of far.slice(0, this.rows.size - max)) this.rows.delete(index);
  }
}

/**
 * The next read needed to fill positions [from, to] (clamped to the result), or null when all
 * are placed. Reads extend placed rows where they can, since a cursor read lands exactly; the
 * ends of the result are read from the ends; anything else is a jump.
 */
export function nextFetch(store: RowStore, from: number, to: number): RowFetch | null {
  const low = Math.max(0, from);
  const high = Math.min(store.total - 1, to);
  let missing = -1;
  for (let i = low; i <= high; i++) {
    if (!store.has(i)) {
      missing = i;
      break;
    }
  }
  if (missing < 0) return null;
  let gapEnd = missing;
  while (gapEnd < high && !store.has(gapEnd + 1)) gapEnd++;

  if (missing === 0) return { kind: 'start' };
  if (store.has(missing - 1)) return { kind: 'after', index: missing - 1 };
  // Reading backwards is as exact as forwards, but only worth it when one page closes the gap.
  const closesGap = gapEnd - missing < PAGE_SIZE;
  if (closesGap && gapEnd + 1 < store.total && store.has(gapEnd + 1)) return { kind: 'before', index: gapEnd + 1 };
  if (closesGap && gapEnd === store.total - 1) return { kind: 'end' };
  return { kind: 'locate', index: missing };
}

/** Cursor for the rows after (or before) a placed row: the row's own (ts, id) position. */
export const cursorAfter = (row: Pick<TimelineRow, 'ts' | 'id'>): string => encodeCursor({ ts: row.ts, id: row.id, direction: 'after' });
export const cursorBefore = (row: Pick<TimelineRow, 'ts' | 'id'>): string => encodeCursor({ ts: row.ts, id: row.id, direction: 'before' });

export interface Located {
  /** The time to read from: the start of the bucket that holds the wanted position. */
  at: number;
  /** The exact position of the first row at or after `at`. */
  index: number;
  /** The bucket's width and end, for a finer histogram when `index` is still far from the target. */
  bucketMs: number;
  end: number;
}

/**
 * The bucket of a histogram that holds result position `target`, given that the histogram's
 * first row sits at position `base`. Counts are exact, so the rows before the bucket number
 * exactly the counts of the buckets before it. Null when the histogram holds no rows.
 */
export function locateInHistogram(histogram: TimelineHistogram, target: number, base = 0): Located | null {
  if (histogram.from === null || histogram.to === null || histogram.buckets.length === 0) return null;
  let before = base;
  let chosen = histogram.buckets[histogram.buckets.length - 1]!;
  let chosenBefore = base + histogram.total - chosen.total;
  for (const bucket of histogram.buckets) {
    if (target < before + bucket.total) {
      chosen = bucket;
      chosenBefore = before;
      break;
    }
    before += bucket.total;
  }
  // The first bucket starts at a round time before the range; no row lies before `from`.
  const at = Math.max(chosen.start, histogram.from);
  return { at, index: chosenBefore, bucketMs: histogram.bucketMs, end: Math.min(chosen.start + histogram.bucketMs, histogram.to) };
}
