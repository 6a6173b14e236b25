import { afterEach, describe, expect, it } from 'vitest';
import { startSimCollect, type SimCollect } from '../testing/sim-collect.js';
import { collectUal } from './ual-planner.js';
import { DAY_MS, HOUR_MS } from './windows.js';

/**
 * The unified audit log collected from the simulated Exchange with a session cap low enough that
 * several hours must be split: what lands in the case must be exactly the tenant's log, hour by
 * hour, with every window proven in the ledger and every page's hash intact — also when the
 * service throttles, fails, resets, cuts bodies short, glitches mid-session and tokens expire.
 */
const CAP = 20;
const limits = { ualSessionCap: CAP };
const target = (h: SimCollect) => ({
  exoBase: h.sim.serviceUrls.exo,
  tenant: h.sim.tenantId,
  anchorUpn: h.dataset.signedInUser.userPrincipalName,
  filter: {},
  // Small pages: several cmdlet runs per session and several HTTP pages per run.
  resultSize: 6,
  odataPageSize: 4,
  sessionCap: CAP,
});

function wholeRange(h: SimCollect) {
  const anchor = Date.parse(h.dataset.anchor);
  return { startMs: anchor - h.dataset.days * DAY_MS - HOUR_MS, endMs: anchor + HOUR_MS };
}

describe('UAL window planner against the simulator', () => {
  let h: SimCollect | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  async function collectAndCheck(harness: SimCollect) {
    const truth = harness.dataset.groundTruth;
    expect(Object.values(truth.countsByHour.ual).filter((n) => n > CAP).length).toBeGreaterThanOrEqual(3);
    const run = await harness.newRun();
    const result = await collectUal(run.context, { range: wholeRange(harness), target: target(harness) });
    run.close();

    expect(result.gaps).toBe(0);
    expect(result.failed).toBe(0);
    expect(harness.hourCounts('ual')).toEqual(truth.countsByHour.ual);

    const windows = harness.windows(run.jobId);
    expect(windows.filter((w) => w.status === 'split').length).toBeGreaterThanOrEqual(3);
    expect(windows.every((w) => w.status === 'complete' || w.status === 'split')).toBe(true);
    // Leaves tile the range without overlap, so their proven totals add up to the whole log.
    const leaves = windows.filter((w) => w.status === 'complete');
    expect(leaves.reduce((n, w) => n + (w.reported_total ?? -1), 0)).toBe(truth.totals.ual);
    expect(windows.reduce((n, w) => n + w.stored_unique, 0)).toBe(truth.totals.ual);
    for (const w of windows.filter((x) => x.split_parent !== null)) {
      const siblings = windows.filter((x) => x.split_parent === w.split_parent);
      const parent = windows.find((x) => x.id === w.split_parent);
      expect(parent?.status).toBe('split');
      expect(Math.min(...siblings.map((s) => s.start_ms))).toBe(parent?.start_ms);
      expect(Math.max(...siblings.map((s) => s.end_ms))).toBe(parent?.end_ms);
    }

    const pages = harness.cases.read((db) => db.prepare(`SELECT url, request_body, record_count, window_id FROM raw_pages`).all()) as {
      url: string;
      request_body: string | null;
      record_count: number;
      window_id: number | null;
    }[];
    expect(pages.length).toBeGreaterThan(windows.length);
    expect(pages.reduce((n, p) => n + p.record_count, 0)).toBe(windows.reduce((n, w) => n + w.fetched, 0));
    for (const p of pages) {
      expect(`${p.url} ${p.request_body ?? ''}`).not.toMatch(/bearer|eyJ[A-Za-z0-9_-]{10,}/i);
      expect(p.request_body).toContain('"SessionCommand":"ReturnLargeSet"');
    }
    const events = harness.cases.read((db) => db.prepare(`SELECT count(*) AS n, count(DISTINCT record_id) AS d FROM events WHERE source = 'ual'`).get()) as { n: number; d: number };
    expect(events).toEqual({ n: truth.totals.ual, d: truth.totals.ual });
    expect(await harness.verifyPages()).toEqual([]);
    return { result, counters: run.context.api.counters().total, windows };
  }

  it('stores exactly the tenant log, hour by hour, splitting hours over the session cap', async () => {
    h = await startSimCollect({ limits });
    const { counters } = await collectAndCheck(h);
    expect(counters.throttledResponses).toBe(0);
  });

  it('stores exactly the same under throttling, server errors, resets, truncation, session glitches and expiring tokens', async () => {
    h = await startSimCollect({ limits, tokenLifetimeSeconds: 20 });
    h.sim.setFaults('429:0.2,503:0.05,reset:0.03,truncate:0.03,exo-glitch:0.1');
    const { counters, windows } = await collectAndCheck(h);
    expect(counters.retries).toBeGreaterThan(0);
    expect(counters.throttledMs).toBeGreaterThan(0);
    expect(counters.networkErrors + counters.truncatedBodies).toBeGreaterThan(0);
    expect(h.tokens.forced).toBeGreaterThan(0);
    expect(windows.some((w) => w.attempts > 1)).toBe(true);
  });

  it('searches a window again when Exchange skips rows or answers empty mid-session', async () => {
    h = await startSimCollect({ limits });
    h.sim.setFaults('rate:off,exo-glitch:0.5');
    const truth = h.dataset.groundTruth.countsByHour.ual;
    const [hour, count] = Object.entries(truth).sort((a, b) => b[1] - a[1])[0] as [string, number];
    const run = await h.newRun();
    const result = await collectUal(run.context, { range: { startMs: Date.parse(hour), endMs: Date.parse(hour) + HOUR_MS }, target: target(h) });
    run.close();

    expect(result.gaps + result.failed).toBe(0);
    expect(h.hourCounts('ual')).toEqual({ [hour]: count });
    const glitched = h.windows(run.jobId).filter((w) => /Exchange session glitch: (ResultIndex jumped|an empty page)/.test(w.last_error ?? ''));
    expect(glitched.length).toBeGreaterThan(0);
    // Searched again with new sessions; one that kept glitching was split like an oversized one.
    expect(glitched.every((w) => w.attempts > 1 || w.status === 'split')).toBe(true);
    expect(glitched.some((w) => w.attempts > 1)).toBe(true);
  });

  it('marks a one-second window it cannot prove complete as a gap, with the reason', async () => {
    h = await startSimCollect({ scale: 0.2, limits: { ualSessionCap: 1 } });
    const perSecond = new Map<string, number>();
    for (const r of h.dataset.ual) perSecond.set(r.CreationTime.slice(0, 19), (perSecond.get(r.CreationTime.slice(0, 19)) ?? 0) + 1);
    const busy = [...perSecond.entries()].find(([, n]) => n > 1);
    expect(busy).toBeDefined();
    const second = Date.parse(`${busy?.[0]}Z`);
    const run = await h.newRun();
    const result = await collectUal(run.context, {
      range: { startMs: second - 30_000, endMs: second + 30_000 },
      target: { ...target(h), resultSize: 1, odataPageSize: 1, sessionCap: 1 },
    });
    run.close();

    expect(result.gaps).toBe(1);
    const gap = h.windows(run.jobId).find((w) => w.status === 'gap');
    expect(gap).toMatchObject({ start_ms: second, end_ms: second + 1000, reported_total: busy?.[1] });
    expect(gap?.last_error).toMatch(/cannot be split below 1 s: Exchange reports \d+ records, more than one session returns \(1\)/);
    expect(h.windows(run.jobId).filter((w) => w.status !== 'gap').every((w) => w.status === 'complete' || w.status === 'split')).toBe(true);
  });
});
