import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimSource } from '../../../sim/data/types.js';
import { listDevOpsOrganizations, listSubscriptions } from '../sources/discovery.js';
import { ensureSubscriptions, MGMT_CONTENT_TYPES } from '../sources/mgmt-content.js';
import { startSimCollect, type SimCollect } from '../testing/sim-collect.js';
import { collectArmActivity, collectDevOpsAudit, collectDirectoryAudits, collectManagementContent, collectSignIns } from './source-plans.js';
import { DAY_MS, HOUR_MS } from './windows.js';

/**
 * The sources without reported totals, collected from the simulator with its default rate limits
 * (Graph's report APIs: 5 requests per 10 s), each compared with the tenant's ground truth hour by
 * hour: all four sign-in event types, directory audits, the Activity Log of every subscription,
 * the audit log of every DevOps organisation, and the Management API's content blobs.
 */
const SOURCES: [string, SimSource][] = [
  ['signin', 'signins'],
  ['directory_audit', 'directoryAudits'],
  ['azure_activity', 'azureActivity'],
  ['devops_audit', 'devopsAudit'],
];

describe('per-day windows of Graph, ARM, DevOps and the Management API against the simulator', () => {
  let h: SimCollect;
  beforeAll(async () => {
    // Six-hour content blobs keep the Management API part small.
    h = await startSimCollect({ faults: '', tokenLifetimeSeconds: 60, limits: { mgmtBlobMinutes: 360 } });
  });
  afterAll(() => h.close());

  it('stores exactly the ground truth of every source, every window complete', async () => {
    const urls = h.sim.serviceUrls;
    const anchor = Date.parse(h.dataset.anchor);
    const range = { startMs: anchor - (h.dataset.days + 1) * DAY_MS, endMs: anchor + HOUR_MS };
    const run = await h.newRun();
    const ctx = run.context;

    const subscriptions = await listSubscriptions(ctx.api, urls.arm);
    const organizations = await listDevOpsOrganizations(ctx.api, urls.devopsVssps);
    expect(subscriptions.map((s) => s.subscriptionId).sort()).toEqual(h.dataset.azure.subscriptions.map((s) => s.subscriptionId).sort());
    expect(organizations.sort()).toEqual(h.dataset.devops.organizations.map((o) => o.accountName).sort());

    const outcomes = [
      ...(await collectSignIns(ctx, urls.graph, range)),
      ...(await collectDirectoryAudits(ctx, urls.graph, range)),
      ...(await collectArmActivity(ctx, urls.arm, subscriptions.map((s) => s.subscriptionId), range)),
      ...(await collectDevOpsAudit(ctx, urls.devopsAudit, organizations, range)),
    ];
    expect(outcomes.filter((o) => o.status !== 'complete')).toEqual([]);
    // Four sign-in event types, one channel per subscription and per organisation.
    expect(new Set(outcomes.map((o) => o.channel)).size).toBe(4 + 1 + subscriptions.length + organizations.length);

    const truth = h.dataset.groundTruth;
    for (const [source, simSource] of SOURCES) {
      expect(truth.totals[simSource], source).toBeGreaterThan(0);
      expect(h.hourCounts(source), source).toEqual(truth.countsByHour[simSource]);
    }
    const windows = h.windows(run.jobId);
    expect(windows.every((w) => w.status === 'complete' && w.reported_total === null)).toBe(true);
    const events = h.cases.read((db) => db.prepare(`SELECT count(*) AS n FROM events WHERE source <> 'ual'`).get()) as { n: number };
    expect(windows.reduce((n, w) => n + w.stored_unique, 0)).toBe(events.n);
    // Graph's 5-per-10-seconds limit was met and waited out.
    expect(ctx.api.counters().byService.graph.throttledResponses).toBeGreaterThan(0);
    expect(await h.verifyPages()).toEqual([]);
    run.close();
  });

  it('stores the unified audit log from Management API content, duplicates across blobs removed', async () => {
    // Let every blob of the dataset become available (they appear after their time slice ends).
    await h.time.sleep(2 * HOUR_MS);
    const run = await h.newRun();
    const target = { mgmtBase: h.sim.serviceUrls.mgmt, tenantId: h.sim.tenantId };
    const state = await ensureSubscriptions(run.context.api, target, MGMT_CONTENT_TYPES, true);
    expect([...state.enabled, ...state.started].sort()).toEqual([...MGMT_CONTENT_TYPES].sort());

    const now = h.simNow().getTime();
    const outcomes = await collectManagementContent(run.context, target, MGMT_CONTENT_TYPES, { range: { startMs: now - 3 * DAY_MS, endMs: now } });
    run.close();
    expect(outcomes.filter((o) => o.status !== 'complete')).toEqual([]);
    // Windows of at most 24 hours on UTC days, the same for every content type.
    expect(outcomes.length % MGMT_CONTENT_TYPES.length).toBe(0);
    expect(outcomes.every((o) => o.endMs - o.startMs <= DAY_MS)).toBe(true);
    expect(h.hourCounts('ual')).toEqual(h.dataset.groundTruth.countsByHour.ual);
    const fetched = outcomes.reduce((n, o) => n + o.fetched, 0);
    const stored = outcomes.reduce((n, o) => n + o.storedNew, 0);
    expect(stored).toBe(h.dataset.groundTruth.totals.ual);
    expect(fetched).toBeGreaterThan(stored);
    expect(await h.verifyPages()).toEqual([]);
  });
});
