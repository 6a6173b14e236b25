import { describe, expect, it } from 'vitest';
import { NetworkError, type HttpClient, type HttpResponse } from './http-client.js';
import { retryAfterMs, sendWithRetries } from './retry.js';

const answer = (status: number, headers: Record<string, string> = {}, text = ''): HttpResponse => ({ status, headers, text });

function scripted(steps: (HttpResponse | Error)[]): HttpClient & { calls: number } {
  const client = {
    calls: 0,
    async send() {
      const step = steps[Math.min(client.calls, steps.length - 1)] as HttpResponse | Error;
      client.calls++;
      if (step instanceof Error) throw step;
      return step;
    },
    close() {},
  };
  return client;
}

describe('sendWithRetries', () => {
  const request = { method: 'GET' as const, url: 'https://graph.example/x' };

  it('waits Retry-After on 429 and on the Management API AF429 carried by a 403, then succeeds', async () => {
    const waits: number[] = [];
    const http = scripted([answer(429, { 'retry-after': '2' }), answer(403, {}, '{"error":{"code":"AF429"}}'), answer(200, {}, 'ok')]);
    const r = await sendWithRetries(http, request, { sleep: async (ms) => void waits.push(ms), baseDelayMs: 100 });
    expect(r.status).toBe(200);
    expect(waits).toEqual([2000, 200]);
  });

  it('backs off exponentially on 5xx and network failures, and gives up after the last attempt', async () => {
    const waits: number[] = [];
    const http = scripted([new NetworkError('reset'), answer(503), answer(500)]);
    const r = await sendWithRetries(http, request, { sleep: async (ms) => void waits.push(ms), baseDelayMs: 10, maxAttempts: 3 });
    expect(r.status).toBe(500);
    expect(waits).toEqual([10, 20]);
    expect(http.calls).toBe(3);
    await expect(sendWithRetries(scripted([new NetworkError('down')]), request, { sleep: async () => {}, maxAttempts: 2 })).rejects.toThrow('down');
  });

  it('does not retry refusals, and returns a throttle whose wait is too long instead of sleeping', async () => {
    const http = scripted([answer(403, {}, '{"error":{"code":"Authorization_RequestDenied"}}')]);
    expect((await sendWithRetries(http, request, { sleep: async () => {} })).status).toBe(403);
    expect(http.calls).toBe(1);
    const long = scripted([answer(429, { 'retry-after': '3600' })]);
    expect((await sendWithRetries(long, request, { sleep: async () => {}, maxWaitMs: 60_000 })).status).toBe(429);
    expect(long.calls).toBe(1);
  });

  it('reads Retry-After as fractional seconds or an HTTP date', () => {
    expect(retryAfterMs(answer(429, { 'retry-after': '0.5' }))).toBe(500);
    expect(retryAfterMs(answer(429, { 'retry-after': new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(retryAfterMs(answer(429))).toBeNull();
  });
});
