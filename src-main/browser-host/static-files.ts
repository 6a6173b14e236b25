import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mimeTypeFor } from '../core/http/mime-types.js';
import { sendPlainPage, setCommonHeaders, setHtmlHeaders } from './security-headers.js';

/** MIME type by extension (one table for both hosts); unknown types are opaque bytes. */
export const mimeFor = mimeTypeFor;

export type ResolvedPath =
  | { kind: 'file'; segments: string[] }
  | { kind: 'refused'; reason: string };

/**
 * Turns a URL pathname into safe path segments, or refuses it. Decoding happens once, here, and
 * every decoded segment is checked: `%2e%2e`, `..%2f`, backslashes, NUL and dot-files never reach
 * the file system, so the later containment check is a second wall, not the only one.
 */
export function resolveRequestPath(pathname: string): ResolvedPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused', reason: 'malformed escape' };
  }
  if (!decoded.startsWith('/')) return { kind: 'refused', reason: 'relative path' };
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', reason: 'forbidden character' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return { kind: 'refused', reason: 'dot or drive segment' };
  return { kind: 'file', segments };
}

export interface StaticFiles {
  /** Serves a GET/HEAD for `pathname` (already authenticated) from the renderer folder. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

/**
 * Serves the built renderer, and nothing outside it. Unknown paths without an extension fall back
 * to index.html so client-side routes survive a reload; unknown files are plain 404s.
 */
export function createStaticFiles(rendererDir: string): StaticFiles {
  const root = path.resolve(rendererDir);
  let realRoot: Promise<string> | undefined;

  /** Resolves a candidate to a regular file whose real path is inside the real root (symlinks included). */
  async function findFile(segments: string[]): Promise<{ file: string; size: number } | null> {
    const candidate = path.join(root, ...segments);
    try {
      const rootReal = await (realRoot ??= realpath(root));
      const real = await realpath(candidate);
      if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return null;
      const info = await stat(real);
      return info.isFile() ? { file: real, size: info.size } : null;
    } catch {
      return null;
    }
  }

  async function send(req: IncomingMessage, res: ServerResponse, found: { file: string; size: number }): Promise<void> {
    const type = mimeFor(found.file);
    if (type.startsWith('text/html')) setHtmlHeaders(res);
    else setCommonHeaders(res);
    res.statusCode = 200;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', found.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(found.file), res);
  }

  return {
    async serve(req, res, pathname) {
      const headOnly = req.method === 'HEAD';
      const resolved = resolveRequestPath(pathname);
      if (resolved.kind === 'refused') {
        sendPlainPage(res, 403, 'Forbidden', 'That path is not served.', headOnly);
        return;
      }
      const segments = resolved.segments.length === 0 ? ['index.html'] : resolved.segments;
      const found = await findFile(segments);
      if (found) return send(req, res, found);

      const last = segments[segments.length - 1] ?? '';
      if (path.extname(last) === '') {
        const index = await findFile(['index.html']);
        if (index) return send(req, res, index);
        sendPlainPage(res, 500, 'Renderer missing', 'The renderer build was not found; build it and restart browser mode.', headOnly);
        return;
      }
      sendPlainPage(res, 404, 'Not found', 'No such file.', headOnly);
    },
  };
}
