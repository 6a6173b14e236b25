import type { IncomingHttpHeaders } from 'node:http';

/**
 * The simulator's request/response model. Handlers are plain functions from a parsed request to a
 * response value; the server pipeline (faults, auth, throttling, truncation) wraps them, so each
 * API file only describes what the real service answers.
 */
export type ServiceName = 'login' | 'graph' | 'exo' | 'mgmt' | 'arm' | 'devops';
export const SERVICE_NAMES: readonly ServiceName[] = ['login', 'graph', 'exo', 'mgmt', 'arm', 'devops'];

export interface SimRequest {
  method: string;
  /** Absolute URL as the client addressed it (origin is the simulator's base URL). */
  url: URL;
  /** Path below the service's mount prefix, starting with '/'. */
  path: string;
  /** Absolute base of the mount the request arrived on, used to build paging links. */
  mountBase: string;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  requestId: string;
  /** Verified access-token claims; set by the pipeline for authenticated services. */
  auth: AccessContext | null;
  /** Fault injection asked this request to misbehave the way EXO audit search sometimes does. */
  exoGlitch: boolean;
  /** Fault injection asked that an audit log query created by this request fail. */
  queryFail: boolean;
}

export interface AccessContext {
  tenantId: string;
  objectId: string;
  upn: string;
  name: string;
  appId: string;
  audience: string;
  scopes: string[];
  roleTemplateIds: string[];
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments separated by '/'; ':name' captures one segment. Literal segments match case-insensitively. */
  pattern: string;
  handler: Handler;
  /** Throttling bucket this route draws from (e.g. 'graph-audit'); the service default otherwise. */
  bucket?: string;
}

/** Thrown from deep inside a handler to answer with a specific response. */
export class SimHttpError extends Error {
  constructor(public readonly response: SimResponse) {
    super(`simulated HTTP ${response.status}`);
  }
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The sign-in pages only post forms to this server or the client's loopback listener.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self' http://localhost:* http://127.0.0.1:*",
      ...headers,
    },
    body,
  };
}

export function empty(status: number, headers: Record<string, string> = {}): SimResponse {
  return { status, headers, body: '' };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
