/**
 * The one Content-Security-Policy of the workstation page, sent by the Electron shell and by
 * browser mode alike. Scripts and styles only from the app itself; no plugins, no <base> tricks,
 * no framing. `connect-src 'self'` covers the browser-mode WebSocket on the same origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
