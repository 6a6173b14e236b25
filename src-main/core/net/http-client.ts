import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TunnelingAgent } from './proxy-tunnel.js';
import { trustedCas } from './tls-trust.js';

/**
 * The one way core code talks HTTPS to Microsoft (and to the simulator): explicit CA trust, an
 * optional forward proxy, timeouts, and a cap on body size. Built on node:https because Node's
 * fetch can neither take a CA list per request nor a proxy without extra packages.
 */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Closes kept-alive connections. */
  close(): void;
}

export interface HttpClientOptions {
  /** PEM CAs trusted on top of the system roots. */
  extraCaPems?: readonly string[];
  /** Forward proxy for everything but loopback. */
  proxyUrl?: string;
  defaultTimeoutMs?: number;
  maxBodyBytes?: number;
}

/** No answer (refused, reset, TLS failure, timeout). Messages name the host, never a query string. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Scheme, host and path of a URL: safe to log and to show as evidence. */
export function describeUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const ca = trustedCas(options.extraCaPems ?? []);
  const direct = new HttpsAgent({ keepAlive: true, ca });
  const proxied = options.proxyUrl ? new TunnelingAgent({ proxy: new URL(options.proxyUrl), ca }) : null;
  const defaultTimeout = options.defaultTimeoutMs ?? 60_000;
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;

  /**
   * One attempt. A kept-alive socket the server closed while idle fails on first use; such a
   * request never reached the server, so it is sent once more on a fresh connection.
   */
  const attempt = (request: HttpRequest, target: URL, retryStale: boolean): Promise<HttpResponse> =>
    new Promise<HttpResponse>((resolve, reject) => {
      const where = describeUrl(request.url);
      const agent = proxied && !LOOPBACK.has(target.hostname) ? proxied : direct;
      const body = request.body === undefined ? null : Buffer.from(request.body, 'utf8');
      const timeout = request.timeoutMs ?? defaultTimeout;
      let answered = false;
      const req = httpsRequest(
        target,
        {
          method: request.method,
          agent,
          headers: { ...(request.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) },
          timeout,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBody) {
              res.destroy(new NetworkError(`${where}: the answer is larger than ${maxBody} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          res.on('error', (e) => reject(e instanceof NetworkError ? e : new NetworkError(`${where}: ${e.message}`)));
          res.on('end', () => {
            if (!res.complete) {
              reject(new NetworkError(`${where}: the connection closed before the whole answer arrived`));
              return;
            }
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) {
              if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
            }
            resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
      req.on('timeout', () => req.destroy(new NetworkError(`${where}: no answer within ${timeout} ms`)));
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (retryStale && !answered && req.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(e.code ?? '')) {
          attempt(request, target, false).then(resolve, reject);
          return;
        }
        reject(e instanceof NetworkError ? e : new NetworkError(`${where}: ${e.message}`));
      });
      req.end(body ?? undefined);
    });

  return {
    async send(request) {
      let target: URL;
      try {
        target = new URL(request.url);
      } catch {
        throw new NetworkError('not a valid URL');
      }
      if (target.protocol !== 'https:') {
        throw new NetworkError(`refusing to send a request over ${target.protocol} (${target.origin}); only https is used`);
      }
      return attempt(request, target, true);
    },
    close() {
      direct.destroy();
      proxied?.destroy();
    },
  };
}
