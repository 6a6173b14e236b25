import type { ServiceErrorShapes } from '../http/request-pipeline.js';
import { json, type SimRequest, type SimResponse } from '../http/sim-http.js';

/** Office 365 Management Activity API: `{"error":{"code":"AF...","message"}}`. */
export function mgmtError(status: number, code: string, message: string, _req: SimRequest, headers: Record<string, string> = {}): SimResponse {
  return json(status, { error: { code, message } }, headers);
}

export const mgmtErrorShapes: ServiceErrorShapes = {
  // The API sits behind ASP.NET Web API authentication, which answers with this bare message.
  unauthorized: () => json(401, { Message: 'Authorization has been denied for this request.' }, { 'www-authenticate': 'Bearer' }),
  // The service reports its throttle as AF429 with HTTP 403 (documented example), not 429.
  throttled: (decision, req) =>
    mgmtError(403, 'AF429', `Too many requests. Method=GetBlob, PublisherId=${req.url.searchParams.get('PublisherIdentifier') ?? '00000000-0000-0000-0000-000000000000'}`, req, {
      'retry-after': String(decision.retryAfterSeconds),
    }),
  serverError: (status, req) => mgmtError(status, 'AF50000', 'An internal error occurred. Retry the request.', req),
  notFound: (req) => mgmtError(404, 'AF20050', 'The specified content does not exist.', req),
  methodNotAllowed: (req) => mgmtError(405, 'AF20001', `The requested resource does not support http method '${req.method}'.`, req),
};
