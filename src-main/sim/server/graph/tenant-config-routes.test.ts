import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from '../testing/sim-fixture.js';

/**
 * Contract tests for the Graph reads of a tenant snapshot: role assignments of the whole tenant,
 * a service principal's application permissions, conditional access policies behind their
 * licence, and a managed domain's (empty) federation settings.
 */
interface Collection<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

describe('Graph tenant configuration reads', () => {
  let f: SimFixture;
  const get = (path: string) => f.call(`${f.sim.serviceUrls.graph}/v1.0/${path}`, f.tokens.graph);
  beforeAll(async () => {
    f = await startFixture({ limits: { graphDirectoryDefaultTop: 2 } });
  });
  afterAll(() => f.close());

  async function all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = `${f.sim.serviceUrls.graph}/v1.0/${path}`;
    while (next) {
      const res = await f.call(next, f.tokens.graph);
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      const page: Collection<T> = res.json<Collection<T>>();
      items.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return items;
  }

  it('lists every directory role assignment, and one holder with a principalId filter', async () => {
    const cfg = f.sim.dataset.tenantConfig;
    const assignments = await all<{ id: string; principalId: string; roleDefinitionId: string }>('roleManagement/directory/roleAssignments');
    expect(assignments.map((a) => a.id).sort()).toEqual(cfg.directoryRoleAssignments.map((a) => a.id).sort());
    const responder = f.sim.dataset.signedInUser.id;
    const mine = await all<{ principalId: string; roleDefinitionId: string }>(`roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${responder}'`)}`);
    expect(mine.map((a) => a.roleDefinitionId)).toEqual(f.sim.dataset.profile.signedInUserRoles.map((r) => r.roleTemplateId));
  });

  it("serves each service principal's application permissions, and 404 for an unknown one", async () => {
    const cfg = f.sim.dataset.tenantConfig;
    let total = 0;
    for (const sp of cfg.servicePrincipals) {
      const got = await all<{ principalId: string; appRoleId: string; resourceId: string }>(`servicePrincipals/${sp.id}/appRoleAssignments`);
      expect(got.every((a) => a.principalId === sp.id)).toBe(true);
      expect(got.map((a) => a.appRoleId).sort()).toEqual(cfg.appRoleAssignments.filter((a) => a.principalId === sp.id).map((a) => a.appRoleId).sort());
      total += got.length;
    }
    expect(total).toBe(cfg.appRoleAssignments.length);
    expect(total).toBeGreaterThan(0);
    expect((await get('servicePrincipals/00000000-0000-0000-0000-000000000000/appRoleAssignments')).status).toBe(404);
  });

  it('serves conditional access policies with Entra ID P1, and domain federation settings', async () => {
    const policies = await all<{ id: string; state: string }>('identity/conditionalAccess/policies');
    expect(policies.map((p) => p.id).sort()).toEqual(f.sim.dataset.tenantConfig.conditionalAccessPolicies.map((p) => p.id).sort());
    expect(policies.some((p) => p.state === 'enabledForReportingButNotEnforced')).toBe(true);
    const domain = f.sim.dataset.tenantConfig.domains[0]?.id ?? '';
    expect(await all(`domains/${domain}/federationConfiguration`)).toEqual([]);
    expect((await get('domains/nowhere.example/federationConfiguration')).status).toBe(404);
  });

  it("returns users' last sign-ins only when asked for by $select", async () => {
    type User = { id: string; signInActivity?: { lastSignInDateTime: string | null; lastNonInteractiveSignInDateTime: string | null } | null };
    const plain = await all<User>('users?$top=999');
    expect(plain.every((u) => !('signInActivity' in u))).toBe(true);
    const withActivity = await all<User>('users?$top=999&$select=id,displayName,signInActivity');
    expect(withActivity).toHaveLength(plain.length);
    const signIns = f.sim.dataset.signIns;
    for (const u of withActivity) {
      const last = signIns.filter((s) => s.userId === u.id && s.isInteractive).map((s) => s.createdDateTime).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
      expect(u.signInActivity?.lastSignInDateTime ?? null).toBe(last);
    }
    expect(withActivity.some((u) => u.signInActivity?.lastSignInDateTime)).toBe(true);
  });
});

describe('licence gates', () => {
  it('refuses conditional access policies and users with sign-in activity in a tenant without Entra ID P1', async () => {
    const f = await startFixture({ profile: 'free' });
    try {
      const res = await f.call(`${f.sim.serviceUrls.graph}/v1.0/identity/conditionalAccess/policies`, f.tokens.graph);
      expect(res.status).toBe(403);
      expect(f.sim.dataset.profile.hasEntraP1).toBe(false);
      const activity = await f.call(`${f.sim.serviceUrls.graph}/v1.0/users?$select=id,signInActivity`, f.tokens.graph);
      expect(activity.status).toBe(403);
      expect(activity.json<{ error: { code: string } }>().error.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
      expect((await f.call(`${f.sim.serviceUrls.graph}/v1.0/users?$select=id,displayName`, f.tokens.graph)).status).toBe(200);
    } finally {
      await f.close();
    }
  });
});
