import { createAimdLimiter, type AimdLimiter, type AimdLimits } from './aimd-limiter.js';
import { ApiError, emptyCounters, type ApiPage, type ApiRequest, type RequestDescription, type ServiceCounters, type ServiceName, type TokenCallback } from './api-types.js';
import { isThrottledAnswer, summariseErrorBody, type ErrorSummary } from './error-body.js';
import { backoffMs, DEFAULT_BACKOFF, retryAfterMs, type BackoffPolicy } from './retry-timing.js';
import { sanitiseBody, sanitiseResponseHeaders, sanitiseUrl } from './sanitise.js';
import { TransportError, type Transport, type TransportResponse } from './transport.js';

/**
 * One HTTP client for every service the collector reads. Per request it: waits for a slot in the
 * service's adaptive window, asks for a token, sends with a timeout, and then —
 * - 2xx with a body that parses: done (a 2xx whose JSON does not parse was cut short: retried);
 * - 401: the token was refused (expired, revoked): a new one is asked for, once per request;
 * - 429/503 (and AF429): throttled: waits `Retry-After` (or backs off) and shrinks the window;
 * - 500/502/504, resets, truncated bodies, timeouts: backs off with full jitter and retries;
 * - anything else: an `ApiError` naming the service's error code and message.
 * Everything time-related is injected, so tests run throttling scenarios without waiting.
 */
export interface ApiClientDeps {
  transport: Transport;
  getToken: TokenCallback;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Uniform [0, 1): backoff jitter. */
  random: () => number;
  /** Per-service adaptive concurrency; defaults suit each service's published quota. */
  concurrency?: Partial<Record<ServiceName, AimdLimits>>;
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Network failures, 5xx and truncated bodies tolerated per request. */
  maxFailures?: number;
  /** Throttled answers tolerated per request. */
  maxThrottles?: number;
  /** Longest `Retry-After` honoured as given; longer ones are shortened to this. */
  maxRetryAfterMs?: number;
  userAgent?: string;
}

export interface ApiClient {
  request(request: ApiRequest): Promise<ApiPage>;
  counters(): { total: ServiceCounters; byService: Record<ServiceName, ServiceCounters> };
  concurrencyLimit(service: ServiceName): number;
}

/** Graph's report APIs allow 5 requests per 10 s per app and tenant; the others allow far more. */
export const DEFAULT_CONCURRENCY: Record<ServiceName, AimdLimits> = {
  graph: { initial: 2, min: 1, max: 4 },
  exo: { initial: 2, min: 1, max: 4 },
  mgmt: { initial: 4, min: 1, max: 12 },
  arm: { initial: 4, min: 1, max: 12 },
  devops: { initial: 2, min: 1, max: 6 },
};

