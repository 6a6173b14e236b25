import type { ServiceErrorShapes } from '../http/request-pipeline.js';
import { json, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { resourceForService } from '../auth/resources.js';

/** Azure Resource Manager's `{"error":{"code","message"}}` envelope and its request-id headers. */
export function armError(status: number, code: string, message: string, req: SimRequest, headers: Record<string, string> = {}): SimResponse {
  return json(status, { error: { code, message } }, { 'x-ms-request-id': req.requestId, 'x-ms-correlation-request-id': req.requestId, ...headers });
}

export const armErrorShapes: ServiceErrorShapes = {
  unauthorized: (check, req) => {
    switch (check.reason) {
      case 'missing':
        return armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", req);
      case 'expired':
        return armError(401, 'ExpiredAuthenticationToken', `The access token expiry UTC time '${check.detail}' is earlier than current UTC time '${new Date().toISOString()}'.`, req);
      case 'wrong-audience': {
        const allowed = (resourceForService('arm')?.acceptedAudiences ?? []).map((a) => `'${a}'`).join(',');
        return armError(401, 'InvalidAuthenticationTokenAudience', `The access token has been obtained for wrong audience or resource '${check.detail}'. It should exactly match with one of the allowed audiences ${allowed}.`, req);
      }
      default:
        return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', req);
    }
  },
  throttled: (decision, req) =>
    armError(429, 'TooManyRequests', 'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:00:10.', req, {
      'retry-after': String(decision.retryAfterSeconds),
    }),
  serverError: (status, req) =>
    status === 503
      ? armError(503, 'ServiceUnavailable', 'The service is currently unavailable. Please try again later.', req, { 'retry-after': '2' })
      : armError(500, 'InternalServerError', 'Encountered internal server error. Please try again.', req),
  notFound: (req) => armError(404, 'InvalidResourceType', `The resource type could not be found in the namespace for api version '${req.url.searchParams.get('api-version') ?? ''}'.`, req),
  methodNotAllowed: (req) => armError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'.`, req),
};
