import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, TEST_ANCHOR, type SimFixture } from '../testing/sim-fixture.js';

/** Contract tests for ARM: subscriptions, Activity Log filter grammar, paging, 90-day reach, permissions, throttling. */
const activityUrl = (f: SimFixture, subscriptionId: string, filter: string) =>
  `${f.sim.serviceUrls.arm}/subscriptions/${subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=${encodeURIComponent(filter)}`;
const windowFilter = (start: Date, end: Date) => `eventTimestamp ge '${start.toISOString()}' and eventTimestamp le '${end.toISOString()}'`;

describe('ARM', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture({ limits: { armPageSize: 25 } });
  });
  afterAll(() => f.close());

  it('pages every subscription\'s Activity Log to exactly the ground truth', async () => {
    const subs = (await f.call(`${f.sim.serviceUrls.arm}/subscriptions?api-version=2022-12-01`, f.tokens.arm)).json<{ value: { subscriptionId: string }[] }>().value;
    expect(subs.length).toBe(f.sim.dataset.azure.subscriptions.length);
    const ids = new Set<string>();
    const filter = windowFilter(new Date(TEST_ANCHOR.getTime() - 5 * 86_400_000), new Date(TEST_ANCHOR.getTime() + 3600_000));
    for (const sub of subs) {
      let next: string | undefined = activityUrl(f, sub.subscriptionId, filter);
      while (next) {
        const res = await f.call(next, f.tokens.arm);
        expect(res.status, res.text.slice(0, 200)).toBe(200);
        expect(res.headers['x-ms-ratelimit-remaining-subscription-reads']).toBeUndefined();
        const body = res.json<{ value: { eventDataId: string }[]; nextLink?: string }>();
        body.value.forEach((e) => ids.add(e.eventDataId));
        next = body.nextLink;
      }
    }
    expect(ids.size).toBe(f.sim.dataset.groundTruth.totals.azureActivity);
  });

  it('enforces the $filter grammar, api-version and the 90-day reach', async () => {
    const sub = f.sim.dataset.azure.subscriptions[0]!.subscriptionId;
    const noFilter = await f.call(`${f.sim.serviceUrls.arm}/subscriptions/${sub}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01`, f.tokens.arm);
    expect(noFilter.status).toBe(400);
    const category = await f.call(activityUrl(f, sub, `${windowFilter(new Date(TEST_ANCHOR.getTime() - 86_400_000), TEST_ANCHOR)} and category eq 'Administrative'`), f.tokens.arm);
    expect(category.status).toBe(400);
    const old = await f.call(activityUrl(f, sub, windowFilter(new Date(TEST_ANCHOR.getTime() - 91 * 86_400_000), TEST_ANCHOR)), f.tokens.arm);
    expect(old.status).toBe(400);
    expect(old.json<{ error: { message: string } }>().error.message).toMatch(/90 days/);
    const noVersion = await f.call(`${f.sim.serviceUrls.arm}/subscriptions`, f.tokens.arm);
    expect(noVersion.json<{ error: { code: string } }>().error.code).toBe('MissingApiVersionParameter');
    const permissions = await f.call(`${f.sim.serviceUrls.arm}/subscriptions/${sub}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`, f.tokens.arm);
    expect(permissions.json<{ value: { actions: string[] }[] }>().value[0]?.actions).toEqual(['*/read']);
  });

  it('answers 401 InvalidAuthenticationTokenAudience for a Graph token', async () => {
    const res = await f.call(`${f.sim.serviceUrls.arm}/subscriptions?api-version=2022-12-01`, f.tokens.graph);
    expect(res.status).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('InvalidAuthenticationTokenAudience');
  });
});

describe('ARM gates', () => {
  it('no Reader on the subscription: 403 AuthorizationFailed for the Activity Log', async () => {
    const f = await startFixture({ profile: 'no-global-reader' });
    try {
      const sub = f.sim.dataset.azure.subscriptions[0]!.subscriptionId;
      const res = await f.call(activityUrl(f, sub, windowFilter(new Date(TEST_ANCHOR.getTime() - 86_400_000), TEST_ANCHOR)), f.tokens.arm);
      expect(res.status).toBe(403);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'AuthorizationFailed', message: expect.stringContaining('Microsoft.Insights/eventtypes/values/read') });
    } finally {
      await f.close();
    }
  });

  it('reports remaining reads and throttles with 429 Retry-After', async () => {
    const f = await startFixture({ faults: 'rate:off,rate:arm-read=3/1m' });
    try {
      const url = `${f.sim.serviceUrls.arm}/subscriptions?api-version=2022-12-01`;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await f.call(url, f.tokens.arm));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((a) => a.headers['x-ms-ratelimit-remaining-subscription-reads'])).toEqual(['2', '1', '0', '0']);
      expect(Number(answers[3]?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await f.close();
    }
  });
});
