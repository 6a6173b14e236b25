import { describe, expect, it } from 'vitest';
import { prefetchOne } from './prefetch.js';

describe('prefetchOne', () => {
  it('yields every item in order and starts the next fetch before the caller finishes the current one', async () => {
    const log: string[] = [];
    async function* pages() {
      for (let i = 1; i <= 3; i++) {
        log.push(`fetch ${i}`);
        await new Promise((r) => setTimeout(r, 1));
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const p of prefetchOne(pages())) {
      log.push(`store ${p} start`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`store ${p} end`);
      seen.push(p);
    }
    expect(seen).toEqual([1, 2, 3]);
    // Page 2 is asked for while page 1 is being stored.
    expect(log.indexOf('fetch 2')).toBeLessThan(log.indexOf('store 1 end'));
  });

  it('surfaces an error of a page at the point the caller reaches it', async () => {
    async function* pages() {
      yield 1;
      throw new Error('page 2 failed');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const p of prefetchOne(pages())) seen.push(p);
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([1]);
  });

  it('closes the source when the caller stops early, without an unhandled rejection from the page fetched ahead', async () => {
    let closed = false;
    async function* pages() {
      try {
        yield 1;
        throw new Error('never asked for');
      } finally {
        closed = true;
      }
    }
    for await (const p of prefetchOne(pages())) {
      expect(p).toBe(1);
      break;
    }
    expect(closed).toBe(true);
  });
});
