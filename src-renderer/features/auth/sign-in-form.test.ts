import { describe, expect, it } from 'vitest';
import { buildSignInInput, initialSignInValues } from './sign-in-form.js';

describe('buildSignInInput', () => {
  it('leaves out empty tenant and client id, so the core uses organizations and the default client', () => {
    expect(buildSignInInput(initialSignInValues, false)).toEqual({ ok: true, input: { cloud: 'global', method: 'interactive' } });
    const own = buildSignInInput({ ...initialSignInValues, tenant: ' contoso.onmicrosoft.com ', clientId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' }, false);
    expect(own).toEqual({ ok: true, input: { cloud: 'global', method: 'interactive', tenant: 'contoso.onmicrosoft.com', clientId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' } });
  });

  it('reports schema problems against the field they belong to', () => {
    const result = buildSignInInput({ ...initialSignInValues, tenant: 'two words', clientId: 'abc' }, false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.tenant).toMatch(/^Must be a tenant id/);
    expect(result.errors.clientId).toBe('Must be an application (client) id GUID');
  });

  it('needs a loopback https simulator address for the demo cloud unless the host runs one', () => {
    const sim = { ...initialSignInValues, cloud: 'sim' as const };
    expect(buildSignInInput(sim, true)).toEqual({ ok: true, input: { cloud: 'sim', method: 'interactive' } });
    const missing = buildSignInInput(sim, false);
    expect(missing.ok ? null : missing.errors.simAddress).toMatch(/simulator’s address/);
    const remote = buildSignInInput({ ...sim, simAddress: 'https://sim.example.com' }, false);
    expect(remote.ok ? null : remote.errors.simAddress).toMatch(/on this machine/);
    const good = buildSignInInput({ ...sim, simAddress: 'https://127.0.0.1:8443', simCaPath: '/state/ca.pem' }, false);
    expect(good).toEqual({ ok: true, input: { cloud: 'sim', method: 'interactive', demo: { baseUrl: 'https://127.0.0.1:8443', caCertPath: '/state/ca.pem' } } });
  });

  it('never sends simulator fields for a real cloud', () => {
    expect(buildSignInInput({ ...initialSignInValues, simAddress: 'https://127.0.0.1:1', simCaPath: '/x' }, false)).toEqual({ ok: true, input: { cloud: 'global', method: 'interactive' } });
  });
});
