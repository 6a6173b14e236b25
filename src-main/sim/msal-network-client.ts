import { request as httpsRequest, Agent } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * An MSAL network module that trusts one extra CA explicitly (the simulator's), instead of
 * touching process-wide TLS settings. MSAL expects the body parsed from JSON and header names in
 * lower case. A body that is not JSON is passed through as `{}` with the status kept, so MSAL
 * reports the HTTP failure rather than a parse error.
 *
 * The same module works for the real cloud when `caPem` is omitted (system trust store only).
 */
export interface CaTrustingNetworkClientOptions {
  /** PEM of an additional CA to trust; added to (not replacing) Node's default roots. */
  caPem?: string;
  /** Milliseconds before a request is abandoned when MSAL gives no timeout of its own. */
  defaultTimeoutMs?: number;
}

export function createCaTrustingNetworkClient(options: CaTrustingNetworkClientOptions = {}): INetworkModule & { close(): void } {
  const agent = new Agent({ keepAlive: true, ...(options.caPem ? { ca: [...rootCertificates, options.caPem] } : {}) });
  const defaultTimeout = options.defaultTimeoutMs ?? 30_000;

  const send = <T>(method: 'GET' | 'POST', url: string, opts: NetworkRequestOptions | undefined, timeout: number | undefined): Promise<NetworkResponse<T>> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== 'https:') {
        reject(new Error(`Refusing to send a sign-in request over ${target.protocol} (${target.origin}).`));
        return;
      }
      const body = method === 'POST' ? Buffer.from(opts?.body ?? '', 'utf8') : null;
      const req = httpsRequest(
        target,
        {
          method,
          agent,
          headers: { ...(opts?.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) },
          timeout: timeout ?? defaultTimeout,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) {
              if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
            }
            resolve({ headers, body: parseJsonBody(Buffer.concat(chunks).toString('utf8')) as T, status: res.statusCode ?? 0 });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`Request to ${target.origin}${target.pathname} timed out.`)));
      req.on('error', reject);
      req.end(body ?? undefined);
    });

  return {
    sendGetRequestAsync: (url, opts, timeout) => send('GET', url, opts, timeout),
    sendPostRequestAsync: (url, opts) => send('POST', url, opts, undefined),
    close: () => agent.destroy(),
  };
}

function parseJsonBody(text: string): unknown {
  if (text.trim().length === 0) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
