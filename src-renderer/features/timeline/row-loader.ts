import type { TimelineHistogram, TimelinePage } from '../../../src-shared/ipc/contract-timeline.js';
import { PAGE_LIMIT_MAX } from '../../../src-shared/ipc/contract-timeline.js';
import { cursorAfter, cursorBefore, locateInHistogram, PAGE_SIZE, type Located, type RowFetch, type RowStore } from './row-store.js';

/** What the loader asks of the core, with the table's filter already applied. */
export interface RowSource {
  page(request: { cursor?: string; at?: number; end?: true; limit: number }): Promise<TimelinePage>;
  /** The histogram of the filter narrowed to [from, to), or of the whole result when no range is given. */
  histogram(range: { from: number; to: number } | null, buckets: number): Promise<TimelineHistogram>;
}

/** Finer histograms asked for at most per jump; each narrows the bucket about 500 times. */
const MAX_REFINE = 4;
/** Full pages walked after a jump that landed short (a second holding more events than a page). */
const MAX_WALK_PAGES = 100;
/** The histogram ladder's smallest bucket: a bucket this wide cannot be split further. */
const FINEST_BUCKET_MS = 1000;

/**
 * Where position `target` is in time: the whole result's histogram names the bucket, and finer
 * histograms of that bucket narrow it until the bucket starts less than half a page before the
 * target (or cannot be split: many rows in one second).
 */
export async function locate(source: RowSource, target: number, overview: TimelineHistogram): Promise<Located | null> {
  let found = locateInHistogram(overview, target);
  for (let depth = 0; found && target - found.index >= PAGE_SIZE / 2 && depth < MAX_REFINE; depth++) {
    if (found.bucketMs <= FINEST_BUCKET_MS) break;
    const fine = await source.histogram({ from: found.at, to: found.end }, 500);
    const finer = locateInHistogram(fine, target, found.index);
    if (!finer) break;
    found = finer;
  }
  return found;
}

/**
 * Runs one read and places its rows. Returns how many rows were placed: zero means the core's
 * answer did not fill what the counts promised (the case changed meanwhile).
 */
export async function loadRows(store: RowStore, fetch: RowFetch, source: RowSource, overview: () => Promise<TimelineHistogram>): Promise<number> {
  switch (fetch.kind) {
    case 'start': {
      const page = await source.page({ limit: PAGE_SIZE });
      store.place(0, page.rows);
      return page.rows.length;
    }
    case 'end': {
      const page = await source.page({ end: true, limit: PAGE_SIZE });
      store.placeEnding(store.total - 1, page.rows);
      return page.rows.length;
    }
    case 'after': {
      const row = store.get(fetch.index);
      if (!row) return 0;
      const page = await source.page({ cursor: cursorAfter(row), limit: PAGE_SIZE });
      store.place(fetch.index + 1, page.rows);
      return page.rows.length;
    }
    case 'before': {
      const row = store.get(fetch.index);
      if (!row) return 0;
      const page = await source.page({ cursor: cursorBefore(row), limit: PAGE_SIZE });
      store.placeEnding(fetch.index - 1, page.rows);
      return page.rows.length;
    }
    case 'locate': {
      const found = await locate(source, fetch.index, await overview());
      if (!found) return 0;
      // Read far enough to reach the target in one go when the jump landed short of it.
      const limit = Math.min(PAGE_LIMIT_MAX, Math.max(PAGE_SIZE, fetch.index - found.index + PAGE_SIZE / 2));
      let page = await source.page({ at: found.at, limit });
      store.place(found.index, page.rows);
      let placed = page.rows.length;
      let last = found.index + page.rows.length - 1;
      // Many events in one second cannot be told apart by time: walk on by cursor to the target.
      for (let hops = 0; last < fetch.index && page.next !== null && hops < MAX_WALK_PAGES; hops++) {
        page = await source.page({ cursor: page.next, limit: PAGE_LIMIT_MAX });
        store.place(last + 1, page.rows);
        placed += page.rows.length;
        last += page.rows.length;
      }
      return placed;
    }
  }
}
