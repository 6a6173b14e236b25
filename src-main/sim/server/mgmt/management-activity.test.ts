import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, TEST_ANCHOR, type SimFixture } from '../testing/sim-fixture.js';
import { CONTENT_TYPES } from './content-blobs.js';

/** Contract tests for the Office 365 Management Activity API: subscriptions, 24 h listing windows with NextPageUri, blobs with duplicates. */
describe('Management Activity API', () => {
  let f: SimFixture;
  const feed = () => `${f.sim.serviceUrls.mgmt}/api/v1.0/${f.sim.tenantId}/activity/feed`;
  beforeAll(async () => {
    f = await startFixture({ limits: { mgmtContentPageSize: 2, mgmtLatencyMinutes: 0, mgmtBlobMinutes: 360, mgmtDuplicateRate: 0.2 } });
  });
  afterAll(() => f.close());

  it('lists content in 24-hour windows over 7 days; unique records equal the ground truth', async () => {
    const noSub = await f.call(`${feed()}/subscriptions/content?contentType=Audit.Exchange`, f.tokens.mgmt);
    expect(noSub.json<{ error: { code: string } }>().error.code).toBe('AF20022');
    const unique = new Set<string>();
    let delivered = 0;
    let pagedWithHeader = false;
    for (const type of CONTENT_TYPES) {
      expect((await f.call(`${feed()}/subscriptions/start?contentType=${type}`, f.tokens.mgmt, { method: 'POST' })).status).toBe(200);
      for (let day = 0; day < 7; day++) {
        const end = new Date(TEST_ANCHOR.getTime() + 3600_000 - day * 86_400_000);
        const start = new Date(end.getTime() - 86_400_000);
        let next: string | undefined = `${feed()}/subscriptions/content?contentType=${type}&startTime=${start.toISOString().slice(0, 19)}&endTime=${end.toISOString().slice(0, 19)}`;
        while (next) {
          const res = await f.call(next, f.tokens.mgmt);
          expect(res.status, res.text.slice(0, 200)).toBe(200);
          for (const item of res.json<{ contentUri: string }[]>()) {
            const blob = (await f.call(item.contentUri, f.tokens.mgmt)).json<{ Id: string }[]>();
            delivered += blob.length;
            blob.forEach((r) => unique.add(r.Id));
          }
          next = res.headers['nextpageuri'];
          if (next) {
            pagedWithHeader = true;
            expect(next).toContain('/api/v1/');
          }
        }
      }
    }
    expect(pagedWithHeader).toBe(true);
    expect(unique.size).toBe(f.sim.dataset.groundTruth.totals.ual);
    expect(delivered).toBeGreaterThan(unique.size);
  });

  it('validates the listing window and the tenant', async () => {
    const url = (q: string) => `${feed()}/subscriptions/content?contentType=Audit.General&${q}`;
    await f.call(`${feed()}/subscriptions/start?contentType=Audit.General`, f.tokens.mgmt, { method: 'POST' });
    const day = (d: number) => new Date(TEST_ANCHOR.getTime() - d * 86_400_000).toISOString().slice(0, 19);
    expect((await f.call(url(`startTime=${day(2)}&endTime=${day(0)}`), f.tokens.mgmt)).json<{ error: { code: string } }>().error.code).toBe('AF20055');
    expect((await f.call(url(`startTime=${day(9)}&endTime=${day(8)}`), f.tokens.mgmt)).json<{ error: { code: string } }>().error.code).toBe('AF20055');
    expect((await f.call(url(`startTime=${day(1)}`), f.tokens.mgmt)).json<{ error: { code: string } }>().error.code).toBe('AF20055');
    const otherTenant = await f.call(`${f.sim.serviceUrls.mgmt}/api/v1.0/00000000-0000-0000-0000-000000000001/activity/feed/subscriptions/list`, f.tokens.mgmt);
    expect(otherTenant.json<{ error: { code: string } }>().error.code).toBe('AF20010');
    const wrongToken = await f.call(`${feed()}/subscriptions/list`, f.tokens.graph);
    expect(wrongToken.status).toBe(401);
  });
});
