import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type AgentOptions, type RequestOptions } from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';

/**
 * An https agent that reaches every host through a forward proxy with HTTP CONNECT, then speaks
 * TLS end-to-end with the target (the proxy sees only the host name, unless it inspects TLS, in
 * which case its CA must be in `ca`). Node's fetch has no proxy support without extra packages,
 * so MSAL and the API calls use node:https with this agent.
 */
export interface TunnelOptions {
  proxy: URL;
  /** Trusted CAs for the target hosts (and for an https proxy). */
  ca: string[];
  connectTimeoutMs?: number;
}

export class TunnelingAgent extends HttpsAgent {
  readonly #proxy: URL;
  readonly #ca: string[];
  readonly #timeoutMs: number;

  constructor(options: TunnelOptions, agentOptions: AgentOptions = {}) {
    super({ keepAlive: true, ...agentOptions, ca: options.ca });
    if (options.proxy.protocol !== 'http:' && options.proxy.protocol !== 'https:') {
      throw new Error(`proxy ${options.proxy.origin}: only http:// and https:// proxies are supported`);
    }
    this.#proxy = options.proxy;
    this.#ca = options.ca;
    this.#timeoutMs = options.connectTimeoutMs ?? 30_000;
  }

  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const done = callback ?? (() => {});
    const host = String(options.hostname ?? options.host ?? '');
    const port = Number(options.port ?? 443);
    const target = `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
    const proxy = this.#proxy;
    const headers: Record<string, string> = { host: target };
    if (proxy.username || proxy.password) {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const send = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
    const connectRequest = send({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)),
      method: 'CONNECT',
      path: target,
      headers,
      agent: false,
      timeout: this.#timeoutMs,
      ...(proxy.protocol === 'https:' ? { ca: this.#ca } : {}),
    });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      done(error, undefined as unknown as Duplex);
    };
    connectRequest.once('connect', (response: IncomingMessage, socket: Socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        fail(new Error(`the proxy ${proxy.host} refused to connect to ${target} (HTTP ${response.statusCode ?? '?'})`));
        return;
      }
      const secure = tlsConnect({
        socket,
        ca: this.#ca,
        host,
        // SNI takes names only; an IP target is verified against the certificate's IP entries.
        ...(isIP(host) ? {} : { servername: host }),
        ALPNProtocols: ['http/1.1'],
      });
      settled = true;
      done(null, secure);
    });
    connectRequest.once('timeout', () => connectRequest.destroy(new Error(`the proxy ${proxy.host} did not answer within ${this.#timeoutMs} ms`)));
    connectRequest.once('error', (e) => fail(new Error(`proxy ${proxy.host}: ${e.message}`)));
    connectRequest.end();
    return undefined;
  }
}
