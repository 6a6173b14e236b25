import type { ResourceId } from '../../../../src-shared/domain/clouds.js';

/**
 * The collector's HTTP vocabulary: what a caller asks for, what a page is once it arrived, and
 * how a request that could not be answered fails. Pages carry the exact bytes (for the evidence
 * store and its hash) beside the parsed JSON (for paging and completeness checks).
 */

/** A service is a token audience and a concurrency/throttling domain at once. */
export type ServiceName = ResourceId;

/** A token for one resource; `forceRefresh` asks for a new one (the last was refused). */
export type TokenCallback = (resource: ResourceId, options: { forceRefresh: boolean }) => Promise<{ accessToken: string }>;

export interface ApiRequest {
  service: ServiceName;
  method: 'GET' | 'POST';
  url: string;
  /** Extra headers; `authorization` is set by the client and never by callers. */
  headers?: Record<string, string>;
  /** JSON text for POST. */
  body?: string;
  /** Overrides the client's per-request timeout. */
  timeoutMs?: number;
  /** Cancels the request (and its retries) from outside: a cancelled job. */
  signal?: AbortSignal;
}

/** A request as it may be recorded: no headers, no secrets in URL or body. */
export interface RequestDescription {
  method: 'GET' | 'POST';
  url: string;
  body: string | null;
}

export interface ApiPage {
  service: ServiceName;
  status: number;
  /** Lower-case names, cookie and auth headers removed. */
  headers: Record<string, string>;
  /** The body exactly as received. */
  bytes: Buffer;
  /** The body parsed as JSON (null for an empty body). */
  json: unknown;
  request: RequestDescription;
  receivedAt: Date;
  /** Exchanges it took, including throttled and failed ones. */
  attempts: number;
  /** Time spent waiting on throttling answers for this page. */
  throttledMs: number;
}

export type ApiFailure =
  /** The service answered with an error status that retrying does not fix (or retries ran out). */
  | 'http'
  /** No complete answer, retries exhausted. */
  | 'network'
  /** Still throttled after the retry budget. */
  | 'throttled'
  /** No token for the resource. */
  | 'token'
  /** Cancelled from outside. */
  | 'cancelled'
  /** A 2xx answer whose JSON is not the shape the service documents (paging would go wrong). */
  | 'shape';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiFailure,
    message: string,
    readonly request: RequestDescription,
    readonly status: number | null = null,
    /** The service's error code (`Authorization_RequestDenied`, `AF20022`, ...), when it gave one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** Running totals, per service and overall, for progress and the job's report. */
export interface ServiceCounters {
  requests: number;
  retries: number;
  throttledResponses: number;
  throttledMs: number;
  backoffMs: number;
  tokenRefreshes: number;
  networkErrors: number;
  truncatedBodies: number;
}

export const emptyCounters = (): ServiceCounters => ({
  requests: 0,
  retries: 0,
  throttledResponses: 0,
  throttledMs: 0,
  backoffMs: 0,
  tokenRefreshes: 0,
  networkErrors: 0,
  truncatedBodies: 0,
});
