import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessCheck } from '../auth/token-service.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { BucketName } from '../faults/fault-spec.js';
import type { RateDecision, RateLimiter } from '../faults/rate-limiter.js';
import type { RouteTable } from './router.js';
import { headerValue, SimHttpError, type ServiceName, type SimRequest, type SimResponse } from './sim-http.js';

/**
 * The one request path every simulated service shares: find the mount by path prefix, inject
 * faults, check the bearer token, draw from the throttling bucket, run the handler, and maybe cut
 * the body short. Each service supplies its own error shapes, because clients branch on them.
 */
export interface ServiceErrorShapes {
  unauthorized(check: Exclude<AccessCheck, { ok: true }>, req: SimRequest): SimResponse;
  throttled(decision: RateDecision, req: SimRequest): SimResponse;
  serverError(status: 500 | 503, req: SimRequest): SimResponse;
  notFound(req: SimRequest): SimResponse;
  methodNotAllowed(req: SimRequest): SimResponse;
}

export interface ServiceMount {
  service: ServiceName;
  /** '' for the sign-in service at the root; otherwise '/graph', '/exo', ... */
  prefix: string;
  routes: RouteTable;
  /** Bucket for routes that name none; null = not throttled. */
  defaultBucket: BucketName | null;
  requiresAuth: boolean;
  errors: ServiceErrorShapes;
  /** Extra headers every response of this service carries (e.g. ARM's remaining-reads counter). */
  decorate?(response: SimResponse, rate: RateDecision | null): void;
}

export interface PipelineDeps {
  mounts: ServiceMount[];
  baseUrl: () => string;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  checkToken: (authorization: string | undefined, service: ServiceName) => AccessCheck;
  sleep: (ms: number) => Promise<void>;
  onError: (error: unknown, req: SimRequest) => void;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  // Longest prefix first so '/devops-audit' wins over '/devops' and everything over the root.
  const mounts = [...deps.mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  return (req, res) => {
    handle(deps, mounts, req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('simulator internal error');
      }
      deps.onError(error, emptyRequest(deps.baseUrl()));
    });
  };
}

async function handle(deps: PipelineDeps, mounts: ServiceMount[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', deps.baseUrl());
  const mount = mounts.find((m) => m.prefix === '' || url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`));
  if (body === null) {
    send(res, { status: 413, headers: { 'content-type': 'text/plain' }, body: 'request body too large' }, false);
    return;
  }
  if (!mount) {
    send(res, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' }, false);
    return;
  }
  const simReq: SimRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path: url.pathname.slice(mount.prefix.length) || '/',
    mountBase: `${deps.baseUrl()}${mount.prefix}`,
    params: {},
    headers: req.headers,
    body,
    requestId: randomUUID(),
    auth: null,
    exoGlitch: false,
    queryFail: false,
  };

  const match = mount.routes.match(simReq.method, simReq.path);
  if (match === null) return send(res, mount.errors.notFound(simReq), false);
  if (match === 'method-not-allowed') return send(res, mount.errors.methodNotAllowed(simReq), false);
  simReq.params = match.params;

  const fault = deps.faults.decide(mount.service);
  if (fault.reset) {
    // Drop the connection without an answer, as a reset load balancer would.
    req.socket.destroy();
    return;
  }
  if (fault.slowMs > 0) await deps.sleep(fault.slowMs);
  if (fault.status === 500 || fault.status === 503) return send(res, mount.errors.serverError(fault.status, simReq), fault.truncate);
  if (fault.status === 429) {
    const decision: RateDecision = { allowed: false, retryAfterSeconds: 1, remaining: 0, limit: null };
    return send(res, mount.errors.throttled(decision, simReq), false);
  }
  simReq.exoGlitch = fault.exoGlitch;
  simReq.queryFail = fault.queryFail;

  if (mount.requiresAuth) {
    const check = deps.checkToken(headerValue(req.headers, 'authorization'), mount.service);
    if (!check.ok) return send(res, mount.errors.unauthorized(check, simReq), false);
    simReq.auth = check.context;
  }

  let rate: RateDecision | null = null;
  const bucket = match.route.bucket ?? mount.defaultBucket;
  if (bucket) {
    const key = simReq.auth ? `${simReq.auth.tenantId}|${simReq.auth.appId}` : (req.socket.remoteAddress ?? 'local');
    rate = deps.rateLimiter.take(bucket as BucketName, key);
    if (!rate.allowed) {
      const throttled = mount.errors.throttled(rate, simReq);
      mount.decorate?.(throttled, rate);
      return send(res, throttled, false);
    }
  }

  let response: SimResponse;
  try {
    response = await match.route.handler(simReq);
  } catch (error) {
    if (error instanceof SimHttpError) {
      response = error.response;
    } else {
      deps.onError(error, simReq);
      response = mount.errors.serverError(500, simReq);
    }
  }
  mount.decorate?.(response, rate);
  send(res, response, fault.truncate);
}

function send(res: ServerResponse, response: SimResponse, truncate: boolean): void {
  const body = Buffer.from(response.body ?? '', 'utf8');
  const headers: Record<string, string | number> = { ...(response.headers ?? {}), 'content-length': body.length };
  res.writeHead(response.status, headers);
  if (truncate && body.length > 1) {
    // Promise the full length, deliver half, then drop the connection: the client sees a cut body.
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
    return;
  }
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function emptyRequest(baseUrl: string): SimRequest {
  const url = new URL('/', baseUrl);
  return { method: 'GET', url, path: '/', mountBase: baseUrl, params: {}, headers: {}, body: '', requestId: '', auth: null, exoGlitch: false, queryFail: false };
}
