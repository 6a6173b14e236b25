import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor, TimelineFilter, type TimelineFilterInput } from '../../../src-shared/domain/timeline-filter.js';
import { facetFields } from '../../../src-shared/ipc/contract-timeline.js';
import { createRng } from '../../sim/data/prng.js';
import { openCaseReadOnly } from '../db/open-case-db.js';
import { chooseBucketMs } from '../db/queries/timeline-histogram.js';
import { runReaderQuery } from './run-query.js';
import { registerTimelineFunctions } from './sql-functions.js';
import { randomFilter } from './testing/random-filter.js';
import { loadReference, refFacet, refMatches, type RefEvent } from './testing/reference.js';
import { createSeededCase, SHARED_TS, SHARED_TS_COUNT } from './testing/seeded-case.js';

/**
 * The engine against a plain reference: a generated case, every filter field and a few hundred
 * random combinations, each compared with a JavaScript scan over all events.
 */
describe('timeline query engine on a generated case', () => {
  let fixture: Awaited<ReturnType<typeof createSeededCase>>;
  let db: Database.Database;
  let events: RefEvent[];

  beforeAll(async () => {
    fixture = await createSeededCase();
    db = openCaseReadOnly(fixture.dbPath);
    registerTimelineFunctions(db);
    events = loadReference(db);
  });
  afterAll(() => {
    db?.close();
    fixture?.cleanup();
  });

  const expected = (f: TimelineFilter) => events.filter((e) => refMatches(f, e)).map((e) => e.id);
  const page = (f: TimelineFilter, limit: number, extra: { cursor?: Parameters<typeof encodeCursor>[0]; at?: number } = {}) =>
    runReaderQuery(db, { kind: 'page', request: { filter: f, limit, cursor: extra.cursor, at: extra.at } });
  const decode = (text: string) => {
    const [ts, id, dir] = Buffer.from(text, 'base64url').toString().split('.').slice(1);
    return { ts: Number(ts), id: Number(id), direction: dir === 'a' ? ('after' as const) : ('before' as const) };
  };

  /** Every matching id, read page by page forwards from the start. */
  function readForwards(f: TimelineFilter, limit: number): number[] {
    const ids: number[] = [];
    let p = page(f, limit);
    for (let guard = 0; guard < 10_000; guard++) {
      ids.push(...p.rows.map((r) => r.id));
      if (!p.next) break;
      p = page(f, limit, { cursor: decode(p.next) });
    }
    return ids;
  }

  /** Every matching id, read page by page backwards from past the end. */
  function readBackwards(f: TimelineFilter, limit: number): number[] {
    const chunks: number[][] = [];
    let p = page(f, limit, { cursor: { ts: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER, direction: 'before' } });
    for (let guard = 0; guard < 10_000; guard++) {
      chunks.unshift(p.rows.map((r) => r.id));
      if (!p.prev) break;
      p = page(f, limit, { cursor: decode(p.prev) });
    }
    return chunks.flat();
  }

  it('is a case with every source, runs of equal timestamps and work product', () => {
    expect(new Set(events.map((e) => e.source)).size).toBe(5);
    expect(events.filter((e) => e.ts === SHARED_TS).length).toBeGreaterThanOrEqual(SHARED_TS_COUNT);
    expect(events.some((e) => e.bookmarked)).toBe(true);
    expect(events.some((e) => e.tags.has('persistence'))).toBe(true);
  });

  const fieldCases: [string, (e: RefEvent[]) => TimelineFilterInput][] = [
    ['time range', (e) => ({ from: e[100]!.ts, to: e[900]!.ts })],
    ['source', () => ({ sources: { include: ['signin'] } })],
    ['sources excluded', () => ({ sources: { exclude: ['ual', 'devops_audit'] } })],
    ['workload', (e) => ({ workloads: { include: [e[3]!.workload!] } })],
    ['operation', () => ({ operations: { include: ['New-InboxRule', 'Sign-in'] } })],
    ['operation excluded', () => ({ operations: { exclude: ['Sign-in'] } })],
    ['actor in another spelling', (e) => ({ actors: { include: [e.find((x) => x.actor?.includes('@'))!.actor!.toUpperCase()] } })],
    ['actor excluded', (e) => ({ actors: { exclude: [e[0]!.actor!] } })],
    ['ip with a port', (e) => ({ ips: { include: [`${e.find((x) => x.ip?.includes('.'))!.ip!}:443`] } })],
    ['ip /24', (e) => ({ ips: { include: [`${e.find((x) => x.ip?.includes('.'))!.ip!}/24`] } })],
    ['ip /12 (not octet-aligned)', (e) => ({ ips: { include: [`${e.find((x) => x.ip?.includes('.'))!.ip!}/12`] } })],
    ['ip block excluded', (e) => ({ ips: { exclude: [`${e.find((x) => x.ip?.includes('.'))!.ip!}/16`] } })],
    ['all IPv4', () => ({ ips: { include: ['0.0.0.0/0'] } })],
    ['all IPv6', () => ({ ips: { include: ['::/0'] } })],
    ['app', (e) => ({ apps: { include: [e.find((x) => x.app_id)!.app_id!] } })],
    ['result', () => ({ results: { include: ['failure'] } })],
    ['result excluded', () => ({ results: { exclude: ['success'] } })],
    ['session', (e) => ({ sessionIds: { include: [e.find((x) => x.session_id)!.session_id!] } })],
    ['correlation', (e) => ({ correlationIds: { include: [e.find((x) => x.correlation_id)!.correlation_id!] } })],
    ['text word', () => ({ text: { include: ['forwarding'] } })],
    ['text UPN (FTS syntax inside)', (e) => ({ text: { include: [e.find((x) => x.actor?.includes('@'))!.actor!] } })],
    ['text phrase and word', () => ({ text: { include: ['"inbox rule"', 'new'] } })],
    ['text excluded', () => ({ text: { exclude: ['sharepoint', 'teams'] } })],
    ['text with operators', () => ({ text: { include: ['NOT OR AND * ^ ( ) : - Sign'] } })],
    ['bookmarked', () => ({ bookmarked: true })],
    ['not bookmarked', () => ({ bookmarked: false })],
    ['tagged', () => ({ tagged: true })],
    ['tag (any case)', () => ({ tags: { include: ['PERSISTENCE'] } })],
    ['tag excluded', () => ({ tags: { exclude: ['phish'] } })],
  ];

  it.each(fieldCases)('filter on %s returns exactly the reference rows', (_name, make) => {
    const f = TimelineFilter.parse(make(events));
    const want = expected(f);
    expect(readForwards(f, 97)).toEqual(want);
  });

  it('a few hundred random filter combinations return exactly the reference rows', () => {
    const rng = createRng(20261127, 'timeline-filters');
    let nonEmpty = 0;
    for (let i = 0; i < 200; i++) {
      const f = randomFilter(rng, events);
      const want = expected(f);
      if (want.length > 0) nonEmpty += 1;
      const got = readForwards(f, 1 + rng.int(400));
      if (got.length !== want.length || got.some((id, k) => id !== want[k])) expect({ filter: f, got: got.length }).toEqual({ filter: f, got: want.length });
    }
    // The generator draws from real values; most combinations must select something.
    expect(nonEmpty).toBeGreaterThan(80);
  });

  it('stitches pages with no duplicate or missing row, forwards and backwards, across a run of equal timestamps', () => {
    const all = events.map((e) => e.id);
    const empty = TimelineFilter.parse({});
    for (const limit of [7, 100, 299, 1000]) {
      expect(readForwards(empty, limit)).toEqual(all);
      expect(readBackwards(empty, limit)).toEqual(all);
    }
    // One row per page through the run of equal timestamps and its neighbours.
    const around = TimelineFilter.parse({ from: SHARED_TS - 3_600_000, to: SHARED_TS + 3_600_000 });
    expect(readForwards(around, 1)).toEqual(expected(around));
    expect(readBackwards(around, 1)).toEqual(expected(around));
    // Back from page 3 is page 2 again, row for row.
    const p1 = page(empty, 120, { at: SHARED_TS - 1 });
    const p2 = page(empty, 120, { cursor: decode(p1.next!) });
    const p3 = page(empty, 120, { cursor: decode(p2.next!) });
    expect(p2.rows.every((r) => r.ts === SHARED_TS)).toBe(true);
    expect(page(empty, 120, { cursor: decode(p3.prev!) }).rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
  });

  it('jumps to the first row at or after a time', () => {
    const empty = TimelineFilter.parse({});
    const target = events[500]!.ts;
    const jumped = page(empty, 5, { at: target });
    expect(jumped.rows.map((r) => r.id)).toEqual(events.filter((e) => e.ts >= target).slice(0, 5).map((e) => e.id));
    expect(page(empty, 5, { cursor: decode(jumped.prev!) }).rows.map((r) => r.id)).toEqual(events.filter((e) => e.ts < target).slice(-5).map((e) => e.id));
    const past = page(empty, 5, { at: events[events.length - 1]!.ts + 1 });
    expect(past).toMatchObject({ rows: [], next: null });
  });

  it('annotates rows with bookmark, tags and note count', () => {
    const rows = page(TimelineFilter.parse({ tagged: true }), 1000).rows;
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const r of rows) {
      expect(r.bookmarked).toBe(byId.get(r.id)!.bookmarked);
      expect(r.tags).toEqual([...byId.get(r.id)!.tags].sort());
    }
    const noted = page(TimelineFilter.parse({ from: events.find((e) => e.id === 5)!.ts }), 1000).rows.find((r) => r.id === 5);
    expect(noted?.notes).toBe(1);
  });

  it('counts every matching event once in the histogram, per bucket and source', () => {
    const rng = createRng(7, 'histogram');
    for (let i = 0; i < 40; i++) {
      const f = i === 0 ? TimelineFilter.parse({}) : randomFilter(rng, events);
      const matching = events.filter((e) => refMatches(f, e));
      const h = runReaderQuery(db, { kind: 'histogram', filter: f, buckets: 100 });
      expect(h.total).toBe(matching.length);
      if (matching.length === 0 && f.from === undefined) {
        expect(h.buckets).toEqual([]);
        continue;
      }
      expect(h.from).toBe(f.from ?? matching[0]!.ts);
      expect(h.to).toBe(f.to ?? matching[matching.length - 1]!.ts + 1);
      expect(h.bucketMs).toBe(chooseBucketMs(h.to! - h.from!, 100));
      expect(h.buckets.reduce((n, b) => n + b.total, 0)).toBe(matching.length);
      for (const e of matching) {
        const b = h.buckets[Math.floor((e.ts - h.buckets[0]!.start) / h.bucketMs)]!;
        b.counts[e.source as 'ual'] -= 1;
        b.total -= 1;
      }
      expect(h.buckets.filter((b) => b.total !== 0 || Object.values(b.counts).some((n) => n !== 0))).toEqual([]);
    }
  });

  it('reports the same top values, distinct and missing counts as the reference', () => {
    const rng = createRng(7, 'facets');
    for (let i = 0; i < 40; i++) {
      const f = i === 0 ? TimelineFilter.parse({}) : randomFilter(rng, events);
      const matching = events.filter((e) => refMatches(f, e));
      const limit = 1 + rng.int(12);
      const got = runReaderQuery(db, { kind: 'facets', filter: f, fields: [...facetFields], limit });
      expect(got.total).toBe(matching.length);
      for (const facet of got.facets) {
        const want = refFacet(matching, facet.field, limit);
        expect({ field: facet.field, values: facet.values.map(({ value, count }) => ({ value, count })), distinct: facet.distinct, missing: facet.missing }).toEqual({
          field: facet.field,
          ...want,
        });
      }
    }
  });
});
