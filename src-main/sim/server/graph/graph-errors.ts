import type { ServiceErrorShapes } from '../http/request-pipeline.js';
import { headerValue, json, type SimRequest, type SimResponse } from '../http/sim-http.js';

/**
 * Microsoft Graph's error envelope: `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`.
 */
export function graphError(status: number, code: string, message: string, req: SimRequest, headers: Record<string, string> = {}): SimResponse {
  const clientRequestId = headerValue(req.headers, 'client-request-id') ?? req.requestId;
  return json(
    status,
    {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().replace(/\.\d+Z$/, ''), 'request-id': req.requestId, 'client-request-id': clientRequestId },
      },
    },
    { 'request-id': req.requestId, 'client-request-id': clientRequestId, ...headers },
  );
}

const UNAUTHORIZED_MESSAGES = {
  missing: 'Access token is empty.',
  malformed: 'IDX14100: JWT is not well formed, there are no dots (.).',
  'bad-signature': 'Access token validation failure. Invalid signature.',
  expired: 'Lifetime validation failed, the token is expired.',
  'not-yet-valid': 'Lifetime validation failed, the token is not yet valid.',
  'wrong-audience': 'Access token validation failure. Invalid audience.',
} as const;

export const graphErrorShapes: ServiceErrorShapes = {
  unauthorized: (check, req) =>
    graphError(401, 'InvalidAuthenticationToken', UNAUTHORIZED_MESSAGES[check.reason], req, {
      'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    }),
  throttled: (decision, req) =>
    graphError(429, 'TooManyRequests', 'Too many requests. Please retry again later.', req, { 'retry-after': String(decision.retryAfterSeconds) }),
  serverError: (status, req) =>
    status === 503
      ? graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', req, { 'retry-after': '2' })
      : graphError(500, 'UnknownError', '', req),
  notFound: (req) => graphError(400, 'BadRequest', `Resource not found for the segment '${req.path.split('/').filter(Boolean).pop() ?? ''}'.`, req),
  methodNotAllowed: (req) => graphError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed for this resource.`, req),
};
