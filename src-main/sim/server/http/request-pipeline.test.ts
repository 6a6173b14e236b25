import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from '../testing/sim-fixture.js';

/**
 * Injected faults as clients meet them: scripted 500/503 in each service's error shape, dropped
 * connections, cut bodies, slow answers (through the injected sleep), expired tokens (through the
 * injected clock), and the same failures again for the same seed.
 */
describe('fault injection and token lifetime', () => {
  let f: SimFixture;
  let offsetMs = 0;
  const slept: number[] = [];
  beforeAll(async () => {
    f = await startFixture({
      tokenLifetimeSeconds: 120,
      clock: () => new Date(Date.now() + offsetMs),
      sleep: async (ms) => void slept.push(ms),
    });
  });
  afterAll(() => f.close());

  const org = () => f.call(`${f.sim.serviceUrls.graph}/v1.0/organization`, f.tokens.graph);
  const subs = () => f.call(`${f.sim.serviceUrls.arm}/subscriptions?api-version=2022-12-01`, f.tokens.arm);

  it('answers scripted 500 and 503 in the service\'s own error shape', async () => {
    f.sim.setFaults('rate:off,500@graph:req=2,503@arm:req=1');
    expect((await org()).status).toBe(200);
    const failed = await org();
    expect(failed.status).toBe(500);
    expect(failed.json<{ error: { code: string } }>().error.code).toBe('UnknownError');
    const unavailable = await subs();
    expect(unavailable.status).toBe(503);
    expect(unavailable.json<{ error: { code: string } }>().error.code).toBe('ServiceUnavailable');
    expect((await subs()).status).toBe(200);
  });

  it('drops connections and cuts bodies short', async () => {
    f.sim.setFaults('rate:off,reset@graph:req=1,truncate@graph:req=2');
    await expect(org()).rejects.toThrow();
    const cut = await org().then(
      (r) => r.text,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(() => JSON.parse(cut)).toThrow();
    expect((await org()).status).toBe(200);
  });

  it('delays slow answers through the injected sleep', async () => {
    f.sim.setFaults('rate:off,slow@graph:req=1~2500');
    slept.length = 0;
    expect((await org()).status).toBe(200);
    expect(slept).toEqual([2500]);
  });

  it('random faults repeat exactly for the same seed', async () => {
    const run = async () => {
      f.sim.setFaults('rate:off,500@graph:0.4');
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await org()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('expired tokens get each service\'s 401', async () => {
    f.sim.setFaults('rate:off');
    offsetMs = 121_000;
    try {
      const graph = await org();
      expect(graph.status).toBe(401);
      expect(graph.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'InvalidAuthenticationToken', message: expect.stringMatching(/expired/) });
      const arm = await subs();
      expect(arm.json<{ error: { code: string } }>().error.code).toBe('ExpiredAuthenticationToken');
      const exo = await f.call(`${f.sim.serviceUrls.exo}/adminapi/beta/${f.sim.tenantId}/InvokeCommand`, f.tokens.exo, { method: 'POST', body: '{}' });
      expect(exo.status).toBe(401);
      expect(exo.headers['x-ms-diagnostics']).toMatch(/invalid_lifetime/);
    } finally {
      offsetMs = 0;
    }
  });
});
