import type { ServiceErrorShapes } from '../http/request-pipeline.js';
import { json, type SimRequest, type SimResponse } from '../http/sim-http.js';

/** Azure DevOps (VSS) error body: `$id`, `innerException`, `message`, `typeName`, `typeKey`, `errorCode`, `eventId`. */
export function devopsError(status: number, typeKey: string, message: string, _req: SimRequest, headers: Record<string, string> = {}): SimResponse {
  return json(
    status,
    { $id: '1', innerException: null, message, typeName: `Microsoft.VisualStudio.Services.WebApi.${typeKey}, Microsoft.VisualStudio.Services.WebApi`, typeKey, errorCode: 0, eventId: 3000 },
    headers,
  );
}

export const devopsErrorShapes: ServiceErrorShapes = {
  unauthorized: (_check, req) =>
    devopsError(401, 'UnauthorizedRequestException', 'TF400813: Resource not available for anonymous access. Client authentication required.', req, {
      'www-authenticate': 'Bearer authorization_uri=https://login.microsoftonline.com/common',
    }),
  throttled: (decision, req) =>
    devopsError(429, 'RequestBlockedException', 'TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource \'Global\' in namespace \'User\'.', req, {
      'retry-after': String(decision.retryAfterSeconds),
      'x-ratelimit-resource': 'Global',
      'x-ratelimit-delay': '0',
      'x-ratelimit-limit': String(decision.limit?.capacity ?? 0),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + decision.retryAfterSeconds),
    }),
  serverError: (status, req) => devopsError(status, 'VssServiceException', 'TF400898: An Internal Error Occurred.', req),
  notFound: (req) => devopsError(404, 'VssResourceNotFoundException', `The resource '${req.path}' could not be found.`, req),
  methodNotAllowed: (req) => devopsError(405, 'VssServiceException', `The requested resource does not support http method '${req.method}'.`, req),
};
