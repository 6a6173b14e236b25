import { describe, expect, it } from 'vitest';
import { createFakeTimeline, fakeRow } from '../../test/fake-timeline.js';
import { loadRows, type RowSource } from './row-loader.js';
import { nextFetch, PAGE_SIZE, RowStore } from './row-store.js';

const START = Date.parse('2026-11-01T00:00:00Z');

/** `count` rows, one every `stepMs`, with runs of rows sharing one time where `shared` says so. */
function timeline(count: number, stepMs = 7_000, shared: (i: number) => boolean = () => false) {
  let ts = START;
  const rows = Array.from({ length: count }, (_, i) => {
    if (!shared(i)) ts += stepMs;
    return fakeRow(i + 1, ts);
  });
  const fake = createFakeTimeline(rows);
  const source: RowSource = { page: async (r) => fake.page(r), histogram: async (range, buckets) => fake.histogram(range, buckets) };
  return { fake, source, overview: async () => fake.histogram(null, 500) };
}

/** Fills [from, to] the way the table does: one read at a time until nothing is missing. */
async function fill(store: RowStore, t: ReturnType<typeof timeline>, from: number, to: number): Promise<number> {
  let reads = 0;
  for (let fetch = nextFetch(store, from, to); fetch; fetch = nextFetch(store, from, to)) {
    const placed = await loadRows(store, fetch, t.source, t.overview);
    if (placed === 0) throw new Error(`read ${JSON.stringify(fetch)} placed nothing`);
    if (++reads > 50) throw new Error('too many reads');
  }
  return reads;
}

const expectPlaced = (store: RowStore, t: ReturnType<typeof timeline>, from: number, to: number) => {
  for (let i = from; i <= to; i++) expect(store.get(i)?.id, `position ${i}`).toBe(t.fake.rows[i]!.id);
};

describe('timeline paging', () => {
  it('reads the first screen from the start and scrolling on by cursor, never by time', async () => {
    const t = timeline(5_000);
    const store = new RowStore(5_000);
    expect(nextFetch(store, 0, 40)).toEqual({ kind: 'start' });
    await fill(store, t, 0, 40);
    await fill(store, t, 150, 420);
    expectPlaced(store, t, 0, 420);
    const pages = t.fake.calls.filter((c) => c.kind === 'page').map((c) => c.request as { at?: number; cursor?: string });
    expect(pages.every((p) => p.at === undefined)).toBe(true);
    expect(pages.slice(1).every((p) => typeof p.cursor === 'string')).toBe(true);
  });

  it('jumps to the middle of a large result by histogram counts, placing the rows exactly', async () => {
    const t = timeline(60_000);
    const store = new RowStore(60_000);
    const reads = await fill(store, t, 43_210, 43_250);
    expectPlaced(store, t, 43_210, 43_250);
    expect(reads).toBe(1);
    // One page read (a jump by time) and the histograms that located it; no row read from the start.
    const pages = t.fake.calls.filter((c) => c.kind === 'page');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.request).toMatchObject({ at: expect.any(Number) });
    expect(store.has(0)).toBe(false);
  });

  it('fills a gap just above placed rows by reading backwards from them', async () => {
    const t = timeline(50_000);
    const store = new RowStore(50_000);
    await fill(store, t, 30_000, 30_040);
    const first = Math.min(...[...Array(50_000).keys()].filter((i) => store.has(i)));
    expect(nextFetch(store, first - 50, first + 10)).toEqual({ kind: 'before', index: first });
    await fill(store, t, first - 50, first + 10);
    expectPlaced(store, t, first - 50, first + 10);
  });

  it('reads the end of the result from its end', async () => {
    const t = timeline(100_000, 1_000);
    const store = new RowStore(100_000);
    expect(nextFetch(store, 99_970, 99_999)).toEqual({ kind: 'end' });
    expect(await fill(store, t, 99_970, 99_999)).toBe(1);
    expectPlaced(store, t, 99_970, 99_999);
    expect(t.fake.calls).toEqual([{ kind: 'page', request: { end: true, limit: PAGE_SIZE } }]);
  });

  it('lands exactly inside a long run of events that share one time', async () => {
    // Rows 10,000 to 14,999 all carry one timestamp: no histogram can split them.
    const t = timeline(40_000, 3_000, (i) => i > 10_000 && i < 15_000);
    const store = new RowStore(40_000);
    await fill(store, t, 13_700, 13_740);
    expectPlaced(store, t, 13_700, 13_740);
  });

  it('keeps the rows near the screen when it must forget some', () => {
    const store = new RowStore(100);
    store.place(0, Array.from({ length: 100 }, (_, i) => fakeRow(i + 1, START + i)));
    store.evict(40, 49, 20);
    expect(store.size).toBe(20);
    for (let i = 40; i <= 49; i++) expect(store.has(i)).toBe(true);
    expect(store.has(0)).toBe(false);
    expect(store.has(99)).toBe(false);
  });

  it('patches the placed copies of an event after a change made on the page', () => {
    const store = new RowStore(10);
    store.place(0, [fakeRow(1, START), fakeRow(2, START + 1)]);
    store.patch([2], (r) => ({ ...r, bookmarked: true, tags: ['phish'] }));
    expect(store.get(1)).toMatchObject({ id: 2, bookmarked: true, tags: ['phish'] });
    expect(store.get(0)?.bookmarked).toBe(false);
    expect(store.indexOf(2)).toBe(1);
  });
});
