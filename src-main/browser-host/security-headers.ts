import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';

/**
 * Headers on every response. Nothing is cached: the UI shows evidence, and a shared machine's
 * browser cache is not a place for it.
 */
const common: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** HTML gets the app CSP (the same policy the Electron shell sets) and may never be framed. */
const html: Record<string, string> = {
  ...common,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function setCommonHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(common)) res.setHeader(name, value);
}

export function setHtmlHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(html)) res.setHeader(name, value);
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A short self-contained page (no scripts, no styles) for refusals. */
export function sendPlainPage(res: ServerResponse, status: number, title: string, message: string, headOnly = false): void {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>\n`;
  setHtmlHeaders(res);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(headOnly ? undefined : body);
}
