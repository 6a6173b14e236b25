import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src-shared/ipc/contract.js';
import { createCore, type Core } from '../core/create-core.js';
import { silentLogger, type Logger } from '../core/ports.js';
import { makeTempDir, makeTestPorts } from '../core/testing/test-ports.js';
import type { InvokeEventLike } from './electron-api.js';
import { CALL_CHANNEL, EVENT_CHANNEL, isTrustedSender, registerIpc } from './ipc.js';
import { createFakeElectron, FakeFrame, type FakeWindow } from './testing/fake-electron.js';

describe('IPC bridge', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let electron: ReturnType<typeof createFakeElectron>;
  let window: FakeWindow;
  let other: FakeWindow;
  let dispose: () => void;
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`) };

  const fromTop = (w: FakeWindow): InvokeEventLike => ({ sender: w.webContents, senderFrame: w.webContents.mainFrame });
  const call = (event: InvokeEventLike, name: unknown, input: unknown) => electron.ipcMain.invoke(CALL_CHANNEL, event, name, input);

  beforeEach(async () => {
    tmp = makeTempDir();
    core = createCore(makeTestPorts(tmp.dir));
    electron = createFakeElectron();
    window = new electron.BrowserWindow({});
    other = new electron.BrowserWindow({});
    await window.loadURL('app://cirrus/index.html');
    await other.loadURL('app://cirrus/index.html');
    warnings.length = 0;
    // Only `window` is ours; `other` stands for any web contents the shell did not open.
    dispose = registerIpc({ ipcMain: electron.ipcMain, core, windows: () => [window], logger });
  });
  afterEach(async () => {
    dispose();
    await core.shutdown();
    tmp.cleanup();
  });

  it('routes a call from the top frame of our window to the core', async () => {
    const result = await call(fromTop(window), 'app.info', {});
    expect(result).toMatchObject({ ok: true });
    expect(commands['app.info'].output.parse((result as { value: unknown }).value).name).toBe('Cirrus');
  });

  it('refuses a missing frame, a subframe, a foreign window and a foreign origin with a typed forbidden error', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    const subframe = new FakeFrame('app://cirrus/embedded.html', window.webContents.mainFrame);
    expect(await call({ sender: window.webContents, senderFrame: null }, 'app.info', {})).toMatchObject(forbidden);
    expect(await call({ sender: window.webContents, senderFrame: subframe }, 'app.info', {})).toMatchObject(forbidden);
    expect(await call(fromTop(other), 'app.info', {})).toMatchObject(forbidden);
    // A top frame from another web contents, claimed to come from ours.
    expect(await call({ sender: window.webContents, senderFrame: other.webContents.mainFrame }, 'app.info', {})).toMatchObject(forbidden);
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await call(fromTop(window), 'app.info', {})).toMatchObject(forbidden);
    expect(warnings).toContain('IPC call refused: untrusted sender {"origin":"https://evil.example"}');
    window.close();
    window.webContents.mainFrame.url = 'app://cirrus/index.html';
    expect(await call(fromTop(window), 'app.info', {})).toMatchObject(forbidden);
  });

  it("returns the router's typed validation and unknown-command errors and keeps serving", async () => {
    const bad = await call(fromTop(window), 'case.open', { dir: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await call(fromTop(window), 'case.open', { dir: 42, extra: true })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await call(fromTop(window), 'process.exit', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await call(fromTop(window), { toString: 'x' }, null)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await call(fromTop(window), 'app.info', {})).toMatchObject({ ok: true });
  });

  it('turns a rejecting core into an internal error instead of an IPC exception', async () => {
    dispose();
    const broken: Core = { ...core, route: () => Promise.reject(new Error('boom')) };
    dispose = registerIpc({ ipcMain: electron.ipcMain, core: broken, windows: () => [window], logger: silentLogger });
    expect(await call(fromTop(window), 'app.info', {})).toEqual({ ok: false, error: { code: 'internal', message: 'The core failed to answer.' } });
  });

  it('forwards core events to our live windows only', async () => {
    const created = await call(fromTop(window), 'case.create', { dir: `${tmp.dir}/cases/one`, name: 'One', examiner: 'Examiner' });
    expect(created).toMatchObject({ ok: true });
    const sent = window.webContents.sent.filter((m) => m.channel === EVENT_CHANNEL);
    expect(sent.map((m) => m.args)).toEqual([[{ name: 'case.changed', payload: { dir: `${tmp.dir}/cases/one` } }]]);
    expect(other.webContents.sent).toEqual([]);

    window.close();
    await call(fromTop(other), 'case.close', {});
    await core.route('case.close', {});
    expect(window.webContents.sent.filter((m) => m.channel === EVENT_CHANNEL)).toHaveLength(1);
  });

  it('dispose removes the handler and the event subscription', async () => {
    dispose();
    dispose = () => {};
    await core.route('case.create', { dir: `${tmp.dir}/cases/two`, name: 'Two', examiner: 'Examiner' });
    expect(window.webContents.sent).toEqual([]);
    await expect(call(fromTop(window), 'app.info', {})).rejects.toThrow(/No handler/);
  });

  it('isTrustedSender needs our window, its top frame and the app origin together', () => {
    expect(isTrustedSender(fromTop(window), [window])).toBe(true);
    expect(isTrustedSender(fromTop(window), [])).toBe(false);
    expect(isTrustedSender(fromTop(other), [window])).toBe(false);
  });
});
