import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import { mimeTypeFor } from '../core/http/mime-types.js';

/**
 * `standard` gives app:// URLs a host and an origin; `secure` makes it a secure context like
 * https. `supportFetchAPI` lets the page fetch its own assets. Deliberately NOT granted:
 * `bypassCSP`, `corsEnabled`, `allowServiceWorkers`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Sent with every response, errors included, so no document from this scheme lacks the CSP. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export interface AppProtocolOptions {
  /** The built renderer folder (`dist/renderer`). Nothing outside it is ever served. */
  rootDir: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

type Target = { ok: true; file: string } | { ok: false; status: number; reason: string };

function reply(status: number, reason: string, extra: Record<string, string> = {}): Response {
  return new Response(reason, { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}

/** Maps a request URL onto a file inside `root`, refusing anything that would escape it. */
function resolveTarget(root: string, url: string): Target {
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404, reason: 'Not Found' };
  let pathname: string;
  try {
    // Decoding happens after the URL parser has collapsed literal "..", so encoded ones
    // (%2e%2e%2f) and encoded backslashes reach the containment check below.
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'Bad Request' };
  }
  if (pathname.includes('\0')) return { ok: false, status: 400, reason: 'Bad Request' };
  // A backslash is a separator on Windows only; refusing it everywhere keeps one behaviour.
  if (pathname.includes('\\')) return { ok: false, status: 403, reason: 'Forbidden' };
  const wanted = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = resolve(root, wanted);
  const rel = relative(root, file);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') return { ok: false, status: 403, reason: 'Forbidden' };
  return { ok: true, file };
}

const isMissing = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && ['ENOENT', 'EISDIR', 'ENOTDIR'].includes(String(e.code));

/**
 * The `app://` handler: read-only (GET), confined to the renderer folder, with the CSP on every
 * response. Extensionless paths that match no file get `index.html`, so a client-side route
 * survives a reload; a missing asset (with an extension) is a plain 404.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const root = resolve(options.rootDir);
  const readFile = options.readFile ?? ((path: string) => fsReadFile(path));
  const serve = async (file: string): Promise<Response> =>
    new Response(await readFile(file), { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': mimeTypeFor(file) } });

  return async (request) => {
    if (request.method !== 'GET') return reply(405, 'Method Not Allowed', { Allow: 'GET' });
    const target = resolveTarget(root, request.url);
    if (!target.ok) return reply(target.status, target.reason);
    try {
      return await serve(target.file);
    } catch (e) {
      if (!isMissing(e)) return reply(500, 'Internal Server Error');
      if (extname(target.file) !== '') return reply(404, 'Not Found');
      try {
        return await serve(resolve(root, 'index.html'));
      } catch {
        return reply(404, 'Not Found');
      }
    }
  };
}
