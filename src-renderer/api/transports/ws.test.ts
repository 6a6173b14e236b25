import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../src-shared/ipc/contract.js';
import { ConnectionError, type ConnectionState } from './transport.js';
import { createWsTransport, sameOriginWsUrl, type SocketHandlers, type SocketLike } from './ws.js';

/** A socket the test drives by hand: it records what the transport sends and plays the server's part. */
class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(
    readonly url: string,
    private readonly handlers: SocketHandlers,
  ) {
    FakeSocket.all.push(this);
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.all.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }

  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closedByClient = true;
  }
  open() {
    this.handlers.onOpen();
  }
  receive(frame: unknown) {
    this.handlers.onMessage(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  drop(code = 1006, reason = '') {
    this.handlers.onClose(code, reason);
  }
  frames(): { type: string; id: number; name: string; input: unknown }[] {
    return this.sent.map((s) => JSON.parse(s));
  }
}

const make = () =>
  createWsTransport({ url: 'ws://127.0.0.1:4000/ws', openSocket: (url, h) => new FakeSocket(url, h), initialDelayMs: 100, maxDelayMs: 400 });

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('ws transport', () => {
  it('derives the same-origin endpoint, secure when the page is', () => {
    expect(sameOriginWsUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/ws');
    expect(sameOriginWsUrl({ protocol: 'https:', host: 'vm.local:8443' })).toBe('wss://vm.local:8443/ws');
  });

  it('holds calls until the socket opens, then frames each with its own id', async () => {
    const transport = make();
    const socket = FakeSocket.latest();
    expect(socket.url).toBe('ws://127.0.0.1:4000/ws');
    const calls = [transport.call('case.current', {}), transport.call('case.open', { dir: '/cases/a' })];
    expect(socket.sent).toHaveLength(0);
    socket.open();
    expect(socket.frames()).toEqual([
      { type: 'call', id: 1, name: 'case.current', input: {} },
      { type: 'call', id: 2, name: 'case.open', input: { dir: '/cases/a' } },
    ]);
    transport.close();
    await Promise.all(calls.map((call) => expect(call).rejects.toThrow(ConnectionError)));
  });

  it('pairs results with calls by id, in whatever order they come back', async () => {
    const transport = make();
    const socket = FakeSocket.latest();
    socket.open();
    const first = transport.call('case.current', {});
    const second = transport.call('case.recent', {});
    const [a, b] = socket.frames();
    socket.receive({ type: 'result', id: b?.id, result: { ok: true, value: [] } });
    socket.receive({ type: 'result', id: 999, result: { ok: true, value: 'stray' } });
    socket.receive({ type: 'result', id: a?.id, result: { ok: false, error: { code: 'no_case_open', message: 'none' } } });
    await expect(second).resolves.toEqual({ ok: true, value: [] });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'no_case_open', message: 'none' } });
    transport.close();
  });

  it('dispatches valid events and drops malformed frames and events', () => {
    const transport = make();
    const socket = FakeSocket.latest();
    socket.open();
    const seen: AppEvent[] = [];
    transport.onEvent((event) => seen.push(event));
    socket.receive('not json');
    socket.receive({ type: 'event', event: { name: 'db.changed', payload: { tables: 'all' } } });
    socket.receive({ type: 'event', event: { name: 'no.such', payload: {} } });
    socket.receive({ type: 'event', event: { name: 'db.changed', payload: { tables: ['custody_log'] } } });
    expect(seen).toEqual([{ name: 'db.changed', payload: { tables: ['custody_log'] } }]);
    transport.close();
  });

  it('rejects pending calls with a ConnectionError naming the command when the socket closes', async () => {
    const transport = make();
    const socket = FakeSocket.latest();
    socket.open();
    const pending = transport.call('case.create', { dir: '/x', name: 'n', examiner: 'e' });
    socket.drop(1006);
    await expect(pending).rejects.toBeInstanceOf(ConnectionError);
    await expect(pending).rejects.toThrow(/closed \(code 1006\) before case\.create answered/);
    transport.close();
  });

  it('does not resend a call after reconnecting, so a command never runs twice', async () => {
    const transport = make();
    FakeSocket.latest().open();
    const lost = transport.call('case.create', { dir: '/x', name: 'n', examiner: 'e' });
    FakeSocket.latest().drop();
    await expect(lost).rejects.toThrow(ConnectionError);
    vi.advanceTimersByTime(100);
    const second = FakeSocket.latest();
    second.open();
    expect(second.sent).toHaveLength(0);
    transport.close();
  });

  it('reconnects with doubling delays capped at the maximum, and resets after a successful open', () => {
    const transport = make();
    const states: ConnectionState[] = [];
    transport.onConnectionChange((state) => states.push(state));
    FakeSocket.latest().drop();
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(99);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.latest().drop();
    vi.advanceTimersByTime(199);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.latest().drop();
    vi.advanceTimersByTime(400);
    expect(FakeSocket.all).toHaveLength(4);
    FakeSocket.latest().drop();
    vi.advanceTimersByTime(400); // capped: not 800
    expect(FakeSocket.all).toHaveLength(5);
    FakeSocket.latest().open();
    FakeSocket.latest().drop();
    vi.advanceTimersByTime(100);
    expect(FakeSocket.all).toHaveLength(6);
    expect(states.slice(0, 3)).toEqual(['connecting', 'disconnected', 'connecting']);
    expect(states).toContain('connected');
    transport.close();
  });

  it('rejects a call that was waiting for a connection that never opened', async () => {
    const transport = make();
    const waiting = transport.call('app.info', {});
    FakeSocket.latest().drop(1006);
    await expect(waiting).rejects.toThrow(/Could not connect to the Cirrus core \(code 1006\) to run app\.info/);
    transport.close();
  });

  it('stops reconnecting and refuses calls once closed', async () => {
    const transport = make();
    const socket = FakeSocket.latest();
    socket.open();
    const pending = transport.call('case.current', {});
    transport.close();
    expect(socket.closedByClient).toBe(true);
    await expect(pending).rejects.toThrow(/shut down before case\.current answered/);
    socket.drop();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(1);
    await expect(transport.call('case.current', {})).rejects.toThrow(ConnectionError);
  });
});
