import type { CoverageStatus, CoverageStrip, WindowCounts } from '../../../src-shared/domain/collection.js';
import { formatCount, utcRange } from './job-format.js';

export type Segment = CoverageStrip['segments'][number];

/** Legend order: the good news first, then what needs a look, then what is still to come. */
export const coverageStatuses: readonly CoverageStatus[] = ['complete', 'gap', 'failed', 'running', 'pending'];

export const coverageWords: Record<CoverageStatus, string> = {
  complete: 'complete',
  gap: 'gap',
  failed: 'failed',
  running: 'running',
  pending: 'pending',
};

/** What each colour means, for the legend (a status is never told by colour alone). */
export const coverageMeanings: Record<CoverageStatus, string> = {
  complete: 'every record the service holds for the window arrived (proven)',
  gap: 'could not be proven complete at the smallest window; the reason is recorded',
  failed: 'the service refused or kept failing; resume to try again',
  running: 'being fetched now',
  pending: 'planned, not fetched yet',
};

export type CoverageCounts = Record<CoverageStatus, number>;

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * A job's windows in one line a screen reader (and a tired eye) can take in instead of colours:
 * "24 of 24 windows complete", or "20 of 24 windows complete · 1 gap · 3 pending". Counts are the
 * ledger's leaf windows (a split window is covered by its children), as the core reports them.
 */
export function windowsSummary(windows: WindowCounts): string {
  const counts: CoverageCounts = { complete: windows.complete, gap: windows.gap, failed: windows.failed, running: windows.running, pending: windows.pending };
  const total = coverageStatuses.reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return 'No windows planned yet';
  const rest = coverageStatuses
    .filter((status) => status !== 'complete' && counts[status] > 0)
    .map((status) => (status === 'gap' ? plural(counts.gap, 'gap', 'gaps') : `${formatCount(counts[status])} ${coverageWords[status]}`));
  return [`${formatCount(counts.complete)} of ${plural(total, 'window', 'windows')} complete`, ...rest].join(' · ');
}

/** Share of the range as a whole percent; never rounded up to 100 nor down to 0 when it is not. */
function share(ms: number, span: number): string {
  const pct = (ms / span) * 100;
  if (pct >= 100) return '100%';
  if (pct > 99) return '99%';
  if (pct > 0 && pct < 1) return '<1%';
  return `${Math.round(pct)}%`;
}

/**
 * One strip in words, by how much of its range each status covers. The core joins neighbouring
 * windows of one status into one segment, so a strip speaks in time, not in windows:
 * "100% of the range complete", or "62% of the range complete · gap 5% · pending 33%".
 */
export function stripSummary(strip: Pick<CoverageStrip, 'segments' | 'rangeStart' | 'rangeEnd'>): string {
  const span = strip.rangeEnd - strip.rangeStart;
  if (strip.segments.length === 0 || span <= 0) return 'No windows planned yet';
  const covered: CoverageCounts = { complete: 0, gap: 0, failed: 0, running: 0, pending: 0 };
  for (const segment of strip.segments) covered[segment.status] += Math.max(0, segment.endMs - segment.startMs);
  const rest = coverageStatuses.filter((status) => status !== 'complete' && covered[status] > 0).map((status) => `${coverageWords[status]} ${share(covered[status], span)}`);
  return [`${share(covered.complete, span)} of the range complete`, ...rest].join(' · ');
}

/** The accessible name (and tooltip) of one segment: its range, its status and, when recorded, why. */
export function segmentLabel(segment: Segment): string {
  const base = `${utcRange(segment.startMs, segment.endMs)}: ${coverageWords[segment.status]}`;
  return segment.detail ? `${base} — ${segment.detail}` : base;
}

/** Where a segment sits along its strip, in percent; clamped so a stray bound cannot overflow the bar. */
export function segmentBox(segment: Segment, rangeStart: number, rangeEnd: number): { left: number; width: number } {
  const span = rangeEnd - rangeStart;
  if (span <= 0) return { left: 0, width: 100 };
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  const left = clamp(((segment.startMs - rangeStart) / span) * 100);
  const right = clamp(((segment.endMs - rangeStart) / span) * 100);
  return { left, width: Math.max(0, right - left) };
}
