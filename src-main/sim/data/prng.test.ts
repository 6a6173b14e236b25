import { describe, expect, it } from 'vitest';
import { createRng, weightedTable } from './prng.js';

describe('createRng', () => {
  it('gives the same sequence for the same keys and a different one for other keys', () => {
    const draw = (...keys: (string | number)[]) => {
      const r = createRng(...keys);
      return [r.next(), r.int(1000), r.guid(), r.hex(12), r.base64(9)];
    };
    expect(draw(42, 'ual', 3)).toEqual(draw(42, 'ual', 3));
    expect(draw(42, 'ual', 3)).not.toEqual(draw(42, 'ual', 4));
    expect(draw(42, 'ual', 3)).not.toEqual(draw(43, 'ual', 3));
    // Number and string keys must not collide ("3" vs 3).
    expect(draw(42, 'ual', 3)).not.toEqual(draw(42, 'ual', '3'));
  });

  it('produces version-4 GUIDs and well-formed hex/base64 text', () => {
    const r = createRng(1);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const g = r.guid();
      expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(g);
    }
    expect(seen.size).toBe(2000);
    expect(r.hex(37)).toMatch(/^[0-9a-f]{37}$/);
    expect(r.base64(23)).toMatch(/^[A-Za-z0-9+/]{23}$/);
  });

  it('spreads values uniformly and keeps stochastic rounding unbiased', () => {
    const r = createRng('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) buckets[r.int(10)]! += 1;
    for (const b of buckets) expect(Math.abs(b - 5000)).toBeLessThan(400);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.roundStochastic(2.3);
    expect(sum / 20_000).toBeCloseTo(2.3, 1);
  });
});

describe('weightedTable', () => {
  it('keeps rare but non-zero entries and drops zero weights', () => {
    const table = weightedTable([['common', 999], ['rare', 0.01], ['never', 0]], 1000);
    expect(table).toContain('rare');
    expect(table).not.toContain('never');
    expect(table.filter((x) => x === 'common').length).toBeGreaterThan(990);
  });
});
