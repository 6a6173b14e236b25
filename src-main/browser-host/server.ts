import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Core } from '../core/create-core.js';
import type { Logger } from '../core/ports.js';
import { allowedHosts, checkHost, checkOrigin } from './request-guards.js';
import { sendPlainPage, setCommonHeaders } from './security-headers.js';
import { createSessionAuth, newSecret } from './session-auth.js';
import { createStaticFiles } from './static-files.js';
import { createWsBridge } from './ws-bridge.js';

/**
 * Plain HTTP is deliberate: the server binds only to a loopback address, so traffic never leaves
 * the machine and TLS would protect nothing a local attacker could not read from memory anyway.
 * Remote use goes through an SSH tunnel, which supplies the encryption. Binding anything else is
 * refused rather than silently serving evidence over cleartext.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1']);
/** Shortest token accepted from a caller; the generated one is 43 characters of base64url. */
const MIN_TOKEN_LENGTH = 32;
export const WS_PATH = '/ws';

export interface BrowserHostOptions {
  core: Core;
  /** Folder holding the built renderer (index.html + assets). */
  rendererDir: string;
  /** Loopback address to bind; defaults to 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Launch token; a fresh random one when omitted. */
  token?: string;
  logger: Logger;
}

export interface BrowserHost {
  /** The URL to open, token included. Treat it as a password. */
  url: string;
  /** `http://host:port`, without token. */
  origin: string;
  port: number;
  /** Closes sockets and the listener. The core is the caller's to shut down. */
  close(): Promise<void>;
}

const UNAUTHORISED = 'Open the address printed in the terminal that started Cirrus browser mode (it carries the access token).';

export async function createBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`Browser mode binds only to loopback (127.0.0.1 or ::1), not ${host}.`);
  const token = options.token ?? newSecret();
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`A browser-mode token needs at least ${MIN_TOKEN_LENGTH} characters.`);

  const { logger } = options;
  const auth = createSessionAuth(token);
  const statics = createStaticFiles(options.rendererDir);
  const bridge = createWsBridge({ core: options.core, logger });
  let allowed: ReadonlySet<string> = new Set();

  /** Host, then Origin: both run before authentication so a rebinding page learns nothing. */
  const guard = (req: IncomingMessage): { ok: true; hostHeader: string } | { ok: false; status: number; reason: string } => {
    const hostVerdict = checkHost(req.headers.host, allowed);
    if (!hostVerdict.ok) return hostVerdict;
    const hostHeader = req.headers.host as string;
    const originVerdict = checkOrigin(req.headers.origin, hostHeader);
    return originVerdict.ok ? { ok: true, hostHeader } : originVerdict;
  };

  /** Only origin-form targets ("/path?query"); absolute and authority forms are proxy requests. */
  const parseTarget = (req: IncomingMessage, hostHeader: string): URL | null => {
    const target = req.url ?? '';
    if (!target.startsWith('/')) return null;
    try {
      return new URL(`http://${hostHeader}${target}`);
    } catch {
      return null;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headOnly = req.method === 'HEAD';
    const verdict = guard(req);
    if (!verdict.ok) {
      logger.warn('browser mode refused a request', { status: verdict.status, host: req.headers.host, origin: req.headers.origin });
      return sendPlainPage(res, verdict.status, 'Refused', verdict.reason, headOnly);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendPlainPage(res, 405, 'Method not allowed', 'Browser mode serves files with GET only; commands travel over its WebSocket.');
    }
    const url = parseTarget(req, verdict.hostHeader);
    if (!url) return sendPlainPage(res, 400, 'Bad request', 'Malformed request target.', headOnly);

    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!auth.tokenMatches(offered)) {
        logger.warn('browser mode refused a wrong token');
        return sendPlainPage(res, 401, 'Not signed in', UNAUTHORISED, headOnly);
      }
      // Trade the token for a cookie and drop it from the address bar, history and Referer.
      setCommonHeaders(res);
      res.setHeader('Set-Cookie', auth.sessionCookie(auth.openSession()));
      res.setHeader('Location', '/');
      res.statusCode = 302;
      res.end();
      return;
    }
    if (!auth.hasSession(req.headers.cookie)) return sendPlainPage(res, 401, 'Not signed in', UNAUTHORISED, headOnly);
    if (url.pathname === WS_PATH) {
      return sendPlainPage(res, 426, 'Upgrade required', 'This address speaks WebSocket only.', headOnly);
    }
    await statics.serve(req, res, url.pathname);
  };

  const refuseUpgrade = (socket: Duplex, status: number, reason: string): void => {
    const body = `${reason}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}\r\n` +
        'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('browser mode request failed', { error: String(error) });
      if (!res.headersSent) sendPlainPage(res, 500, 'Internal error', 'The request failed; see the terminal log.');
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => logger.warn('upgrade socket error', { error: error.message }));
    const verdict = guard(req);
    if (!verdict.ok) {
      logger.warn('browser mode refused a WebSocket', { status: verdict.status, host: req.headers.host, origin: req.headers.origin });
      return refuseUpgrade(socket, verdict.status, verdict.reason);
    }
    const url = parseTarget(req, verdict.hostHeader);
    if (!url || url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'No WebSocket here.');
    // The cookie, not a token in the URL: a WebSocket URL would end up in logs and devtools.
    if (!auth.hasSession(req.headers.cookie)) return refuseUpgrade(socket, 401, 'Not signed in.');
    bridge.accept(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(host, port);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    async close() {
      await bridge.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
