import type { ResourceId } from '../../../src-shared/domain/clouds.js';
import type { Evidence } from '../../../src-shared/domain/readiness.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import type { AccessToken } from '../auth/auth-service.js';
import { TokenError } from '../auth/msal-errors.js';
import { describeUrl, NetworkError, type HttpClient } from '../net/http-client.js';
import { sendWithRetries, type RetryOptions } from '../net/retry.js';

/**
 * Authenticated calls for readiness, each remembered as evidence: method, URL (scheme, host,
 * path and the query parameters we chose — never a token), status, and an answer summary the
 * caller writes once it understood the body.
 */
export interface ApiCall {
  resource: ResourceId;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Cmdlet and parameters, for Exchange InvokeCommand evidence. */
  cmdlet?: string;
}

export type ApiAnswer =
  | { kind: 'http'; status: number; json: unknown; text: string; evidence(answer: string): Evidence }
  | { kind: 'noToken'; message: string; evidence(answer: string): Evidence }
  | { kind: 'network'; message: string; evidence(answer: string): Evidence };

export type CallApi = (call: ApiCall) => Promise<ApiAnswer>;

export interface ApiCallerDeps {
  http: HttpClient;
  getAccessToken(resource: ResourceId, options?: { forceRefresh?: boolean }): Promise<AccessToken>;
  now(): Date;
  retry?: RetryOptions;
}

/** The URL as evidence: path plus query (our own parameters, no secrets), without credentials. */
function evidenceUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}${u.search}`;
  } catch {
    return describeUrl(raw);
  }
}

export function createApiCaller(deps: ApiCallerDeps): CallApi {
  return async (call) => {
    const at = deps.now().toISOString();
    const base = { method: call.method, url: evidenceUrl(call.url), ...(call.cmdlet ? { cmdlet: call.cmdlet } : {}), at };
    let token: AccessToken;
    try {
      token = await deps.getAccessToken(call.resource);
    } catch (e) {
      // A signed-out session ends the whole run; a refused resource is one answer among many.
      if (e instanceof CoreError && e.code === 'not_signed_in') throw e;
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof TokenError && e.transient) {
        return { kind: 'network', message, evidence: (answer) => ({ ...base, method: 'TOKEN', status: null, answer }) };
      }
      return { kind: 'noToken', message, evidence: (answer) => ({ ...base, method: 'TOKEN', status: null, answer }) };
    }
    const send = (accessToken: string) =>
      sendWithRetries(
        deps.http,
        {
          method: call.method,
          url: call.url,
          headers: {
            accept: 'application/json',
            ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(call.headers ?? {}),
            authorization: `Bearer ${accessToken}`,
          },
          ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        },
        deps.retry,
      );
    try {
      let response = await send(token.accessToken);
      if (response.status === 401) {
        // An access token can be revoked or expire between cache check and use: renew once.
        const renewed = await deps.getAccessToken(call.resource, { forceRefresh: true }).catch(() => null);
        if (renewed) response = await send(renewed.accessToken);
      }
      let json: unknown = null;
      try {
        json = response.text.trim() ? (JSON.parse(response.text) as unknown) : null;
      } catch {
        json = null;
      }
      return { kind: 'http', status: response.status, json, text: response.text, evidence: (answer) => ({ ...base, status: response.status, answer }) };
    } catch (e) {
      const message = e instanceof NetworkError || e instanceof Error ? e.message : String(e);
      return { kind: 'network', message, evidence: (answer) => ({ ...base, status: null, answer }) };
    }
  };
}

/** The error text of any Microsoft API body: Graph/ARM/Management `error`, EXO `details[0]`, DevOps `message`. */
export function errorText(json: unknown, fallback: string): string {
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    const error = o['error'];
    if (error && typeof error === 'object') {
      const e = error as Record<string, unknown>;
      const details = Array.isArray(e['details']) ? (e['details'][0] as Record<string, unknown> | undefined) : undefined;
      if (details && typeof details['message'] === 'string' && details['message']) return details['message'];
      const code = typeof e['code'] === 'string' ? e['code'] : '';
      const message = typeof e['message'] === 'string' ? e['message'] : '';
      if (code || message) return [code, message].filter(Boolean).join(': ');
    }
    if (typeof o['message'] === 'string') return o['message'];
    if (typeof o['Message'] === 'string') return o['Message'];
    if (typeof o['error_description'] === 'string') return o['error_description'];
  }
  return fallback;
}

/** Short, single-line form of an error text for evidence. */
export function brief(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
