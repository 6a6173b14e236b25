import { request } from 'node:http';
import { WebSocket } from 'ws';
import type { ServerFrame } from '../../../src-shared/ipc/contract.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A bare HTTP request for host tests. `fetch` cannot forge a Host header, and forging one is
 * exactly what a DNS-rebinding page does, so tests use node:http directly.
 */
export function rawRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Exchanges the launch token for the session cookie, returning `name=value` for later requests. */
export async function signIn(port: number, token: string): Promise<string> {
  const res = await rawRequest(port, `/?token=${encodeURIComponent(token)}`, { headers: { host: `127.0.0.1:${port}` } });
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 302 || !setCookie) throw new Error(`sign-in failed with ${res.status}`);
  return setCookie.split(';')[0] ?? '';
}

export type UpgradeOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number };

/** Attempts the WebSocket upgrade; resolves with the socket or the HTTP status that refused it. */
export function tryWebSocket(port: number, options: { path?: string; headers?: Record<string, string>; origin?: string } = {}): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ws'}`, {
      headers: options.headers,
      ...(options.origin ? { origin: options.origin } : {}),
    });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 });
      res.resume();
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** Collects server frames so a test can wait for a specific one. */
export function frameReader(socket: WebSocket) {
  const frames: ServerFrame[] = [];
  const waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as ServerFrame;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.match(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  return {
    frames,
    next(match: (f: ServerFrame) => boolean, timeoutMs = 5_000): Promise<ServerFrame> {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
        waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
      });
    },
    result(id: number) {
      return this.next((f) => f.type === 'result' && f.id === id);
    },
  };
}
