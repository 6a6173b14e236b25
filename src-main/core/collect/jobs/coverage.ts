import type { CoverageStatus, CoverageStrip, WindowCounts } from '../../../../src-shared/domain/collection.js';
import type { LedgerWindow } from '../../db/queries/collection-jobs.js';
import type { TimeWindow } from '../planner/windows.js';

/**
 * The ledger read as coverage: which parts of a job's range each channel has proven complete,
 * which are gaps or failed, and which are still to come. Several runs of one job (a resume)
 * leave several rows for one stretch of time; a stretch proven complete by any run is complete,
 * otherwise the newest row's word counts. Split windows say nothing themselves: their children do.
 */

interface Segment {
  startMs: number;
  endMs: number;
  status: CoverageStatus;
  detail: string | null;
}

/** Merged, sorted intervals. */
export function mergeIntervals(windows: readonly TimeWindow[]): TimeWindow[] {
  const sorted = [...windows].sort((a, b) => a.startMs - b.startMs);
  const out: TimeWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.startMs <= last.endMs) last.endMs = Math.max(last.endMs, w.endMs);
    else out.push({ startMs: w.startMs, endMs: w.endMs });
  }
  return out;
}

/** Whether merged intervals cover the window entirely. */
export function covers(merged: readonly TimeWindow[], window: TimeWindow): boolean {
  for (const m of merged) {
    if (m.startMs <= window.startMs && m.endMs >= window.endMs) return true;
    if (m.startMs > window.startMs) return false;
  }
  return false;
}

/** Per channel, the stretches already proven complete: what a resumed run skips. */
export function completedByChannel(rows: readonly LedgerWindow[]): Map<string, TimeWindow[]> {
  const byChannel = new Map<string, TimeWindow[]>();
  for (const r of rows) {
    if (r.status !== 'complete') continue;
    const list = byChannel.get(r.channel) ?? [];
    list.push({ startMs: r.start_ms, endMs: r.end_ms });
    byChannel.set(r.channel, list);
  }
  return new Map([...byChannel].map(([channel, list]) => [channel, mergeIntervals(list)]));
}

const LEAF: ReadonlySet<string> = new Set(['complete', 'gap', 'failed', 'running', 'pending']);

/** Paints rows in order onto [start, end): later rows override earlier ones, except that complete is never overridden. */
function paint(rows: readonly LedgerWindow[], startMs: number, endMs: number): Segment[] {
  let segments: Segment[] = [];
  const ordered = [...rows].filter((r) => LEAF.has(r.status)).sort((a, b) => a.id - b.id);
  // Complete rows go last so nothing painted later can hide them.
  const layers = [...ordered.filter((r) => r.status !== 'complete'), ...ordered.filter((r) => r.status === 'complete')];
  for (const r of layers) {
    const s = Math.max(startMs, r.start_ms);
    const e = Math.min(endMs, r.end_ms);
    if (e <= s) continue;
    const next: Segment[] = [];
    for (const seg of segments) {
      if (seg.endMs <= s || seg.startMs >= e) next.push(seg);
      else {
        if (seg.startMs < s) next.push({ ...seg, endMs: s });
        if (seg.endMs > e) next.push({ ...seg, startMs: e });
      }
    }
    next.push({ startMs: s, endMs: e, status: r.status as CoverageStatus, detail: r.last_error });
    segments = next.sort((a, b) => a.startMs - b.startMs);
  }
  // What no row covers is still to come.
  const filled: Segment[] = [];
  let cursor = startMs;
  for (const seg of segments) {
    if (seg.startMs > cursor) filled.push({ startMs: cursor, endMs: seg.startMs, status: 'pending', detail: null });
    filled.push(seg);
    cursor = seg.endMs;
  }
  if (cursor < endMs) filled.push({ startMs: cursor, endMs, status: 'pending', detail: null });
  // Neighbours with the same status and detail read as one.
  const joined: Segment[] = [];
  for (const seg of filled) {
    const last = joined[joined.length - 1];
    if (last && last.status === seg.status && last.detail === seg.detail && last.endMs === seg.startMs) last.endMs = seg.endMs;
    else joined.push({ ...seg });
  }
  return joined;
}

export function coverageStrips(rows: readonly LedgerWindow[], range: TimeWindow | null): CoverageStrip[] {
  const channels = new Map<string, LedgerWindow[]>();
  for (const r of rows) {
    const key = `${r.source}\u0000${r.channel}`;
    channels.set(key, [...(channels.get(key) ?? []), r]);
  }
  return [...channels.values()].map((list) => {
    const first = list[0] as LedgerWindow;
    // Parts read at one instant (a mailbox's settings, a snapshot endpoint) lie outside the job's
    // time range: their strip spans their own windows.
    const inRange = range !== null && list.some((r) => r.end_ms > range.startMs && r.start_ms < range.endMs);
    const startMs = inRange ? range.startMs : Math.min(...list.map((r) => r.start_ms));
    const endMs = inRange ? range.endMs : Math.max(...list.map((r) => r.end_ms));
    return { source: first.source, channel: first.channel, rangeStart: startMs, rangeEnd: endMs, segments: paint(list, startMs, endMs) };
  });
}

/**
 * Window counts as a responder reads them: every leaf window once, by its final word. A failed or
 * interrupted window later proven complete by a resumed run counts as complete, not as failed.
 */
export function windowCounts(rows: readonly LedgerWindow[]): WindowCounts {
  const done = completedByChannel(rows);
  const counts: WindowCounts = { total: 0, complete: 0, gap: 0, failed: 0, running: 0, pending: 0, split: 0 };
  // One window searched again by a later run is one window: its newest row speaks for it.
  const newest = new Map<string, LedgerWindow>();
  for (const r of rows) {
    const key = `${r.channel}\u0000${r.start_ms}\u0000${r.end_ms}\u0000${r.status === 'split' ? 's' : 'l'}`;
    const seen = newest.get(key);
    if (!seen || r.id > seen.id) newest.set(key, r);
  }
  for (const r of newest.values()) {
    if (r.status === 'split') {
      counts.split += 1;
      continue;
    }
    if (r.status !== 'complete' && covers(done.get(r.channel) ?? [], { startMs: r.start_ms, endMs: r.end_ms })) continue;
    counts.total += 1;
    if (r.status === 'complete') counts.complete += 1;
    else if (r.status === 'gap') counts.gap += 1;
    else if (r.status === 'failed') counts.failed += 1;
    else if (r.status === 'running') counts.running += 1;
    else counts.pending += 1;
  }
  return counts;
}
