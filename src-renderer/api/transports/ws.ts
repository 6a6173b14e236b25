import type { CommandName } from '../../../src-shared/ipc/contract.js';
import type { Result } from '../../../src-shared/ipc/result.js';
import { parseAppEvent } from './parse-event.js';
import { ConnectionError, type ConnectionState, type Transport } from './transport.js';

/** Callbacks a socket reports to; kept apart from the socket so tests can supply a fake one. */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: unknown): void;
  onClose(code: number, reason: string): void;
}

/** The two things the transport does to a socket. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
}

export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketLike;

export interface WsTransportOptions {
  url: string;
  /** Defaults to the browser's WebSocket. */
  openSocket?: OpenSocket;
  /** First reconnect delay; doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface WsTransport extends Transport {
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Stops reconnecting and rejects whatever is still waiting. */
  close(): void;
}

interface Pending {
  name: CommandName;
  frame: string;
  sent: boolean;
  resolve(result: Result<unknown>): void;
  reject(error: Error): void;
}

const browserSocket: OpenSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => handlers.onMessage(event.data);
  socket.onclose = (event) => handlers.onClose(event.code, event.reason);
  return socket;
};

/** The browser-mode endpoint on the page's own origin; the auth cookie rides along with the upgrade. */
export function sameOriginWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/**
 * Browser-mode transport: the same calls and events as Electron IPC, framed as JSON over one
 * WebSocket. A call waits for its socket to open; if the socket closes first, the call is rejected
 * (never silently retried, because a command such as case.create must not run twice) and the
 * transport reconnects with exponential backoff.
 */
export function createWsTransport(options: WsTransportOptions): WsTransport {
  const openSocket = options.openSocket ?? browserSocket;
  const initialDelay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5000;

  const pending = new Map<number, Pending>();
  const eventListeners = new Set<Parameters<Transport['onEvent']>[0]>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let socket: SocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const trySend = (id: number, entry: Pending) => {
    if (!socket || state !== 'connected' || entry.sent) return;
    try {
      socket.send(entry.frame);
      entry.sent = true;
    } catch (cause) {
      pending.delete(id);
      entry.reject(new ConnectionError(`Could not send ${entry.name} to the Cirrus core: ${String(cause)}`));
    }
  };

  const rejectAll = (describe: (entry: Pending) => string) => {
    const entries = [...pending.values()];
    pending.clear();
    for (const entry of entries) entry.reject(new ConnectionError(describe(entry)));
  };

  const handleFrame = (data: unknown) => {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return; // not ours to interpret; the core only sends JSON
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { type } = frame as { type?: unknown };
    if (type === 'result') {
      const { id, result } = frame as { id?: unknown; result?: unknown };
      const entry = typeof id === 'number' ? pending.get(id) : undefined;
      if (!entry || typeof id !== 'number') return;
      pending.delete(id);
      // The client checks the envelope's shape; the transport only pairs answers with calls.
      entry.resolve(result as Result<unknown>);
    } else if (type === 'event') {
      const event = parseAppEvent((frame as { event?: unknown }).event);
      if (event) for (const listener of eventListeners) listener(event);
    }
  };

  const connect = () => {
    reconnectTimer = null;
    setState('connecting');
    let opened = false;
    // Handlers of a replaced socket must not touch the current one.
    const mine = openSocket(options.url, {
      onOpen() {
        if (socket !== mine) return;
        opened = true;
        failedAttempts = 0;
        setState('connected');
        for (const [id, entry] of pending) trySend(id, entry);
      },
      onMessage(data) {
        if (socket === mine) handleFrame(data);
      },
      onClose(code, reason) {
        if (socket !== mine) return;
        socket = null;
        const why = reason ? `${code}: ${reason}` : `code ${code}`;
        rejectAll((entry) =>
          opened
            ? `The connection to the Cirrus core closed (${why}) before ${entry.name} answered. It is reconnecting; try again.`
            : `Could not connect to the Cirrus core (${why}) to run ${entry.name}. It is retrying; try again shortly.`,
        );
        if (closed) return;
        setState('disconnected');
        const delay = Math.min(maxDelay, initialDelay * 2 ** failedAttempts);
        failedAttempts += 1;
        reconnectTimer = setTimeout(connect, delay);
      },
    });
    socket = mine;
  };

  connect();

  return {
    call(name, input) {
      if (closed) return Promise.reject(new ConnectionError(`The connection to the Cirrus core was shut down; ${name} was not sent.`));
      const id = nextId++;
      const frame = JSON.stringify({ type: 'call', id, name, input });
      return new Promise<Result<unknown>>((resolve, reject) => {
        const entry: Pending = { name, frame, sent: false, resolve, reject };
        pending.set(id, entry);
        trySend(id, entry);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnectionChange(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const current = socket;
      socket = null;
      current?.close();
      rejectAll((entry) => `The connection to the Cirrus core was shut down before ${entry.name} answered.`);
      setState('disconnected');
    },
  };
}
