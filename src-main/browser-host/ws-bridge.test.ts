import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { ResultFrame } from '../../src-shared/ipc/contract.js';
import { silentLogger } from '../core/ports.js';
import { createBrowserHost, type BrowserHost } from './server.js';
import { createFakeCore, type FakeCore } from './testing/fake-core.js';
import { frameReader, signIn, tryWebSocket } from './testing/http-client.js';
import { MAX_FRAME_BYTES } from './ws-bridge.js';

const TOKEN = 'ws-test-token-0123456789abcdefghijklmnopqrstuvwxyz';

let work: string;
let core: FakeCore;
let host: BrowserHost;
const open: WebSocket[] = [];

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cirrus-ws-'));
  await writeFile(path.join(work, 'index.html'), '<!doctype html>');
  core = createFakeCore();
  host = await createBrowserHost({ core, rendererDir: work, port: 0, token: TOKEN, logger: silentLogger });
});

afterEach(async () => {
  for (const socket of open.splice(0)) socket.terminate();
  await host.close();
  await rm(work, { recursive: true, force: true });
});

async function connect(): Promise<WebSocket> {
  const cookie = await signIn(host.port, TOKEN);
  const outcome = await tryWebSocket(host.port, { headers: { cookie }, origin: host.origin });
  if (!outcome.opened) throw new Error(`upgrade refused with ${outcome.status}`);
  open.push(outcome.socket);
  return outcome.socket;
}

const errorCode = (frame: unknown) => ((frame as ResultFrame).result.ok ? null : (frame as { result: { error: { code: string } } }).result.error.code);

describe('browser host WebSocket upgrade', () => {
  it('refuses an upgrade without the session cookie', async () => {
    expect(await tryWebSocket(host.port, { origin: host.origin })).toEqual({ opened: false, status: 401 });
    expect(await tryWebSocket(host.port, { origin: host.origin, headers: { cookie: 'cirrus_session=forged' } })).toEqual({ opened: false, status: 401 });
  });

  it('refuses a foreign Origin even with a valid cookie', async () => {
    const cookie = await signIn(host.port, TOKEN);
    const outcome = await tryWebSocket(host.port, { headers: { cookie }, origin: 'http://evil.example' });
    expect(outcome).toEqual({ opened: false, status: 403 });
    expect(core.calls).toHaveLength(0);
  });

  it('refuses a rebound Host even with a valid cookie', async () => {
    const cookie = await signIn(host.port, TOKEN);
    const outcome = await tryWebSocket(host.port, { headers: { cookie, host: `evil.example:${host.port}` } });
    expect(outcome).toEqual({ opened: false, status: 421 });
  });

  it('offers the WebSocket only at /ws', async () => {
    const cookie = await signIn(host.port, TOKEN);
    expect(await tryWebSocket(host.port, { path: '/other', headers: { cookie }, origin: host.origin })).toEqual({ opened: false, status: 404 });
  });
});

describe('browser host WebSocket calls', () => {
  it('answers invalid frames with typed validation errors and keeps answering', async () => {
    const socket = await connect();
    const reader = frameReader(socket);

    socket.send('{not json');
    expect(errorCode(await reader.result(-1))).toBe('validation');

    socket.send(JSON.stringify({ type: 'call', id: 7, input: {} }));
    const missingName = await reader.result(7);
    expect(errorCode(missingName)).toBe('validation');
    expect((missingName as { result: { error: { details?: { path: string }[] } } }).result.error.details?.[0]?.path).toBe('name');

    socket.send(JSON.stringify({ type: 'call', id: 8, name: 'no.such.command', input: {} }));
    expect(errorCode(await reader.result(8))).toBe('unknown_command');

    socket.send(JSON.stringify({ type: 'call', id: 9, name: 'case.open', input: { dir: 42 } }));
    expect(errorCode(await reader.result(9))).toBe('validation');

    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.send(JSON.stringify({ type: 'call', id: 10, name: 'app.info', input: {} }));
    const info = await reader.result(10);
    expect((info as ResultFrame).result).toMatchObject({ ok: true, value: { name: 'Cirrus' } });
    expect(reader.frames.filter((f) => f.type === 'result' && f.id === -1)).toHaveLength(2);
  });

  it('closes with 1009 and a readable reason when a frame exceeds the limit', async () => {
    const socket = await connect();
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.send('x'.repeat(MAX_FRAME_BYTES + 1));
    const { code, reason } = await closed;
    expect(code).toBe(1009);
    expect(reason).toMatch(/exceeds the 1048576-byte limit/);
  });

  it('broadcasts core events to every connected socket', async () => {
    const [a, b] = [await connect(), await connect()];
    const readers = [frameReader(a), frameReader(b)];
    core.emit({ name: 'db.changed', payload: { tables: ['events'] } });
    for (const reader of readers) {
      const frame = await reader.next((f) => f.type === 'event');
      expect(frame).toEqual({ type: 'event', event: { name: 'db.changed', payload: { tables: ['events'] } } });
    }
  });

  it('stops listening to the core when the host closes', async () => {
    expect(core.listenerCount()).toBe(1);
    await connect();
    await host.close();
    expect(core.listenerCount()).toBe(0);
    host = await createBrowserHost({ core, rendererDir: work, port: 0, token: TOKEN, logger: silentLogger });
  });

  it('turns a rejecting core into an internal error instead of silence', async () => {
    core.route = async () => {
      throw new Error('boom');
    };
    const socket = await connect();
    const reader = frameReader(socket);
    socket.send(JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: {} }));
    expect(errorCode(await reader.result(1))).toBe('internal');
  });
});
