import { CREDENTIAL_PARAMETERS } from '../../security/secret-parameters.js';

/**
 * Pages are evidence that others will read, so the request recorded beside them must not carry
 * credentials. Callers redact before ingesting; this guard refuses what slipped through rather
 * than writing a secret into a case file that cannot be edited afterwards.
 */
const SECRET_NAMES = CREDENTIAL_PARAMETERS;

function secretInQuery(query: string): string | null {
  for (const part of query.split('&')) {
    const name = decodeURIComponentSafe(part.split('=')[0] ?? '').toLowerCase();
    if (SECRET_NAMES.has(name) && part.includes('=') && part.split('=')[1] !== '') return name;
  }
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function secretInJson(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = secretInJson(v);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_NAMES.has(k.toLowerCase()) && v !== null && v !== '') return k;
      const found = secretInJson(v);
      if (found) return found;
    }
  }
  return null;
}

/** Name of the secret a recorded request carries (`client_secret`, `bearer token`), or null if none is visible. */
export function findRequestSecret(url: string, body: string | null): string | null {
  if (/\bbearer\s+[a-z0-9._~+/-]{16,}/i.test(url) || (body !== null && /\bbearer\s+[a-z0-9._~+/-]{16,}/i.test(body))) return 'bearer token';
  const q = url.indexOf('?');
  const inUrl = q < 0 ? null : secretInQuery(url.slice(q + 1).split('#')[0] ?? '');
  if (inUrl) return inUrl;
  if (body === null || body.trim() === '') return null;
  try {
    return secretInJson(JSON.parse(body));
  } catch {
    // Not JSON: a form-encoded body is read like a query string.
    return secretInQuery(body.trim());
  }
}
