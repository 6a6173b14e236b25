import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthStatus } from '../../../src-shared/domain/auth.js';
import { CaseInfo } from '../../../src-shared/domain/case.js';
import type { AppEvent } from '../../../src-shared/ipc/contract.js';
import { completeBrowserSignIn, createSimHttpClient } from '../../sim/server/testing/sim-test-client.js';
import type { RunningSimulator } from '../../sim/start-simulator.js';
import { createCore, type Core } from '../create-core.js';
import { systemClock, type Logger } from '../ports.js';
import { makeTempDir, makeTestPorts } from '../testing/test-ports.js';
import { createAuthService } from './auth-service.js';
import { TOKEN_CACHE_SECRET } from './auth-session.js';
import { createFileSecretStore } from './secret-stores.js';
import { startSmallSimulator, tokensInCacheBlob } from './testing/sim-fixture.js';

/**
 * Sign-in with the real MSAL against the simulated cloud: device code, the browser flow driven
 * over HTTP, silent renewal of an expired token, sign-out, and a search for every issued token
 * in everything Cirrus writes outside its token cache.
 */
describe('sign-in against the simulated cloud', () => {
  const tmp = makeTempDir();
  const configDir = join(tmp.dir, 'config');
  const caseDir = join(tmp.dir, 'case');
  const logLines: string[] = [];
  const events: AppEvent[] = [];
  const seenTokens = new Set<string>();
  const http = { current: null as ReturnType<typeof createSimHttpClient> | null };
  // 'drive' fills in the sign-in page; 'ignore' plays a user who walked away.
  const browser = { mode: 'drive' as 'drive' | 'ignore', lastUrl: '' };
  let sim: RunningSimulator;
  let core: Core;

  const logger: Logger = {
    info: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
    warn: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
    error: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
  };
  const call = async (name: string, input: unknown = {}) => {
    const r = await core.route(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const demo = () => ({ baseUrl: sim.baseUrl, caCertPath: sim.caCertPath });
  const collectTokens = () => {
    const file = join(configDir, 'secrets', `${TOKEN_CACHE_SECRET}.json`);
    if (existsSync(file)) for (const t of tokensInCacheBlob(readFileSync(file, 'utf8'))) seenTokens.add(t);
  };

  beforeAll(async () => {
    sim = await startSmallSimulator(join(tmp.dir, 'sim-state'), 'e5', { tokenLifetimeSeconds: 2 });
    http.current = createSimHttpClient(sim);
    const ports = makeTestPorts(tmp.dir, {
      logger,
      // The "browser": fills in the simulator's sign-in page the way a person would.
      browser: {
        open: async (url, allowance) => {
          expect(allowance?.extraOrigins).toEqual([new URL(sim.baseUrl).origin]);
          browser.lastUrl = url;
          if (browser.mode === 'ignore') return true;
          void completeBrowserSignIn(http.current!, url).catch((e: unknown) => logLines.push(`browser failed: ${String(e)}`));
          return true;
        },
      },
    });
    core = createCore(ports);
    core.onEvent((e) => events.push(e));
    await call('case.create', { dir: caseDir, name: 'Sign-in test', examiner: 'Examiner E' });
  });

  afterAll(async () => {
    await core?.shutdown();
    http.current?.close();
    await sim?.close();
    tmp.cleanup();
  });

  it('device code (auto-approved) reaches signed-in, shows the code, and records the sign-in in custody', async () => {
    const status = AuthStatus.parse(await call('auth.signIn', { cloud: 'sim', method: 'deviceCode', demo: demo() }));
    expect(status.signedIn).toBe(true);
    expect(status.session).toMatchObject({ cloud: 'sim', method: 'deviceCode', account: { username: sim.dataset.signedInUser.userPrincipalName, tenantId: sim.tenantId } });
    expect(status.cacheProtection).toBe('file');
    const prompt = events.find((e) => e.name === 'auth.deviceCode');
    expect(prompt?.payload).toMatchObject({ verificationUri: `${sim.baseUrl}/devicelogin`, userCode: expect.stringMatching(/^[A-Z0-9]{9}$/) });
    const info = CaseInfo.parse(await call('case.current'));
    const entry = info.custody.find((e) => e.action === 'auth.signedIn');
    expect(entry?.detail).toMatchObject({ account: sim.dataset.signedInUser.userPrincipalName, tenantId: sim.tenantId, cloud: 'sim', method: 'deviceCode' });
    collectTokens();
    if (process.platform !== 'win32') expect(statSync(join(configDir, 'secrets', `${TOKEN_CACHE_SECRET}.json`)).mode & 0o777).toBe(0o600);
  });

  it('the browser flow reaches signed-in, replacing the earlier sign-in', async () => {
    const status = AuthStatus.parse(await call('auth.signIn', { cloud: 'sim', method: 'interactive', demo: demo() }));
    expect(status.session?.method).toBe('interactive');
    const info = CaseInfo.parse(await call('case.current'));
    expect(info.custody.map((e) => e.action).slice(-2)).toEqual(['auth.signedOut', 'auth.signedIn']);
    expect(info.custody.at(-2)?.detail).toMatchObject({ reason: 'replaced by a new sign-in' });
    collectTokens();
  });

  it('renews an access token that expired mid-session without asking the user again', async () => {
    const auth = createAuthService({
      secrets: createFileSecretStore(join(configDir, 'secrets')),
      network: {},
      browser: { open: async () => false },
      logger,
      clock: systemClock,
      onDeviceCode: () => {},
      onChanged: () => {},
      recordCustody: async () => {},
    });
    try {
      const me = async (token: string) => (await http.current!.request(`${sim.serviceUrls.graph}/v1.0/me`, { headers: { authorization: `Bearer ${token}` } })).status;
      const first = await auth.getAccessToken('graph');
      seenTokens.add(first.accessToken);
      expect(await me(first.accessToken)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2600));
      expect(await me(first.accessToken)).toBe(401);
      const renewed = await auth.getAccessToken('graph');
      seenTokens.add(renewed.accessToken);
      expect(renewed.accessToken).not.toBe(first.accessToken);
      expect(await me(renewed.accessToken)).toBe(200);
      // Other resources come from the same sign-in, one token per resource.
      const arm = await auth.getAccessToken('arm');
      seenTokens.add(arm.accessToken);
      expect((await http.current!.request(`${sim.serviceUrls.arm}/subscriptions?api-version=2022-12-01`, { headers: { authorization: `Bearer ${arm.accessToken}` } })).status).toBe(200);
    } finally {
      auth.shutdown();
    }
    collectTokens();
  });

  it('cancels a sign-in that waits for the user, leaving no listener behind and the session untouched', async () => {
    browser.mode = 'ignore';
    browser.lastUrl = '';
    const pending = core.route('auth.signIn', { cloud: 'sim', method: 'interactive', demo: demo() });
    while (!browser.lastUrl) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(AuthStatus.parse(await call('auth.status')).pending).toBe('interactive');
    expect(await call('auth.cancel')).toEqual({ cancelled: true });
    const result = await pending;
    expect(result.ok ? 'signed in' : result.error.code).toBe('cancelled');
    const status = AuthStatus.parse(await call('auth.status'));
    expect(status.pending).toBeNull();
    expect(status.session?.method).toBe('interactive');
    const loopback = new URL(new URL(browser.lastUrl).searchParams.get('redirect_uri') ?? '');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`http://127.0.0.1:${loopback.port}/`)).rejects.toThrow();
    browser.mode = 'drive';
  });

  it('sign-out deletes the token cache; no issued token appears in the case, the config folder, the logs or the custody log', async () => {
    expect(seenTokens.size).toBeGreaterThanOrEqual(4);
    expect(await call('auth.signOut')).toEqual({ signedOut: true });
    expect(readdirSync(join(configDir, 'secrets'))).toEqual([]);
    expect(AuthStatus.parse(await call('auth.status')).signedIn).toBe(false);
    const info = CaseInfo.parse(await call('case.current'));
    expect(info.custody.at(-1)).toMatchObject({ action: 'auth.signedOut', detail: { account: sim.dataset.signedInUser.userPrincipalName } });
    await call('case.close');

    const haystacks: { where: string; text: string }[] = [
      ...filesUnder(caseDir).map((f) => ({ where: f, text: readFileSync(f).toString('latin1') })),
      ...filesUnder(configDir).map((f) => ({ where: f, text: readFileSync(f).toString('latin1') })),
      { where: 'logs', text: logLines.join('\n') },
      { where: 'events', text: JSON.stringify(events) },
      { where: 'custody', text: JSON.stringify(info.custody) },
    ];
    for (const token of seenTokens) {
      // The signature part alone is enough to recognise a leaked token.
      const tail = token.slice(-32);
      for (const h of haystacks) expect(h.text.includes(tail), `token found in ${h.where}`).toBe(false);
    }
  });
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}
