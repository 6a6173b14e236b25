import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { EXTERNAL_URL_HOSTS, isAllowedExternalUrl } from '../core/security/external-urls.js';
import { isAppUrl } from './app-origin.js';
import type { SessionLike, WebContentsLike } from './electron-api.js';

/**
 * One allow-list for the whole workstation: the core checks it before `shell.openExternal`
 * commands and the shell checks it again here, for links the page tries to open or navigate to.
 */
export const EXTERNAL_URL_ALLOW_LIST = EXTERNAL_URL_HOSTS;
export { isAllowedExternalUrl };

/**
 * Session-wide guards, installed once before the first window loads.
 * - Every permission request and check is denied: the workstation needs no camera,
 *   notifications, geolocation, HID/USB/serial... (checklist #5, "Handle session permission requests").
 * - The CSP header is added to every response the session sees, on top of the app:// handler
 *   setting it, so a page can never be without it (checklist #7, "Define a Content Security Policy").
 */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any CSP already present (any casing) so ours is the only policy, never a weaker twin.
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    callback({ responseHeaders: { ...responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/**
 * Guards for every web contents the app creates (installed from `web-contents-created`, so a
 * window added later cannot forget them):
 * - navigation and redirects away from app:// are cancelled (checklist #13, "Disable or limit navigation");
 *   an allow-listed link clicked in the page goes to the system browser instead;
 * - `<webview>` is never attached, whatever the page does (checklist #12, "Verify WebView options");
 * - `window.open` never creates a window (checklist #14, "Disable or limit creation of new windows");
 *   allow-listed https links are handed to `openExternal`, which checks the list again.
 */
export function hardenWebContents(contents: WebContentsLike, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(event.url)) openExternal(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
