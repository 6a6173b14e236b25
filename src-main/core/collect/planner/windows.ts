/**
 * Time windows: half-open [startMs, endMs) in UTC milliseconds. Ranges are cut on UTC boundaries
 * of the step (whole hours, whole days), so the windows of two runs over overlapping ranges line
 * up and a responder reads "2025-03-01 14:00–15:00", not an arbitrary offset.
 */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

export const SECOND_MS = 1000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Cuts [startMs, endMs) at multiples of `stepMs` since the epoch; the first and last window may be shorter. */
export function splitRange(range: TimeWindow, stepMs: number): TimeWindow[] {
  if (!(stepMs > 0)) throw new Error('window step must be positive');
  if (!(range.endMs > range.startMs)) return [];
  const windows: TimeWindow[] = [];
  let start = range.startMs;
  while (start < range.endMs) {
    const boundary = (Math.floor(start / stepMs) + 1) * stepMs;
    const end = Math.min(boundary, range.endMs);
    windows.push({ startMs: start, endMs: end });
    start = end;
  }
  return windows;
}

/**
 * Two halves of a window, cut on a whole second (the cmdlet's date resolution). Null when the
 * window is already `minSpanMs` or shorter: it cannot be made smaller.
 */
export function halve(window: TimeWindow, minSpanMs: number): [TimeWindow, TimeWindow] | null {
  const span = window.endMs - window.startMs;
  if (span <= minSpanMs) return null;
  const half = Math.max(minSpanMs, Math.floor(span / 2 / SECOND_MS) * SECOND_MS);
  const mid = window.startMs + half;
  if (mid <= window.startMs || mid >= window.endMs) return null;
  return [
    { startMs: window.startMs, endMs: mid },
    { startMs: mid, endMs: window.endMs },
  ];
}

/** The range widened outwards to whole seconds. */
export function wholeSeconds(range: TimeWindow): TimeWindow {
  return { startMs: Math.floor(range.startMs / SECOND_MS) * SECOND_MS, endMs: Math.ceil(range.endMs / SECOND_MS) * SECOND_MS };
}

/** The part of a range no older than `earliestMs` (a service's reach), or null when nothing is left. */
export function clampStart(range: TimeWindow, earliestMs: number): TimeWindow | null {
  const startMs = Math.max(range.startMs, earliestMs);
  return startMs < range.endMs ? { startMs, endMs: range.endMs } : null;
}

export function describeWindow(w: TimeWindow): string {
  return `${new Date(w.startMs).toISOString()}–${new Date(w.endMs).toISOString()}`;
}
