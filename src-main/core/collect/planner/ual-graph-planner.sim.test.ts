import { afterEach, describe, expect, it } from 'vitest';
import { startSimCollect, type SimCollect } from '../testing/sim-collect.js';
import { collectUalGraphQuery } from './ual-graph-planner.js';
import { DAY_MS, HOUR_MS, splitRange } from './windows.js';

/**
 * The unified audit log read through Graph audit log queries from the simulator (queries take
 * their time on the virtual clock): the case must hold exactly the tenant's log, hour by hour —
 * also under throttling, server errors, resets, cut answers and queries that fail — with
 * truncated queries split until each is whole, and a query that keeps failing recorded as a
 * failed window with the service's reason.
 */
describe('UAL through Graph audit log queries against the simulator', () => {
  let h: SimCollect | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  const wholeRange = (harness: SimCollect) => {
    const anchor = Date.parse(harness.dataset.anchor);
    return { startMs: anchor - harness.dataset.days * DAY_MS - HOUR_MS, endMs: anchor + HOUR_MS };
  };

  async function collectAll(harness: SimCollect, options: { maxAttempts?: number; concurrency?: number } = {}) {
    const run = await harness.newRun();
    const result = await collectUalGraphQuery(run.context, { graphBase: harness.sim.serviceUrls.graph, range: wholeRange(harness), filter: {}, ...options });
    run.close();
    const truth = harness.dataset.groundTruth;
    expect(result.windows.filter((w) => w.status === 'failed' || w.status === 'gap').map((w) => `${w.attempts}: ${w.error}`)).toEqual([]);
    expect(harness.hourCounts('ual')).toEqual(truth.countsByHour.ual);
    const events = harness.cases.read((db) => db.prepare(`SELECT count(*) AS n, count(DISTINCT record_id) AS d, min(raw_format) AS f, max(raw_format) AS g FROM events`).get());
    expect(events).toEqual({ n: truth.totals.ual, d: truth.totals.ual, f: 'ual.graph_audit_query', g: 'ual.graph_audit_query' });
    const windows = harness.windows(run.jobId);
    expect(windows.every((w) => w.source === 'ual' && w.channel === 'graph_audit_query' && (w.status === 'complete' || w.status === 'split'))).toBe(true);
    // Complete windows tile the range; their proven totals add up to the whole log.
    expect(windows.filter((w) => w.status === 'complete').reduce((n, w) => n + (w.reported_total ?? -1), 0)).toBe(truth.totals.ual);
    expect(windows.reduce((n, w) => n + w.stored_unique, 0)).toBe(truth.totals.ual);
    expect(await harness.verifyPages()).toEqual([]);
    return { result, windows, counters: run.context.api.counters().total, jobId: run.jobId };
  }

  it('stores exactly the tenant log, one query per UTC day, waiting on the virtual clock', async () => {
    h = await startSimCollect({ limits: { auditQueryPageSize: 25 } });
    const started = h.simNow().getTime();
    const { windows } = await collectAll(h);
    expect(windows.length).toBe(splitRange(wholeRange(h), DAY_MS).length);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(windows.every((w) => w.end_ms - w.start_ms <= DAY_MS && w.attempts === 1)).toBe(true);
    // Each query was polled until it finished: at least its simulated run time passed.
    expect(h.simNow().getTime() - started).toBeGreaterThanOrEqual(18_000);
    const pages = h.cases.read((db) => db.prepare(`SELECT url, format FROM raw_pages`).all()) as { url: string; format: string }[];
    // Records arrived over several pages of one query.
    expect(pages.length).toBeGreaterThan(windows.length);
    expect(pages.every((p) => p.format === 'ual.graph_audit_query' && /\/security\/auditLog\/queries\/[^/]+\/records/.test(p.url))).toBe(true);
  });

  it('splits a day whose query stops at the record limit until every part is whole', async () => {
    const limit = 40;
    h = await startSimCollect({ limits: { auditQueryRecordLimit: limit } });
    const perDay = new Map<string, number>();
    for (const [hour, n] of Object.entries(h.dataset.groundTruth.countsByHour.ual)) perDay.set(hour.slice(0, 10), (perDay.get(hour.slice(0, 10)) ?? 0) + n);
    expect([...perDay.values()].some((n) => n > limit)).toBe(true);
    const { windows } = await collectAll(h);
    const split = windows.filter((w) => w.status === 'split');
    expect(split.length).toBeGreaterThan(0);
    expect(split.every((w) => /record limit/.test(w.last_error ?? ''))).toBe(true);
    expect(windows.filter((w) => w.status === 'complete').every((w) => (w.reported_total ?? 0) <= limit)).toBe(true);
  });

  it('stores exactly the same under throttling, server errors, resets, truncation and failing queries', async () => {
    // Tokens outlive the longest wait between polls. One window at a time: on the shared virtual
    // clock another window's wait would age a token between its renewal and its use.
    h = await startSimCollect({ limits: { auditQueryPageSize: 10 }, faults: 'rate:off,429:0.2,503:0.05,reset:0.08,truncate:0.08,query-fail@graph:req=1+25+50', tokenLifetimeSeconds: 40 });
    const { counters, windows } = await collectAll(h, { maxAttempts: 6, concurrency: 1 });
    // Failed queries were created again; the window keeps why it was repeated.
    expect(windows.some((w) => w.attempts > 1 && /ended failed/.test(w.last_error ?? ''))).toBe(true);
    expect(counters.retries).toBeGreaterThan(0);
    expect(counters.throttledMs).toBeGreaterThan(0);
    expect(counters.networkErrors + counters.truncatedBodies).toBeGreaterThan(0);
    expect(h.tokens.forced).toBeGreaterThan(0);
  });

  it('fails a window whose query keeps failing, with the reason, and goes on', async () => {
    h = await startSimCollect({ faults: 'rate:off,query-fail@graph:1' });
    const today = Math.floor(Date.parse(h.dataset.anchor) / DAY_MS) * DAY_MS;
    const run = await h.newRun();
    const result = await collectUalGraphQuery(run.context, { graphBase: h.sim.serviceUrls.graph, range: { startMs: today - 2 * DAY_MS, endMs: today }, filter: {} });
    run.close();
    expect(result.failed).toBe(2);
    expect(result.windows.every((w) => w.status === 'failed' && w.attempts === 2)).toBe(true);
    const windows = h.windows(run.jobId);
    expect(windows.map((w) => w.status)).toEqual(['failed', 'failed']);
    expect(windows.every((w) => /audit log query [0-9a-f-]+ ended failed/.test(w.last_error ?? ''))).toBe(true);
    expect(h.cases.read((db) => db.prepare('SELECT count(*) AS n FROM events').get())).toEqual({ n: 0 });
  });
});
