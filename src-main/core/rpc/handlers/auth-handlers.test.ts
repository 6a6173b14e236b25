import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../../src-shared/ipc/contract.js';
import { createMemorySecretStore } from '../../auth/secret-stores.js';
import { createCore, type Core } from '../../create-core.js';
import { makeTempDir, makeTestPorts } from '../../testing/test-ports.js';

describe('auth and readiness commands before anyone signs in', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let opened: string[];
  beforeEach(() => {
    tmp = makeTempDir();
    const ports = makeTestPorts(tmp.dir, { secrets: createMemorySecretStore(), demoCloud: { baseUrl: 'https://127.0.0.1:4443' } });
    opened = ports.opened;
    core = createCore(ports);
  });
  afterEach(async () => {
    await core.shutdown();
    tmp.cleanup();
  });

  it('reports signed-out status, the clouds (with the host\'s demo tenant) and the requirements, matching the contract', async () => {
    const status = await core.route('auth.status', {});
    expect(status.ok && commands['auth.status'].output.parse(status.value)).toEqual({ signedIn: false, pending: null, session: null, cacheProtection: 'memory' });
    const clouds = await core.route('auth.clouds', {});
    expect(clouds.ok && commands['auth.clouds'].output.parse(clouds.value).map((c) => c.id)).toEqual(['global', 'usgov', 'usgovdod', 'china', 'sim']);
    const req = await core.route('auth.requirements', { cloud: 'usgov' });
    const parsed = req.ok ? commands['auth.requirements'].output.parse(req.value) : null;
    expect(parsed?.defaultClient.clientId).toBe('04b07795-8ddb-461a-bbee-02f9e1bf7b46');
    expect(parsed?.permissions.some((p) => p.resource === 'devops')).toBe(false);
    expect(parsed?.permissions.find((p) => p.resource === 'mgmt')?.defaultClientCovers).toBe('no');
  });

  it('refuses bad sign-in input at the boundary: a remote "simulator", a non-GUID client id, an unknown cloud', async () => {
    for (const input of [
      { cloud: 'sim', method: 'deviceCode', demo: { baseUrl: 'https://sim.example:4443' } },
      { cloud: 'global', method: 'deviceCode', clientId: 'azure-cli' },
      { cloud: 'germany', method: 'interactive' },
      { cloud: 'global', method: 'interactive', tenant: '../x' },
    ]) {
      const r = await core.route('auth.signIn', input);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(input)).toBe('validation');
    }
  });

  it('needs an open case for readiness and a sign-in to run it; sign-out with nobody signed in is a no-op', async () => {
    const noCase = await core.route('readiness.run', {});
    expect(noCase.ok ? 'ok' : noCase.error.code).toBe('no_case_open');
    await core.route('case.create', { dir: join(tmp.dir, 'case'), name: 'C', examiner: 'E' });
    const notSignedIn = await core.route('readiness.run', {});
    expect(notSignedIn.ok ? 'ok' : notSignedIn.error).toMatchObject({ code: 'not_signed_in' });
    const latest = await core.route('readiness.latest', {});
    expect(latest).toEqual({ ok: true, value: null });
    expect(await core.route('auth.signOut', {})).toEqual({ ok: true, value: { signedOut: false } });
    expect(await core.route('auth.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
  });

  it("opens the host's simulator pages in the browser, and still nothing outside the allow-list", async () => {
    expect(await core.route('shell.openExternal', { url: 'https://127.0.0.1:4443/devicelogin' })).toEqual({ ok: true, value: { opened: true } });
    const other = await core.route('shell.openExternal', { url: 'https://127.0.0.1:9999/devicelogin' });
    expect(other.ok ? 'ok' : other.error.code).toBe('forbidden');
    expect(opened).toEqual(['https://127.0.0.1:4443/devicelogin']);
  });
});
