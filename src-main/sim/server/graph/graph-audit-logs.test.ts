import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../data/generate.js';
import { startFixture, TEST_ANCHOR, type SimFixture } from '../testing/sim-fixture.js';

/**
 * Contract tests for Graph auditLogs: paging to the last page returns exactly the ground truth,
 * the interactive-only default, v1.0 versus beta, `$top` bounds, licence and role gates,
 * retention, throttling and the 401 shapes.
 */
interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

async function pageAll<T>(f: SimFixture, url: string, token: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let next: string | undefined = url;
  let pages = 0;
  while (next) {
    const res = await f.call(next, token);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const page = res.json<GraphPage<T>>();
    items.push(...page.value);
    next = page['@odata.nextLink'];
    pages++;
  }
  return { items, pages };
}

const ALL_TYPES = "signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser' or t eq 'servicePrincipal' or t eq 'managedIdentity')";

describe('Graph audit logs', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture({ limits: { graphPageSize: 200 } });
  });
  afterAll(() => f.close());

  it('beta sign-ins of every type page to exactly the ground-truth count, newest first', async () => {
    const url = `${f.sim.serviceUrls.graph}/beta/auditLogs/signIns?$filter=${encodeURIComponent(ALL_TYPES)}`;
    const { items, pages } = await pageAll<{ id: string; createdDateTime: string }>(f, url, f.tokens.graph);
    expect(items.length).toBe(f.sim.dataset.groundTruth.totals.signins);
    expect(new Set(items.map((s) => s.id)).size).toBe(items.length);
    expect(pages).toBe(Math.max(1, Math.ceil(items.length / 200)));
    const times = items.map((s) => Date.parse(s.createdDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('returns interactive sign-ins only without a signInEventTypes filter; v1.0 rejects the filter', async () => {
    const interactive = f.sim.dataset.signIns.filter((s) => s.signInEventTypes.includes('interactiveUser')).length;
    const beta = await pageAll<{ signInEventTypes: string[] }>(f, `${f.sim.serviceUrls.graph}/beta/auditLogs/signIns`, f.tokens.graph);
    expect(beta.items.length).toBe(interactive);
    const v1 = await pageAll<Record<string, unknown>>(f, `${f.sim.serviceUrls.graph}/v1.0/auditLogs/signIns`, f.tokens.graph);
    expect(v1.items.length).toBe(interactive);
    expect(v1.items[0]).not.toHaveProperty('signInEventTypes');
    const refused = await f.call(`${f.sim.serviceUrls.graph}/v1.0/auditLogs/signIns?$filter=${encodeURIComponent(ALL_TYPES)}`, f.tokens.graph);
    expect(refused.status).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe('Invalid filter clause');
  });

  it('filters a time window and bounds $top', async () => {
    const start = new Date(TEST_ANCHOR.getTime() - 30 * 3600_000).toISOString().replace('.000', '');
    const end = new Date(TEST_ANCHOR.getTime() - 6 * 3600_000).toISOString().replace('.000', '');
    const filter = `activityDateTime ge ${start} and activityDateTime le ${end}`;
    const got = await pageAll<{ activityDateTime: string }>(f, `${f.sim.serviceUrls.graph}/v1.0/auditLogs/directoryAudits?$filter=${encodeURIComponent(filter)}`, f.tokens.graph);
    const expected = f.sim.dataset.directoryAudits.filter((a) => {
      const t = Date.parse(a.activityDateTime);
      return t >= Date.parse(start) && t <= Date.parse(end);
    });
    expect(got.items.length).toBe(expected.length);
    const all = await pageAll(f, `${f.sim.serviceUrls.graph}/v1.0/auditLogs/directoryAudits`, f.tokens.graph);
    expect(all.items.length).toBe(f.sim.dataset.groundTruth.totals.directoryAudits);
    const tooBig = await f.call(`${f.sim.serviceUrls.graph}/beta/auditLogs/signIns?$top=1001`, f.tokens.graph);
    expect(tooBig.status).toBe(400);
    const badFilter = await f.call(`${f.sim.serviceUrls.graph}/beta/auditLogs/signIns?$filter=${encodeURIComponent('nonsense eq 1')}`, f.tokens.graph);
    expect(badFilter.status).toBe(400);
  });

  it('answers 401 InvalidAuthenticationToken for a missing or wrong-audience token', async () => {
    const url = `${f.sim.serviceUrls.graph}/v1.0/auditLogs/directoryAudits`;
    const missing = await f.http.request(url);
    expect(missing.status).toBe(401);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('InvalidAuthenticationToken');
    const wrong = await f.call(url, f.tokens.arm);
    expect(wrong.status).toBe(401);
    expect(wrong.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'InvalidAuthenticationToken', message: expect.stringMatching(/audience/i) });
  });

  it('serves readiness reads: licences, roles, organization', async () => {
    const skus = await f.call(`${f.sim.serviceUrls.graph}/v1.0/subscribedSkus`, f.tokens.graph);
    expect(skus.json<{ value: { skuPartNumber: string }[] }>().value.map((s) => s.skuPartNumber)).toContain('SPE_E5');
    const roles = await f.call(`${f.sim.serviceUrls.graph}/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole`, f.tokens.graph);
    expect(roles.json<{ value: { roleTemplateId: string }[] }>().value.map((r) => r.roleTemplateId)).toEqual(f.sim.dataset.profile.signedInUserRoles.map((r) => r.roleTemplateId));
    const org = await f.call(`${f.sim.serviceUrls.graph}/v1.0/organization`, f.tokens.graph);
    expect(org.json<{ value: { id: string }[] }>().value[0]?.id).toBe(f.sim.tenantId);
  });
});

describe('Graph audit-log gates', () => {
  it('free tenant: sign-ins 403 (non-premium); directory audits reach back only 7 days from the simulated now', async () => {
    let offsetMs = 0;
    const dataset = generateDataset({ seed: 5, profile: 'free', days: 7, scale: 0.3, anchor: TEST_ANCHOR });
    const f = await startFixture({ dataset, profile: 'free', tokenLifetimeSeconds: 86_400, clock: () => new Date(Date.now() + offsetMs) });
    try {
      const signIns = await f.call(`${f.sim.serviceUrls.graph}/beta/auditLogs/signIns`, f.tokens.graph);
      expect(signIns.status).toBe(403);
      expect(signIns.json<{ error: { code: string } }>().error.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
      // Half a day later the oldest half day of the 7-day window has aged out.
      offsetMs = 12 * 3600_000;
      const audits = await pageAll<{ activityDateTime: string }>(f, `${f.sim.serviceUrls.graph}/v1.0/auditLogs/directoryAudits`, f.tokens.graph);
      const reach = TEST_ANCHOR.getTime() + offsetMs - 7 * 86_400_000;
      const dataset = f.sim.dataset.directoryAudits;
      const retained = dataset.filter((a) => Date.parse(a.activityDateTime) >= reach).length;
      expect(retained).toBeLessThan(dataset.length);
      // The simulated clock runs on by the seconds the test takes; allow a record at the boundary.
      expect(Math.abs(audits.items.length - retained)).toBeLessThanOrEqual(1);
      expect(audits.items.every((a) => Date.parse(a.activityDateTime) >= reach)).toBe(true);
    } finally {
      await f.close();
    }
  });

  it('responder without a directory role gets 403 Authorization_RequestDenied', async () => {
    const f = await startFixture({ profile: 'no-global-reader' });
    try {
      const res = await f.call(`${f.sim.serviceUrls.graph}/v1.0/auditLogs/directoryAudits`, f.tokens.graph);
      expect(res.status).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('Authorization_RequestDenied');
    } finally {
      await f.close();
    }
  });

  it('throttles the reports bucket with 429 and Retry-After', async () => {
    const f = await startFixture({ faults: 'rate:off,rate:graph-audit=2/10s' });
    try {
      const url = `${f.sim.serviceUrls.graph}/v1.0/auditLogs/directoryAudits?$top=1`;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(await f.call(url, f.tokens.graph));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(Number(statuses[2]?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(statuses[2]?.json<{ error: { code: string } }>().error.code).toBe('TooManyRequests');
      // Other Graph resources draw from another bucket.
      expect((await f.call(`${f.sim.serviceUrls.graph}/v1.0/organization`, f.tokens.graph)).status).toBe(200);
    } finally {
      await f.close();
    }
  });
});
