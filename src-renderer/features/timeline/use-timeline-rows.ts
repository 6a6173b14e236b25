import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import type { TimelineHistogram, TimelineRow } from '../../../src-shared/ipc/contract-timeline.js';
import { CallError } from '../../api/client.js';
import { useClient } from '../../api/client-context.js';
import { useEvent } from '../../api/use-event.js';
import { loadRows, type RowSource } from './row-loader.js';
import { nextFetch, PAGE_SIZE, RowStore, type RowFetch } from './row-store.js';

/** Rows read beyond the screen on each side, so scrolling a little never shows empty rows. */
const OVERSCAN_ROWS = 60;
/** Work-product tables: a change there alters rows' stars, tags and note counts, not the result. */
const WORK_TABLES = ['bookmarks', 'event_tags', 'notes'];

export interface TimelineRows {
  /** Result size the store was built for (the histogram's total), or null while it is unknown. */
  total: number | null;
  row(index: number): TimelineRow | undefined;
  /** The table reports the positions on screen; missing ones are read. */
  show(from: number, to: number): void;
  /** Updates placed rows at once after a change made here (the core's event refreshes them too). */
  patch(eventIds: readonly number[], change: (row: TimelineRow) => TimelineRow): void;
  error: unknown;
  /** Bumps whenever placed rows change, for memoised consumers. */
  version: number;
}

/**
 * The read that re-places the rows on screen over themselves: a page after the row just above
 * them (or from the start). Null when no placed row anchors them; they are then read anew anyway.
 */
function refetchFor(store: RowStore, from: number, to: number): RowFetch | null {
  if (from <= 0) return { kind: 'start' };
  if (store.has(from - 1)) return { kind: 'after', index: from - 1 };
  if (store.has(to + 1)) return { kind: 'before', index: to + 1 };
  return null;
}

/**
 * The rows of the current result for the virtualised table. The store is rebuilt whenever the
 * filter or the result's size changes; reads run one at a time and a read for an old store is
 * dropped, so a late answer never lands in a newer result.
 */
export function useTimelineRows(filter: TimelineFilter, total: number | null): TimelineRows {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>(null);
  // A new store per filter or size, even when the size is unchanged: positions belong to one result.
  const store = useMemo(() => (total === null ? null : new RowStore(total)), [filter, total]);
  const range = useRef({ from: 0, to: PAGE_SIZE });
  const running = useRef(false);
  const refreshWanted = useRef(false);

  /** The store on screen and the reads of its result, always swapped together. */
  const active = useRef<{ store: RowStore; source: RowSource; overview: Promise<TimelineHistogram> | null } | null>(null);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    let current = active.current;
    try {
      for (;;) {
        current = active.current;
        if (!current) break;
        const { store: rowsOf, source } = current;
        const pair = current;
        // The whole result's histogram, read once per result and only when a jump needs it.
        const overview = () => (pair.overview ??= source.histogram(null, 500).catch((e: unknown) => {
          pair.overview = null;
          throw e;
        }));
        const { from, to } = range.current;
        if (refreshWanted.current) {
          refreshWanted.current = false;
          const again = refetchFor(rowsOf, from, to);
          if (again) await loadRows(rowsOf, again, source, overview);
          if (active.current === current) setVersion((v) => v + 1);
          continue;
        }
        const fetch = nextFetch(rowsOf, from - OVERSCAN_ROWS, to + OVERSCAN_ROWS);
        if (!fetch) break;
        const before = rowsOf.size;
        const placed = await loadRows(rowsOf, fetch, source, overview);
        // The filter changed while this read ran: its rows belong to a result nobody shows now.
        if (active.current !== current) continue;
        rowsOf.evict(from - OVERSCAN_ROWS, to + OVERSCAN_ROWS);
        setVersion((v) => v + 1);
        if (placed === 0 || rowsOf.size === before) {
          throw new Error('The events changed while they were being read. Reload the timeline to see the current result.');
        }
      }
      setError(null);
    } catch (e) {
      // A failure of an old result's read, or a read superseded by a newer one, is nobody's concern.
      if (active.current === current && !(e instanceof CallError && e.info.code === 'cancelled')) setError(e);
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    active.current = store
      ? {
          store,
          overview: null,
          // One client key per purpose: a newer read of the table supersedes an older one still running.
          source: {
            page: (request) => client.call('timeline.page', { filter, ...request, client: 'timeline-table' }),
            histogram: (r, buckets) => client.call('timeline.histogram', { filter: r ? { ...filter, ...r } : filter, buckets, client: 'timeline-locate' }),
          },
        }
      : null;
    setError(null);
    setVersion((v) => v + 1);
    void pump();
  }, [store, client, pump]);

  const show = useCallback(
    (from: number, to: number) => {
      range.current = { from, to };
      void pump();
    },
    [pump],
  );

  const patch = useCallback((eventIds: readonly number[], change: (row: TimelineRow) => TimelineRow) => {
    active.current?.store.patch(eventIds, change);
    setVersion((v) => v + 1);
  }, []);

  // Stars, tags or notes changed (here or in another window): re-read the rows on screen.
  useEvent('db.changed', (payload) => {
    if (!active.current || !payload.tables.some((t) => WORK_TABLES.includes(t))) return;
    refreshWanted.current = true;
    void pump();
  });

  return {
    total: store?.total ?? null,
    // Until the effect has switched to a new store, its rows are simply not read yet.
    row: (index) => (active.current?.store === store ? store?.get(index) : undefined),
    show,
    patch,
    error,
    version,
  };
}
