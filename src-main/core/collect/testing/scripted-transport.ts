import { createApiClient, type ApiClient, type ApiClientDeps } from '../http/api-client.js';
import { TransportError, type Transport, type TransportFailure, type TransportRequest } from '../http/transport.js';

/**
 * A transport that answers from a script, for unit tests of retry, paging and session logic
 * without a network: each request is recorded and answered by the handler (a status with a body,
 * or a transport failure).
 */
export type ScriptedAnswer =
  | { status: number; headers?: Record<string, string>; body?: unknown; raw?: Buffer }
  | { fail: TransportFailure };

export interface ScriptedTransport extends Transport {
  requests: TransportRequest[];
}

export function scriptedTransport(handler: (request: TransportRequest, index: number) => ScriptedAnswer): ScriptedTransport {
  const requests: TransportRequest[] = [];
  return {
    requests,
    async send(request) {
      requests.push(request);
      const answer = handler(request, requests.length - 1);
      if ('fail' in answer) throw new TransportError(answer.fail, `scripted ${answer.fail}`);
      const bytes = answer.raw ?? (answer.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)));
      return { status: answer.status, headers: answer.headers ?? {}, bytes };
    },
    close() {},
  };
}

/** A client over a scripted transport with instant sleeps (recorded) and fixed jitter. */
export function scriptedClient(
  transport: Transport,
  overrides: Partial<Omit<ApiClientDeps, 'transport'>> = {},
): { client: ApiClient; slept: number[]; tokens: { forceRefresh: boolean }[] } {
  const slept: number[] = [];
  const tokens: { forceRefresh: boolean }[] = [];
  let clock = Date.parse('2026-03-01T00:00:00Z');
  const client = createApiClient({
    transport,
    getToken: async (_resource, options) => {
      tokens.push(options);
      return { accessToken: `token-${tokens.length}` };
    },
    now: () => new Date(clock),
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, slept, tokens };
}
