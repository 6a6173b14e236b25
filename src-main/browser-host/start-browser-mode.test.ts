import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { AppInfo, type ResultFrame } from '../../src-shared/ipc/contract.js';
import { silentLogger } from '../core/ports.js';
import { startBrowserMode, type BrowserMode } from './start-browser-mode.js';
import { createFakeCore } from './testing/fake-core.js';
import { frameReader, rawRequest, signIn, tryWebSocket } from './testing/http-client.js';

let work: string;
let rendererDir: string;
let mode: BrowserMode | undefined;
const printed: string[] = [];
const sockets: WebSocket[] = [];

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cirrus-mode-'));
  rendererDir = path.join(work, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Cirrus</title>');
  printed.length = 0;
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await mode?.stop();
  mode = undefined;
  await rm(work, { recursive: true, force: true });
});

const start = (extra: Parameters<typeof startBrowserMode>[0] = {}) =>
  startBrowserMode({
    rendererDir,
    configDir: path.join(work, 'config'),
    casesDir: path.join(work, 'cases'),
    print: (line) => printed.push(line),
    logger: silentLogger,
    env: {},
    ...extra,
  });

async function callOver(m: BrowserMode) {
  const token = new URL(m.url).searchParams.get('token') ?? '';
  const cookie = await signIn(m.port, token);
  const outcome = await tryWebSocket(m.port, { headers: { cookie }, origin: m.origin });
  if (!outcome.opened) throw new Error(`upgrade refused: ${outcome.status}`);
  sockets.push(outcome.socket);
  const reader = frameReader(outcome.socket);
  let nextId = 1;
  return {
    reader,
    async call(name: string, input: unknown) {
      const id = nextId++;
      outcome.socket.send(JSON.stringify({ type: 'call', id, name, input }));
      return ((await reader.result(id)) as ResultFrame).result;
    },
  };
}

describe('startBrowserMode with the real core', () => {
  it('prints the tokenised address and a warning, and serves the core in browser mode', async () => {
    mode = await start();
    expect(printed[0]).toBe(`Cirrus browser mode: ${mode.url}`);
    expect(mode.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(printed[1]).toMatch(/access token/);
    expect(existsSync(mode.configDir)).toBe(true);

    const client = await callOver(mode);
    const info = await client.call('app.info', {});
    expect(info.ok).toBe(true);
    const value = AppInfo.parse(info.ok ? info.value : null);
    expect(value).toMatchObject({ mode: 'browser', nativeDialogs: false, defaultCasesDir: path.join(work, 'cases') });

    const picked = await client.call('shell.pickFolder', { purpose: 'open' });
    expect(picked).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const hostile = await client.call('shell.openExternal', { url: 'https://evil.example/phish' });
    expect(hostile).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await client.call('case.open', { dir: 42 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await client.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('creates a case over the WebSocket and broadcasts case.changed', async () => {
    mode = await start();
    const client = await callOver(mode);
    const dir = path.join(work, 'cases', 'bec-01');
    const created = await client.call('case.create', { dir, name: 'BEC 01', examiner: 'Examiner', tenantLabel: 'contoso' });
    expect(created).toMatchObject({ ok: true, value: { dir, meta: { name: 'BEC 01' } } });
    const event = await client.reader.next((f) => f.type === 'event' && f.event.name === 'case.changed');
    expect(event).toEqual({ type: 'event', event: { name: 'case.changed', payload: { dir } } });
    expect(existsSync(path.join(dir, 'case.lock'))).toBe(true);
    await mode.stop();
    // After stop the case is closed (lock released) and the port no longer answers.
    expect(existsSync(path.join(dir, 'case.lock'))).toBe(false);
    await expect(rawRequest(mode.port, '/')).rejects.toThrow();
  });
});

describe('startBrowserMode set-up', () => {
  it('refuses to start without a renderer build and says how to get one', async () => {
    await expect(start({ rendererDir: path.join(work, 'missing') })).rejects.toThrow(/npm run build/);
  });

  it('takes folders from CIRRUS_CONFIG_DIR / CIRRUS_CASES_DIR when no flag is given', async () => {
    const env = { CIRRUS_CONFIG_DIR: path.join(work, 'env-config'), CIRRUS_CASES_DIR: path.join(work, 'env-cases') };
    mode = await start({ configDir: undefined, casesDir: undefined, env, createCore: () => createFakeCore() });
    expect(mode.configDir).toBe(env.CIRRUS_CONFIG_DIR);
    expect(mode.casesDir).toBe(env.CIRRUS_CASES_DIR);
  });

  it('shuts the core down before closing, once, however often stop is called', async () => {
    const core = createFakeCore();
    let shutdowns = 0;
    core.shutdown = async () => {
      shutdowns += 1;
    };
    mode = await start({ createCore: () => core });
    await Promise.all([mode.stop(), mode.stop()]);
    expect(shutdowns).toBe(1);
  });

  it('shuts the core down when the port is taken', async () => {
    const first = await start({ createCore: () => createFakeCore() });
    const core = createFakeCore();
    let shutdown = false;
    core.shutdown = async () => {
      shutdown = true;
    };
    await expect(start({ port: first.port, createCore: () => core })).rejects.toThrow(/EADDRINUSE/);
    expect(shutdown).toBe(true);
    await first.stop();
  });
});

describe('handing links to the system browser', () => {
  const docs = 'https://learn.microsoft.com/en-us/purview/audit-search';

  it('prints an allowed link and hands it to the OS by default', async () => {
    const opened: string[] = [];
    mode = await start({ openWithSystem: async (target) => opened.push(target) > 0 });
    const client = await callOver(mode);
    expect(await client.call('shell.openExternal', { url: docs })).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual([docs]);
    expect(printed).toContain(`Open in your browser: ${docs}`);
  });

  it('with systemBrowser false only prints the link, never calls the OS', async () => {
    const opened: string[] = [];
    mode = await start({ systemBrowser: false, openWithSystem: async (target) => opened.push(target) > 0 });
    const client = await callOver(mode);
    expect(await client.call('shell.openExternal', { url: docs })).toEqual({ ok: true, value: { opened: false } });
    expect(opened).toEqual([]);
    expect(printed).toContain(`Open in your browser: ${docs}`);
  });

  it('refuses to open its own address without the system browser', async () => {
    await expect(start({ systemBrowser: false, open: true })).rejects.toThrow(/without the system browser/);
  });
});

describe('browser mode with the demo tenant', () => {
  it('starts the simulated tenant, offers it as a cloud, and stops it with the host', async () => {
    mode = await start({ demo: { profile: 'e3', seed: 5 } });
    expect(mode.demo?.profile).toBe('e3');
    const demoUrl = mode.demo?.baseUrl ?? '';
    expect(demoUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(printed.some((l) => l.includes('Demo tenant (simulated, profile e3, seed 5)'))).toBe(true);
    const client = await callOver(mode);
    const clouds = await client.call('auth.clouds', {});
    expect(clouds.ok).toBe(true);
    const ids = clouds.ok ? (clouds.value as { id: string }[]).map((c) => c.id) : [];
    expect(ids).toContain('sim');
    await mode.stop();
    mode = undefined;
    // The simulator's port is closed with the host.
    await expect(fetch(`${demoUrl}/common/v2.0/.well-known/openid-configuration`)).rejects.toThrow();
  });
});
