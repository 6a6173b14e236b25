import { CREDENTIAL_PARAMETERS, SHARED_ACCESS_SIGNED_FIELDS } from '../../security/secret-parameters.js';

/**
 * What of a request may be kept as evidence. Requests are recorded beside every stored page, in a
 * case file that cannot be edited later, so anything that could authenticate is removed first:
 * bearer tokens (headers are never stored at all), OAuth parameters (`code`, `client_secret`,
 * `refresh_token`, ...) and shared-access signatures (`sig` and its companions) in URLs and bodies.
 * Paging cursors (`$skiptoken`, `continuationToken`, `nextPage`) are not credentials and stay:
 * they say which page a request asked for.
 */
const SECRET_PARAMS = new Set([...CREDENTIAL_PARAMETERS, ...SHARED_ACCESS_SIGNED_FIELDS]);

/** Response headers never kept: they can carry session cookies. */
const DROPPED_RESPONSE_HEADERS = new Set(['set-cookie', 'authorization', 'proxy-authorization', 'www-authenticate']);

export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase());
}

/** The URL without credentials (user-info) and without secret query parameters. */
export function sanitiseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(unparseable URL)';
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  // Parameters are dropped one by one from the query text, so what stays is spelled as it was sent.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isSecretParam(decodeName(part.split('=')[0] ?? '')));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.toString();
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function scrubJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isSecretParam(k)) out[k] = scrubJson(v);
    return out;
  }
  return value;
}

/**
 * A request body safe to store: JSON without secret keys, or a form body without secret fields.
 * Bodies that are neither are not kept (they could hold anything).
 */
export function sanitiseBody(body: string | undefined): string | null {
  if (body === undefined || body === '') return null;
  try {
    return JSON.stringify(scrubJson(JSON.parse(body)));
  } catch {
    if (/^[\w.%+~-]+=[^&]*(&[\w.%+~-]+=[^&]*)*$/.test(body.trim())) {
      const form = new URLSearchParams(body.trim());
      for (const name of [...form.keys()]) if (isSecretParam(name)) form.delete(name);
      return form.toString();
    }
    return '(body not recorded: neither JSON nor form-encoded)';
  }
}

export function sanitiseResponseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!DROPPED_RESPONSE_HEADERS.has(k.toLowerCase())) out[k.toLowerCase()] = v;
  return out;
}
