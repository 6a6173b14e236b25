/**
 * The renderer is served from `app://cirrus/`, never from `file://`: a custom standard scheme
 * gives the page a real, unique origin, so CSP `'self'`, the IPC sender check and the
 * navigation guards all have one precise thing to compare against
 * (https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cirrus';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` belongs to the app's own origin. Unparsable input is not ours. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    // Node's URL reports origin "null" for non-special schemes, so compare the parts instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** Scheme and host of a URL, for logs: paths, queries and fragments may carry codes or tokens. */
export function describeOrigin(url: unknown): string {
  if (typeof url !== 'string') return '(none)';
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(unparsable)';
  }
}

/**
 * The renderer's Case page (its routes live in the URL hash). For a window already showing the
 * app this is a fragment-only change, which Chromium handles as a same-document navigation.
 */
export const CASE_PAGE_URL = `${APP_ENTRY_URL}#/case`;
