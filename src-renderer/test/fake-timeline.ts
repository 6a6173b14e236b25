import { decodeCursor, encodeCursor, type TimelineCursor } from '../../src-shared/domain/timeline-filter.js';
import type { TimelineHistogram, TimelinePage, TimelineRow } from '../../src-shared/ipc/contract-timeline.js';

/**
 * An in-memory timeline for renderer tests: rows in (ts, id) order, read by keyset cursor both
 * ways, by time, or from the end, and counted into histograms with exact bucket counts — the
 * contract's behaviour, without SQL.
 */

export function fakeRow(id: number, ts: number, extra: Partial<TimelineRow> = {}): TimelineRow {
  return {
    id,
    ts,
    ts_source: new Date(ts).toISOString(),
    source: 'signin',
    raw_format: 'signin.graph',
    record_id: `r-${id}`,
    workload: null,
    record_type: null,
    operation: 'Sign-in',
    result: 'success',
    result_code: null,
    actor: `user${id % 7}@contoso.example`,
    actor_id: null,
    actor_type: 'user',
    ip: `203.0.113.${id % 250}`,
    user_agent: null,
    app_id: null,
    app_name: null,
    target: null,
    session_id: null,
    correlation_id: null,
    country: 'GB',
    city: null,
    asn: null,
    page_ref: { page_id: 1, position: id - 1 },
    bookmarked: false,
    tags: [],
    notes: 0,
    ...extra,
  };
}

const after = (r: TimelineRow, c: { ts: number; id: number }) => r.ts > c.ts || (r.ts === c.ts && r.id > c.id);
const before = (r: TimelineRow, c: { ts: number; id: number }) => r.ts < c.ts || (r.ts === c.ts && r.id < c.id);

export interface PageRequest {
  cursor?: string;
  at?: number;
  end?: true;
  limit: number;
}

export function createFakeTimeline(rows: TimelineRow[]) {
  const sorted = [...rows].sort((a, b) => a.ts - b.ts || a.id - b.id);
  const calls: { kind: 'page' | 'histogram'; request: unknown }[] = [];

  function page(request: PageRequest): TimelinePage {
    calls.push({ kind: 'page', request });
    let position: TimelineCursor | null = null;
    if (request.cursor) position = decodeCursor(request.cursor);
    else if (request.at !== undefined) position = { ts: request.at, id: 0, direction: 'after' };
    else if (request.end) position = { ts: 8.64e15, id: Number.MAX_SAFE_INTEGER, direction: 'before' };
    const cursorOf = (r: TimelineRow | undefined, direction: 'after' | 'before') => (r ? encodeCursor({ ts: r.ts, id: r.id, direction }) : null);
    if (!position || position.direction === 'after') {
      const from = position ? sorted.filter((r) => after(r, position)) : sorted;
      const out = from.slice(0, request.limit);
      return { rows: out, next: from.length > request.limit ? cursorOf(out.at(-1), 'after') : null, prev: position ? cursorOf(out[0], 'before') : null, ranOn: 'main' };
    }
    const upTo = sorted.filter((r) => before(r, position));
    const out = upTo.slice(Math.max(0, upTo.length - request.limit));
    return { rows: out, prev: upTo.length > request.limit ? cursorOf(out[0], 'before') : null, next: cursorOf(out.at(-1), 'after'), ranOn: 'main' };
  }

  function histogram(range: { from: number; to: number } | null, buckets: number): TimelineHistogram {
    calls.push({ kind: 'histogram', request: { range, buckets } });
    const inRange = range ? sorted.filter((r) => r.ts >= range.from && r.ts < range.to) : sorted;
    const from = range?.from ?? sorted[0]?.ts ?? null;
    const to = range?.to ?? (sorted.length > 0 ? sorted[sorted.length - 1]!.ts + 1 : null);
    const zero = { ual: 0, signin: 0, directory_audit: 0, azure_activity: 0, devops_audit: 0 };
    if (from === null || to === null) return { from: null, to: null, bucketMs: 1000, buckets: [], total: 0, bySource: zero };
    // Whole seconds, like the core's ladder, never finer than one second.
    const bucketMs = Math.max(1000, Math.ceil((to - from) / buckets / 1000) * 1000);
    const origin = Math.floor(from / bucketMs) * bucketMs;
    const count = Math.max(1, Math.ceil((to - origin) / bucketMs));
    const out = Array.from({ length: count }, (_, i) => ({ start: origin + i * bucketMs, total: 0, counts: { ...zero } }));
    for (const r of inRange) {
      const b = out[Math.floor((r.ts - origin) / bucketMs)]!;
      b.total += 1;
      b.counts[r.source] += 1;
    }
    return { from, to, bucketMs, buckets: out, total: inRange.length, bySource: { ...zero, signin: inRange.length } };
  }

  return { rows: sorted, page, histogram, calls };
}
