import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { describeUrl } from '../../net/http-client.js';
import { TunnelingAgent } from '../../net/proxy-tunnel.js';
import { trustedCas } from '../../net/tls-trust.js';
import type { NetworkSettings } from '../../ports.js';

/**
 * The collector's wire: one HTTPS exchange, answered with the body's exact bytes. It reuses the
 * core network module's trust (system roots plus the user's extra CAs) and proxy tunnel, but not
 * its client, because evidence needs the bytes as received (not a decoded string), and a job
 * needs to abort a request from outside (cancellation) as well as on a timeout.
 *
 * No `accept-encoding` is sent, so the bytes on the wire are the entity body itself; redirects
 * are not followed (every service here answers in place, and a redirect would need the bearer
 * token re-sent to a host chosen by the answer).
 */
export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Aborts the exchange (timeout or cancellation); the reason says which. */
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  bytes: Buffer;
}

export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): void;
}

export type TransportFailure = 'network' | 'truncated' | 'too_large' | 'aborted';

/** No complete answer. Messages name the host and path, never a query string or a header. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly kind: TransportFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface TransportOptions extends NetworkSettings {
  maxBodyBytes?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function createTransport(options: TransportOptions = {}): Transport {
  const ca = trustedCas(options.extraCaPems ?? []);
  const direct = new HttpsAgent({ keepAlive: true, ca });
  const proxied = options.proxyUrl ? new TunnelingAgent({ proxy: new URL(options.proxyUrl), ca }) : null;
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;

  const exchange = (request: TransportRequest, target: URL): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      const where = describeUrl(request.url);
      const signal = request.signal;
      if (signal?.aborted) {
        reject(new TransportError('aborted', `${where}: ${abortReason(signal)}`));
        return;
      }
      let settled = false;
      const fail = (error: TransportError) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const agent = proxied && !LOOPBACK.has(target.hostname) ? proxied : direct;
      const headers = { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) };
      const req = httpsRequest(target, { method: request.method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBody) {
            res.destroy();
            fail(new TransportError('too_large', `${where}: the answer is larger than ${maxBody} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (e) => fail(new TransportError('truncated', `${where}: the answer broke off (${e.message})`)));
        res.on('end', () => {
          if (!res.complete) {
            fail(new TransportError('truncated', `${where}: the connection closed before the whole answer arrived`));
            return;
          }
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: out, bytes: Buffer.concat(chunks) });
        });
      });
      const onAbort = () => {
        fail(new TransportError('aborted', `${where}: ${signal ? abortReason(signal) : 'aborted'}`));
        req.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (e: NodeJS.ErrnoException) => fail(new TransportError('network', `${where}: ${e.code ?? e.message}`)));
      req.end(request.body ?? undefined);
    });

  return {
    async send(request) {
      let target: URL;
      try {
        target = new URL(request.url);
      } catch {
        throw new TransportError('network', 'not a valid URL');
      }
      if (target.protocol !== 'https:') {
        throw new TransportError('network', `refusing to send a request over ${target.protocol} (${target.origin}); only https is used`);
      }
      return exchange(request, target);
    },
    close() {
      direct.destroy();
      proxied?.destroy();
    },
  };
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') return 'no complete answer in time';
  return reason instanceof Error ? reason.message : 'cancelled';
}
