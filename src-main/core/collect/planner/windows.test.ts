import { describe, expect, it } from 'vitest';
import { clampStart, DAY_MS, halve, HOUR_MS, splitRange } from './windows.js';

const t = (iso: string) => Date.parse(iso);

describe('time windows', () => {
  it('cuts a range on UTC hour or day boundaries, first and last windows partial', () => {
    expect(splitRange({ startMs: t('2026-03-01T10:30:00Z'), endMs: t('2026-03-01T13:15:00Z') }, HOUR_MS).map((w) => [new Date(w.startMs).toISOString(), new Date(w.endMs).toISOString()])).toEqual([
      ['2026-03-01T10:30:00.000Z', '2026-03-01T11:00:00.000Z'],
      ['2026-03-01T11:00:00.000Z', '2026-03-01T12:00:00.000Z'],
      ['2026-03-01T12:00:00.000Z', '2026-03-01T13:00:00.000Z'],
      ['2026-03-01T13:00:00.000Z', '2026-03-01T13:15:00.000Z'],
    ]);
    expect(splitRange({ startMs: t('2026-03-01T00:00:00Z'), endMs: t('2026-03-03T00:00:00Z') }, DAY_MS)).toHaveLength(2);
    expect(splitRange({ startMs: 5, endMs: 5 }, DAY_MS)).toEqual([]);
  });

  it('halves on whole seconds down to the minimum span, then refuses', () => {
    const start = t('2026-03-01T00:00:00Z');
    expect(halve({ startMs: start, endMs: start + 3000 }, 1000)).toEqual([
      { startMs: start, endMs: start + 1000 },
      { startMs: start + 1000, endMs: start + 3000 },
    ]);
    expect(halve({ startMs: start, endMs: start + HOUR_MS }, 1000)?.[0].endMs).toBe(start + HOUR_MS / 2);
    expect(halve({ startMs: start, endMs: start + 1000 }, 1000)).toBeNull();
    // Repeated halving of an hour always ends in one-second windows that tile it.
    const leaves: { startMs: number; endMs: number }[] = [];
    const walk = (w: { startMs: number; endMs: number }) => {
      const h = halve(w, 1000);
      if (h) h.forEach(walk);
      else leaves.push(w);
    };
    walk({ startMs: start, endMs: start + 37_000 });
    expect(leaves.every((w) => w.endMs - w.startMs === 1000)).toBe(true);
    expect(leaves).toHaveLength(37);
  });

  it('clamps a range to what a service still reaches', () => {
    expect(clampStart({ startMs: 0, endMs: 100 }, 40)).toEqual({ startMs: 40, endMs: 100 });
    expect(clampStart({ startMs: 0, endMs: 100 }, 100)).toBeNull();
  });
});
