import { NetworkError, type HttpClient, type HttpRequest, type HttpResponse } from './http-client.js';

/**
 * Retries for calls to Microsoft's APIs: throttled answers (429, 503, and the Management API's
 * AF429 carried on a 403) wait for `Retry-After` — a throttled request still counts, so an
 * immediate retry only digs deeper — and transient failures back off exponentially.
 */
export interface RetryOptions {
  maxAttempts?: number;
  /** Longest single wait; a longer Retry-After ends the retries and returns the throttled answer. */
  maxWaitMs?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isThrottled(response: HttpResponse): boolean {
  if (response.status === 429) return true;
  return response.status === 403 && response.text.includes('AF429');
}

/** Seconds (possibly fractional) or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(response: HttpResponse, now = Date.now()): number | null {
  const raw = response.headers['retry-after'];
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export async function sendWithRetries(http: HttpClient, request: HttpRequest, options: RetryOptions = {}): Promise<HttpResponse> {
  const maxAttempts = options.maxAttempts ?? 4;
  const maxWait = options.maxWaitMs ?? 60_000;
  const base = options.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    const backoff = base * 2 ** (attempt - 1);
    let response: HttpResponse;
    try {
      response = await http.send(request);
    } catch (e) {
      if (!(e instanceof NetworkError) || attempt >= maxAttempts) throw e;
      await sleep(backoff);
      continue;
    }
    const transient = isThrottled(response) || [500, 502, 503, 504].includes(response.status);
    if (!transient || attempt >= maxAttempts) return response;
    const wait = retryAfterMs(response) ?? backoff;
    if (wait > maxWait) return response;
    await sleep(wait);
  }
}
