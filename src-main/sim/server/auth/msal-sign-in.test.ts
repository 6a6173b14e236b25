import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../start-simulator.js';
import { sharedStateDir, testDataset } from '../testing/sim-fixture.js';
import {
  completeBrowserSignIn,
  createSimHttpClient,
  createTestPca,
  parseForm,
  SCOPES,
  signInWithDeviceCode,
  TEST_CLIENT_ID,
  type SimHttpClient,
} from '../testing/sim-test-client.js';

/**
 * The real @azure/msal-node signs in against the simulator unchanged: device code (auto-approved
 * and approved through the pages), authorization code with PKCE through the sign-in page, and
 * silent refresh to every resource.
 */
const claimsOf = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('MSAL against the simulated identity platform', () => {
  let sim: RunningSimulator;
  let manual: RunningSimulator;
  let http: SimHttpClient;

  beforeAll(async () => {
    const dataset = testDataset();
    sim = await startSimulator({ dataset, stateDir: sharedStateDir(), autoApprove: true, faults: 'rate:off' });
    manual = await startSimulator({ dataset, stateDir: sharedStateDir(), autoApprove: false, faults: 'rate:off', limits: { deviceCodeIntervalSeconds: 1 } });
    http = createSimHttpClient(sim);
  });
  afterAll(async () => {
    http.close();
    await sim.close();
    await manual.close();
  });

  it('device code with auto-approve, then silent tokens for all five audiences', async () => {
    const { pca, close } = createTestPca(sim);
    try {
      const first = await signInWithDeviceCode(pca, SCOPES.graph);
      expect(first.account?.username).toBe(sim.dataset.signedInUser.userPrincipalName);
      expect(first.account?.homeAccountId).toBe(`${sim.dataset.signedInUser.id}.${sim.tenantId}`);
      expect(first.tenantId).toBe(sim.tenantId);
      const audiences: Record<string, string> = {
        [SCOPES.graph]: 'https://graph.microsoft.com',
        [SCOPES.exo]: 'https://outlook.office365.com',
        [SCOPES.mgmt]: 'https://manage.office.com',
        [SCOPES.arm]: 'https://management.azure.com',
        [SCOPES.devops]: '499b84ac-1321-427f-aa17-267ca6975798',
      };
      for (const [scope, aud] of Object.entries(audiences)) {
        const result = await pca.acquireTokenSilent({ account: first.account!, scopes: [scope] });
        const claims = claimsOf(result.accessToken);
        expect(claims).toMatchObject({ aud, tid: sim.tenantId, oid: sim.dataset.signedInUser.id, upn: sim.dataset.signedInUser.userPrincipalName, appid: TEST_CLIENT_ID });
      }
      const graph = await pca.acquireTokenSilent({ account: first.account!, scopes: [SCOPES.graph] });
      expect(claimsOf(graph.accessToken)['scp']).toContain('AuditLog.Read.All');
    } finally {
      close();
    }
  });

  it('authorization code + PKCE through the sign-in page (acquireTokenInteractive)', async () => {
    const { pca, close } = createTestPca(sim);
    try {
      let loopbackAnswer = 0;
      const result = await pca.acquireTokenInteractive({
        scopes: [SCOPES.arm],
        openBrowser: async (url) => {
          expect(url.startsWith(`${sim.authority}/oauth2/v2.0/authorize?`)).toBe(true);
          expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
          loopbackAnswer = (await completeBrowserSignIn(http, url)).status;
        },
      });
      expect(loopbackAnswer).toBe(200);
      expect(claimsOf(result.accessToken)['aud']).toBe('https://management.azure.com');
      const silent = await pca.acquireTokenSilent({ account: result.account!, scopes: [SCOPES.devops] });
      expect(claimsOf(silent.accessToken)['aud']).toBe('499b84ac-1321-427f-aa17-267ca6975798');
    } finally {
      close();
    }
  });

  it('cancelling on the sign-in page makes the interactive call fail', async () => {
    const { pca, close } = createTestPca(sim);
    try {
      await expect(
        pca.acquireTokenInteractive({ scopes: [SCOPES.graph], openBrowser: async (url) => void (await completeBrowserSignIn(http, url, 'deny')) }),
      ).rejects.toThrow(/access_denied|declined/);
    } finally {
      close();
    }
  });

  it('device code approved on the /devicelogin pages; declining fails the sign-in', async () => {
    const manualHttp = createSimHttpClient(manual);
    const { pca, close } = createTestPca(manual);
    const answer = (decision: 'approve' | 'deny') => async (prompt: { userCode: string; verificationUri: string }) => {
      const entry = await manualHttp.request(prompt.verificationUri);
      expect(entry.status).toBe(200);
      const confirm = await manualHttp.request(prompt.verificationUri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user_code: prompt.userCode.toLowerCase() }).toString(),
      });
      const form = parseForm(confirm.text);
      await manualHttp.request(new URL(form.action, manual.baseUrl).toString(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form.fields, account: form.radios[0] ?? '', action: decision }).toString(),
      });
    };
    try {
      const approved = await pca.acquireTokenByDeviceCode({ scopes: [SCOPES.exo], deviceCodeCallback: (p) => void answer('approve')(p) });
      expect(claimsOf(approved!.accessToken)['aud']).toBe('https://outlook.office365.com');
      await expect(pca.acquireTokenByDeviceCode({ scopes: [SCOPES.exo], deviceCodeCallback: (p) => void answer('deny')(p) })).rejects.toThrow(/authorization_declined/);
    } finally {
      close();
      manualHttp.close();
    }
  });

  it('token endpoint refuses PKCE mismatches, reused codes and mixed resources', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = new URL(`${sim.authority}/oauth2/v2.0/authorize`);
    const redirectUri = 'http://localhost:1/';
    Object.entries({ client_id: TEST_CLIENT_ID, response_type: 'code', redirect_uri: redirectUri, scope: 'openid offline_access', state: 's1', code_challenge: challenge, code_challenge_method: 'S256', response_mode: 'form_post' }).forEach(([k, v]) => authorize.searchParams.set(k, v));
    const page = parseForm((await http.request(authorize.toString())).text);
    const posted = await http.request(new URL(page.action, sim.baseUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...page.fields, account: page.radios[0] ?? '', action: 'approve' }).toString(),
    });
    const result = parseForm(posted.text);
    expect(result.action).toBe(redirectUri);
    expect(result.fields['state']).toBe('s1');
    const redeem = (fields: Record<string, string>) =>
      http.request(`${sim.authority}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const base = { grant_type: 'authorization_code', client_id: TEST_CLIENT_ID, code: result.fields['code'] ?? '', redirect_uri: redirectUri, scope: 'openid offline_access' };
    const wrong = await redeem({ ...base, code_verifier: randomBytes(32).toString('base64url') });
    expect(wrong.status).toBe(400);
    expect(wrong.json<{ error: string; error_codes: number[] }>()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    // The failed attempt consumed the code, as Entra does.
    const reused = await redeem({ ...base, code_verifier: verifier });
    expect(reused.json<{ error_codes: number[] }>().error_codes).toEqual([70008]);

    const mixed = await http.request(`${sim.authority}/oauth2/v2.0/devicecode`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: TEST_CLIENT_ID, scope: `${SCOPES.graph} ${SCOPES.arm}` }).toString(),
    });
    expect(mixed.json<{ error: string; error_codes: number[] }>()).toMatchObject({ error: 'invalid_scope', error_codes: [28000] });
    const badRefresh = await redeem({ grant_type: 'refresh_token', client_id: TEST_CLIENT_ID, refresh_token: 'not-a-token', scope: SCOPES.graph });
    expect(badRefresh.json<{ error: string }>().error).toBe('invalid_grant');
  });

  it('publishes discovery metadata and keys that verify its tokens', async () => {
    const config = (await http.request(`${sim.authority}/v2.0/.well-known/openid-configuration`)).json<Record<string, string>>();
    expect(config['issuer']).toBe(`${sim.baseUrl}/${sim.tenantId}/v2.0`);
    const keys = (await http.request(config['jwks_uri'] ?? '')).json<{ keys: { kid: string }[] }>();
    expect(keys.keys).toHaveLength(1);
    const unknown = await http.request(`${sim.baseUrl}/not-a-tenant/v2.0/.well-known/openid-configuration`);
    expect(unknown.status).toBe(400);
  });
});
