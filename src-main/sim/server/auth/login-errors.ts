import type { ServiceErrorShapes } from '../http/request-pipeline.js';
import { json } from '../http/sim-http.js';

/** The sign-in service's OAuth-style errors for paths and faults (token errors come from the endpoints). */
export const loginErrorShapes: ServiceErrorShapes = {
  unauthorized: () => json(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client credentials.' }),
  throttled: (decision) =>
    json(429, { error: 'temporarily_unavailable', error_description: 'AADSTS50196: The server terminated an operation because it encountered a client request loop.' }, { 'retry-after': String(decision.retryAfterSeconds) }),
  serverError: (status) =>
    json(status, { error: 'temporarily_unavailable', error_description: 'AADSTS90033: A transient error has occurred. Please try again.', error_codes: [90033] }, { 'retry-after': '1' }),
  notFound: () => json(404, { error: 'invalid_request', error_description: 'AADSTS90027: The requested address is not an endpoint of this identity platform.' }),
  methodNotAllowed: () => json(405, { error: 'invalid_request', error_description: 'AADSTS900561: The endpoint only accepts POST, OPTIONS requests. Received a GET request.' }),
};
