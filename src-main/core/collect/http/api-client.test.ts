import { describe, expect, it } from 'vitest';
import { scriptedClient, scriptedTransport, type ScriptedAnswer } from '../testing/scripted-transport.js';
import { ApiError } from './api-types.js';

const URL_ = 'https://graph.example/v1.0/auditLogs/directoryAudits?$top=1000';
const ok: ScriptedAnswer = { status: 200, body: { value: [1] } };

function sequence(...answers: ScriptedAnswer[]) {
  return scriptedTransport((_r, i) => answers[Math.min(i, answers.length - 1)] as ScriptedAnswer);
}

describe('collector HTTP client', () => {
  it('returns the exact bytes, parsed JSON, a secret-free description and sanitised headers', async () => {
    const raw = Buffer.from('{"value":["caf\u00e9"],"n":1.50}');
    const transport = sequence({ status: 200, headers: { 'set-cookie': 'x=1', 'request-id': 'r1' }, raw });
    const { client } = scriptedClient(transport);
    const page = await client.request({ service: 'graph', method: 'GET', url: `${URL_}&code=abc&client_secret=s3cret` });
    expect(page.bytes.equals(raw)).toBe(true);
    expect(page.json).toEqual({ value: ['café'], n: 1.5 });
    expect(page.headers).toEqual({ 'request-id': 'r1' });
    expect(page.request.url).toBe('https://graph.example/v1.0/auditLogs/directoryAudits?$top=1000');
    expect(page.attempts).toBe(1);
    expect(transport.requests[0]?.headers['authorization']).toBe('Bearer token-1');
  });

  it('honours Retry-After in seconds and as an HTTP date, counting throttled time', async () => {
    const transport = sequence(
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 503, headers: { 'retry-after': 'Sun, 01 Mar 2026 00:00:07 GMT' } },
      ok,
    );
    const { client, slept } = scriptedClient(transport);
    const page = await client.request({ service: 'graph', method: 'GET', url: URL_ });
    // The date is 7 s after the client's clock, which the first wait moved on by 2 s.
    expect(slept).toEqual([2000, 5000]);
    expect(page.attempts).toBe(3);
    expect(page.throttledMs).toBe(7000);
    expect(client.counters().byService.graph).toMatchObject({ throttledResponses: 2, throttledMs: 7000, retries: 2 });
  });

  it('treats the Management API AF429 on a 403 as throttling, and backs off with jitter when no Retry-After is given', async () => {
    const transport = sequence({ status: 403, body: { error: { code: 'AF429', message: 'Too many requests.' } } }, ok);
    const { client, slept } = scriptedClient(transport, { random: () => 0.25 });
    await client.request({ service: 'mgmt', method: 'GET', url: 'https://manage.example/api/v1.0/t/activity/feed/subscriptions/list' });
    expect(slept).toEqual([250]);
  });

  it('shrinks the service window on throttling and widens it again on success', async () => {
    let throttle = 3;
    const transport = scriptedTransport(() => (throttle-- > 0 ? { status: 429, headers: { 'retry-after': '1' } } : ok));
    const { client } = scriptedClient(transport, { concurrency: { arm: { initial: 8, min: 1, max: 8 } } });
    await client.request({ service: 'arm', method: 'GET', url: 'https://arm.example/subscriptions' });
    const shrunk = client.concurrencyLimit('arm');
    expect(shrunk).toBeLessThan(8);
    for (let i = 0; i < 40; i++) await client.request({ service: 'arm', method: 'GET', url: 'https://arm.example/subscriptions' });
    expect(client.concurrencyLimit('arm')).toBeGreaterThan(shrunk);
    expect(client.concurrencyLimit('graph')).toBe(2);
  });

  it('asks for a new token once on 401, then gives up', async () => {
    const once = scriptedClient(sequence({ status: 401 }, ok));
    await once.client.request({ service: 'exo', method: 'POST', url: 'https://exo.example/x', body: '{}' });
    expect(once.tokens).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);

    const twice = scriptedClient(sequence({ status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'expired' } } }));
    const error = await twice.client.request({ service: 'graph', method: 'GET', url: URL_ }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 401, code: 'InvalidAuthenticationToken' });
    expect(twice.tokens).toHaveLength(2);
  });

  it('retries resets, 5xx and a 200 whose JSON was cut short', async () => {
    const transport = sequence({ fail: 'network' }, { status: 502 }, { status: 200, body: '{"value":[1,2' }, { fail: 'truncated' }, ok);
    const { client, slept } = scriptedClient(transport);
    const page = await client.request({ service: 'devops', method: 'GET', url: 'https://devops.example/org/_apis/audit/auditlog' });
    expect(page.attempts).toBe(5);
    expect(slept).toHaveLength(4);
    expect(slept.every((ms) => ms >= 100)).toBe(true);
    expect(client.counters().total).toMatchObject({ networkErrors: 1, truncatedBodies: 2, retries: 4 });
  });

  it('gives up after its failure budget and names what failed', async () => {
    const { client } = scriptedClient(sequence({ fail: 'network' }), { maxFailures: 2 });
    await expect(client.request({ service: 'arm', method: 'GET', url: 'https://arm.example/x?sig=abc' })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/gave up after 3 attempts/),
    });
  });

  it('fails at once on a refusal, with the service error code and message', async () => {
    const body = { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license" } };
    const transport = sequence({ status: 403, body });
    const { client } = scriptedClient(transport);
    await expect(client.request({ service: 'graph', method: 'GET', url: URL_ })).rejects.toMatchObject({ kind: 'http', status: 403, code: body.error.code });
    expect(transport.requests).toHaveLength(1);
  });

  it('stops waiting when cancelled', async () => {
    const controller = new AbortController();
    const transport = sequence({ status: 429, headers: { 'retry-after': '30' } });
    const { client } = scriptedClient(transport, {
      sleep: async () => {
        controller.abort();
      },
    });
    await expect(client.request({ service: 'graph', method: 'GET', url: URL_, signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(transport.requests).toHaveLength(1);
  });
});
