import type { ServiceErrorShapes } from '../http/request-pipeline.js';
import { json, type SimRequest, type SimResponse } from '../http/sim-http.js';

/**
 * Exchange Online admin API errors: an OData error whose `details[0].message` carries the cmdlet
 * text (what the module shows the user); 401s carry no body, only the Bearer challenge and the
 * `x-ms-diagnostics` reason.
 */
export function exoCmdletError(status: number, message: string, req: SimRequest, code = 'InternalServerError'): SimResponse {
  return json(status, {
    error: {
      code,
      message: status === 400 ? 'Bad Request' : message,
      details: [{ code: 'Exception', target: '', message }],
      innererror: { message, type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException', stacktrace: '', internalexception: null },
      'adminapi.warnings@odata.type': '#Collection(String)',
      '@adminapi.warnings': [],
    },
  }, { 'request-id': req.requestId });
}

const DIAGNOSTICS = {
  missing: '2000000;reason="The token is missing.";error_category="invalid_token"',
  malformed: '2000001;reason="The token is malformed.";error_category="invalid_token"',
  'bad-signature': '2000001;reason="The token signature is invalid.";error_category="invalid_signature"',
  expired: '2000005;reason="The token has expired.";error_category="invalid_lifetime"',
  'not-yet-valid': '2000005;reason="The token is not yet valid.";error_category="invalid_lifetime"',
  'wrong-audience': '2000003;reason="The audience claim value is invalid.";error_category="invalid_resource"',
} as const;

export const exoErrorShapes: ServiceErrorShapes = {
  unauthorized: (check) => ({
    status: 401,
    headers: {
      'www-authenticate': 'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", token_types="app_asserted_user_v1 service_asserted_app_v1", error="invalid_token"',
      'x-ms-diagnostics': DIAGNOSTICS[check.reason],
    },
    body: '',
  }),
  throttled: (decision, req) => ({
    ...exoCmdletError(429, 'The request was throttled because the limit of requests has been exceeded. Retry after the indicated time.', req, 'TooManyRequests'),
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(decision.retryAfterSeconds) },
  }),
  serverError: (status, req) => exoCmdletError(status, status === 503 ? 'The service is unavailable.' : 'An internal server error occurred. The operation failed.', req),
  notFound: (req) => exoCmdletError(404, `The resource '${req.path}' was not found.`, req, 'NotFound'),
  methodNotAllowed: (req) => exoCmdletError(405, `The HTTP method '${req.method}' is not allowed.`, req, 'MethodNotAllowed'),
};
