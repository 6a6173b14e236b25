import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from '../testing/sim-fixture.js';

/** Contract tests for Azure DevOps: organisation discovery, audit paging with continuationToken, api-version, permission. */
describe('Azure DevOps', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture({ limits: { devopsBatchDefault: 20 } });
  });
  afterAll(() => f.close());

  it('discovers organisations and pages each audit log to exactly the ground truth', async () => {
    const profile = (await f.call(`${f.sim.serviceUrls.devopsVssps}/_apis/profile/profiles/me?api-version=7.1-preview.3`, f.tokens.devops)).json<{ id: string }>();
    const accounts = (await f.call(`${f.sim.serviceUrls.devopsVssps}/_apis/accounts?memberId=${profile.id}&api-version=7.1-preview.1`, f.tokens.devops)).json<{ count: number; value: { accountName: string }[] }>();
    expect(accounts.count).toBe(f.sim.dataset.devops.organizations.length);
    const ids = new Set<string>();
    for (const org of accounts.value) {
      let token: string | null = null;
      for (;;) {
        const url = `${f.sim.serviceUrls.devopsAudit}/${org.accountName}/_apis/audit/auditlog?api-version=7.1-preview.1${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`;
        const res = await f.call(url, f.tokens.devops);
        expect(res.status, res.text.slice(0, 200)).toBe(200);
        const body = res.json<{ decoratedAuditLogEntries: { id: string }[]; continuationToken: string | null; hasMore: boolean }>();
        expect(body.decoratedAuditLogEntries.length).toBeLessThanOrEqual(20);
        body.decoratedAuditLogEntries.forEach((e) => ids.add(e.id));
        if (!body.hasMore) break;
        token = body.continuationToken;
      }
    }
    expect(ids.size).toBe(f.sim.dataset.groundTruth.totals.devopsAudit);
  });

  it('requires a -preview api-version for the audit log', async () => {
    const org = f.sim.dataset.devops.organizations[0]!.accountName;
    const base = `${f.sim.serviceUrls.devopsAudit}/${org}/_apis/audit/auditlog`;
    expect((await f.call(base, f.tokens.devops)).json<{ typeKey: string }>().typeKey).toBe('VssVersionNotSpecifiedException');
    expect((await f.call(`${base}?api-version=7.1`, f.tokens.devops)).json<{ typeKey: string }>().typeKey).toBe('VssInvalidPreviewVersionException');
    expect((await f.call(`${base}?api-version=5.0-preview.1`, f.tokens.devops)).status).toBe(400);
    const anonymous = await f.http.request(`${base}?api-version=7.1-preview.1`);
    expect(anonymous.status).toBe(401);
  });
});

describe('Azure DevOps gates', () => {
  it('without "View audit log" the audit API answers 403', async () => {
    const f = await startFixture({ profile: 'no-global-reader' });
    try {
      const org = f.sim.dataset.devops.organizations[0]!.accountName;
      const res = await f.call(`${f.sim.serviceUrls.devopsAudit}/${org}/_apis/audit/auditlog?api-version=7.1-preview.1`, f.tokens.devops);
      expect(res.status).toBe(403);
      expect(res.json<{ message: string }>().message).toMatch(/View audit log/);
    } finally {
      await f.close();
    }
  });
});