const SERVICES: readonly ServiceName[] = ['graph', 'exo', 'mgmt', 'arm', 'devops'];
const RETRYABLE_STATUS = new Set([500, 502, 504]);

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const nowMs = () => deps.now().getTime();
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const maxFailures = deps.maxFailures ?? 6;
  const maxThrottles = deps.maxThrottles ?? 40;
  const maxRetryAfter = deps.maxRetryAfterMs ?? 5 * 60_000;
  const timeoutMs = deps.timeoutMs ?? 120_000;
  const limiters = new Map<ServiceName, AimdLimiter>(SERVICES.map((s) => [s, createAimdLimiter(deps.concurrency?.[s] ?? DEFAULT_CONCURRENCY[s], nowMs)]));
  const byService = Object.fromEntries(SERVICES.map((s) => [s, emptyCounters()])) as Record<ServiceName, ServiceCounters>;

  const limiterOf = (service: ServiceName): AimdLimiter => limiters.get(service) as AimdLimiter;

  async function request(req: ApiRequest): Promise<ApiPage> {
    const described: RequestDescription = { method: req.method, url: sanitiseUrl(req.url), body: sanitiseBody(req.body) };
    const counters = byService[req.service];
    const limiter = limiterOf(req.service);
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    let attempts = 0;
    let failures = 0;
    let throttles = 0;
    let throttledMs = 0;
    let refreshed = false;
    let forceRefresh = false;
    let lastProblem = '';

    const cancelled = () => new ApiError('cancelled', `${described.method} ${described.url}: cancelled`, described);
    const wait = async (ms: number) => {
      if (req.signal?.aborted) throw cancelled();
      await deps.sleep(ms);
      if (req.signal?.aborted) throw cancelled();
    };
    const failLater = async (problem: string, kind: 'network' | 'http', status: number | null) => {
      lastProblem = problem;
      failures += 1;
      if (failures > maxFailures) throw new ApiError(kind, `${described.method} ${described.url}: gave up after ${attempts} attempts (${problem})`, described, status);
      counters.retries += 1;
      const ms = backoffMs(failures, backoff, deps.random);
      counters.backoffMs += ms;
      await wait(ms);
    };

    for (;;) {
      if (req.signal?.aborted) throw cancelled();
      let token: string;
      try {
        token = (await deps.getToken(req.service, { forceRefresh })).accessToken;
      } catch (e) {
        throw new ApiError('token', `no token for ${req.service}: ${e instanceof Error ? e.message : String(e)}`, described);
      }
      forceRefresh = false;

      try {
        await limiter.acquire(req.signal);
      } catch {
        throw cancelled();
      }
      attempts += 1;
      counters.requests += 1;
      let response: TransportResponse;
      try {
        const signals = [AbortSignal.timeout(req.timeoutMs ?? timeoutMs), ...(req.signal ? [req.signal] : [])];
        response = await deps.transport.send({
          method: req.method,
          url: req.url,
          headers: {
            accept: 'application/json',
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(deps.userAgent ? { 'user-agent': deps.userAgent } : {}),
            ...(req.headers ?? {}),
            authorization: `Bearer ${token}`,
          },
          ...(body ? { body } : {}),
          signal: AbortSignal.any(signals),
        });
      } catch (e) {
        limiter.release();
        if (req.signal?.aborted) throw cancelled();
        if (!(e instanceof TransportError) || e.kind === 'too_large') throw new ApiError('network', e instanceof Error ? e.message : String(e), described);
        if (e.kind === 'truncated') counters.truncatedBodies += 1;
        else counters.networkErrors += 1;
        await failLater(e.message, 'network', null);
        continue;
      }
      limiter.release();

      const { status } = response;
      let summary: ErrorSummary | null = null;
      const summarise = () => (summary ??= summariseErrorBody(response.bytes, status));

      if (status >= 200 && status < 300) {
        let json: unknown = null;
        if (response.bytes.length > 0) {
          try {
            json = JSON.parse(response.bytes.toString('utf8')) as unknown;
          } catch {
            // A 2xx whose body does not parse was cut short on the way (or mangled by a proxy).
            counters.truncatedBodies += 1;
            await failLater(`HTTP ${status} with a body that is not complete JSON`, 'network', status);
            continue;
          }
        }
        limiter.onSuccess();
        return {
          service: req.service,
          status,
          headers: sanitiseResponseHeaders(response.headers),
          bytes: response.bytes,
          json,
          request: described,
          receivedAt: deps.now(),
          attempts,
          throttledMs,
        };
      }

      if (status === 401 && !refreshed) {
        refreshed = true;
        forceRefresh = true;
        counters.tokenRefreshes += 1;
        counters.retries += 1;
        continue;
      }

      if (isThrottledAnswer(status, summarise)) {
        limiter.onThrottle();
        throttles += 1;
        counters.throttledResponses += 1;
        lastProblem = `HTTP ${status} ${summarise().message}`;
        if (throttles > maxThrottles) {
          throw new ApiError('throttled', `${described.method} ${described.url}: still throttled after ${throttles} answers (${lastProblem})`, described, status, summarise().code);
        }
        const told = retryAfterMs(response.headers, nowMs());
        const ms = told === null ? backoffMs(throttles, backoff, deps.random) : Math.min(maxRetryAfter, Math.max(told, backoff.floorMs));
        throttledMs += ms;
        counters.throttledMs += ms;
        counters.retries += 1;
        await wait(ms);
        continue;
      }

      if (RETRYABLE_STATUS.has(status)) {
        await failLater(`HTTP ${status} ${summarise().message}`, 'http', status);
        continue;
      }

      const s = summarise();
      const why = status === 401 ? ' (refused again after a token refresh)' : '';
      throw new ApiError('http', `${described.method} ${described.url}: HTTP ${status}${s.code ? ` ${s.code}` : ''}: ${s.message}${why}`, described, status, s.code);
    }
  }

  return {
    request,
    counters() {
      const total = emptyCounters();
      for (const c of Object.values(byService)) for (const k of Object.keys(total) as (keyof ServiceCounters)[]) total[k] += c[k];
      return { total, byService: structuredClone(byService) };
    },
    concurrencyLimit: (service) => limiterOf(service).limit(),
  };
}
