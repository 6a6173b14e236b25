import { randomUUID } from 'node:crypto';
import { json, type SimResponse } from '../http/sim-http.js';

/**
 * The identity platform's OAuth error body: `error`, an `error_description` starting with the
 * AADSTS code, `error_codes`, ids and timestamp. MSAL reads `error`, `error_description`,
 * `error_codes` and `suberror`.
 */
export function stsError(
  status: number,
  error: string,
  code: number,
  message: string,
  now: Date,
  extra: Record<string, string> = {},
): SimResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return json(
    status,
    {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      ...extra,
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}
