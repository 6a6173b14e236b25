import { describe, expect, it } from 'vitest';
import { segmentBox, segmentLabel, stripSummary, windowsSummary } from './coverage-summary.js';
import { etaText, formatRate, formatSeconds, jobRangeText, windowProgress } from './job-format.js';

const seg = (status: 'complete' | 'gap' | 'failed' | 'running' | 'pending', detail: string | null = null) => ({ startMs: 0, endMs: 3_600_000, status, detail });

describe('job and coverage wording', () => {
  it('counts finished windows of the windows still counted; a split window is neither', () => {
    expect(windowProgress({ total: 10, complete: 4, gap: 1, failed: 1, running: 1, pending: 1, split: 2 })).toEqual({ done: 6, total: 8 });
    expect(windowProgress({ total: 0, complete: 0, gap: 0, failed: 0, running: 0, pending: 0, split: 0 })).toEqual({ done: 0, total: 0 });
  });

  it('says rate, durations and ETA plainly', () => {
    expect(formatRate(null)).toBe('–');
    expect(formatRate(0.42)).toBe('0.4 rec/s');
    expect(formatRate(12345.6)).toBe('12,346 rec/s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(725)).toBe('12 min 05 s');
    expect(formatSeconds(3 * 3600 + 7 * 60 + 30)).toBe('3 h 07 min');
    expect(etaText({ status: 'running', etaSeconds: null })).toBe('estimating…');
    expect(etaText({ status: 'running', etaSeconds: 90 })).toBe('1 min 30 s');
    expect(etaText({ status: 'complete', etaSeconds: 90 })).toBe('–');
  });

  it('labels ranges in UTC, and a snapshot as having none', () => {
    expect(jobRangeText({ rangeStart: Date.parse('2025-03-01T00:00:00Z'), rangeEnd: Date.parse('2025-03-04T10:30:00Z') })).toBe('2025-03-01 00:00 – 2025-03-04 10:30 UTC');
    expect(jobRangeText({ rangeStart: null, rangeEnd: null })).toBe('point-in-time snapshot (no range)');
  });

  it('summarises a job’s windows in words', () => {
    const none = { total: 0, complete: 0, gap: 0, failed: 0, running: 0, pending: 0, split: 0 };
    expect(windowsSummary({ ...none, total: 24, complete: 24, split: 3 })).toBe('24 of 24 windows complete');
    expect(windowsSummary({ ...none, total: 5, complete: 1, gap: 2, running: 1, pending: 1 })).toBe('1 of 5 windows complete · 2 gaps · 1 running · 1 pending');
    expect(windowsSummary({ ...none, total: 1, failed: 1 })).toBe('0 of 1 window complete · 1 failed');
    expect(windowsSummary(none)).toBe('No windows planned yet');
  });

  it('summarises a strip by the share of its range each status covers, never rounding to 100% or 0% wrongly', () => {
    const at = (startMs: number, endMs: number, status: 'complete' | 'gap' | 'failed' | 'running' | 'pending') => ({ startMs, endMs, status, detail: null });
    expect(stripSummary({ rangeStart: 0, rangeEnd: 100, segments: [at(0, 100, 'complete')] })).toBe('100% of the range complete');
    expect(stripSummary({ rangeStart: 0, rangeEnd: 100, segments: [at(0, 62, 'complete'), at(62, 67, 'gap'), at(67, 100, 'pending')] })).toBe(
      '62% of the range complete · gap 5% · pending 33%',
    );
    expect(stripSummary({ rangeStart: 0, rangeEnd: 10_000, segments: [at(0, 9_995, 'complete'), at(9_995, 10_000, 'failed')] })).toBe('99% of the range complete · failed <1%');
    expect(stripSummary({ rangeStart: 0, rangeEnd: 100, segments: [] })).toBe('No windows planned yet');
  });

  it('names a segment by range, status and reason, and places it along the strip', () => {
    expect(segmentLabel(seg('gap', 'cap reached'))).toBe('1970-01-01 00:00 – 1970-01-01 01:00 UTC: gap — cap reached');
    expect(segmentLabel(seg('complete'))).toBe('1970-01-01 00:00 – 1970-01-01 01:00 UTC: complete');
    expect(segmentBox({ startMs: 25, endMs: 50, status: 'complete', detail: null }, 0, 100)).toEqual({ left: 25, width: 25 });
    expect(segmentBox({ startMs: -10, endMs: 200, status: 'complete', detail: null }, 0, 100)).toEqual({ left: 0, width: 100 });
  });
});
