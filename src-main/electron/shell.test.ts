import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../src-shared/ipc/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { createCore, type Core } from '../core/create-core.js';
import type { CorePorts } from '../core/ports.js';
import { makeTempDir, makeTestPorts } from '../core/testing/test-ports.js';
import { CALL_CHANNEL } from './ipc.js';
import { createShell, type ShellDeps } from './shell.js';
import { createFakeElectron, findMenuItem, type FakeElectron, type FakeWindow } from './testing/fake-electron.js';

/** Opening a case starts a writer thread; give it time on a slow machine. */
const SLOW = { timeout: 20_000, interval: 25 };

describe('desktop shell', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let electron: FakeElectron;
  let cores: Core[];
  let logs: string[];
  let ports: CorePorts[];

  const deps = (overrides: Partial<ShellDeps> = {}): ShellDeps => ({
    electron,
    createCore: (p) => {
      ports.push(p);
      const core = createCore(p);
      cores.push(core);
      return core;
    },
    mainModuleUrl: pathToFileURL(join(tmp.dir, 'dist', 'main', 'electron-main.mjs')).href,
    argv: ['/opt/Cirrus/cirrus'],
    cwd: tmp.dir,
    platform: 'linux',
    defaultApp: false,
    logSink: { info: (l) => logs.push(l), warn: (l) => logs.push(l), error: (l) => logs.push(l) },
    ...overrides,
  });
  const window = (): FakeWindow => {
    const w = electron.windows[0];
    if (!w) throw new Error('no window was created');
    return w;
  };
  const call = (name: string, input: unknown) =>
    electron.ipcMain.invoke(CALL_CHANNEL, { sender: window().webContents, senderFrame: window().webContents.mainFrame }, name, input);
  const menuItem = (path: string[]) => findMenuItem(electron.Menu.applicationMenu?.template ?? [], path);
  const click = (path: string[]) => (menuItem(path)?.click as (() => void) | undefined)?.();
  const started = async (overrides: Partial<ShellDeps> = {}) => {
    const shell = createShell(deps(overrides));
    const running = shell.start();
    electron.app.fireReady();
    expect(await running).toBe(true);
  };
  const makeCase = async (name: string) => {
    const seeding = createCore(makeTestPorts(join(tmp.dir, 'seeding')));
    const dir = join(tmp.dir, 'cases', name);
    expect((await seeding.route('case.create', { dir, name, examiner: 'Examiner' })).ok).toBe(true);
    await seeding.shutdown();
    return dir;
  };

  beforeEach(() => {
    tmp = makeTempDir();
    electron = createFakeElectron();
    Object.assign(electron.app.paths, { userData: join(tmp.dir, 'profile'), documents: join(tmp.dir, 'Documents'), home: tmp.dir });
    mkdirSync(join(tmp.dir, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(tmp.dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Cirrus</title>');
    cores = [];
    logs = [];
    ports = [];
  });
  afterEach(async () => {
    for (const core of cores) await core.shutdown();
    tmp.cleanup();
  });

  it('a second instance hands over its case folder and quits without touching anything else', async () => {
    electron.app.lockAvailable = false;
    const shell = createShell(deps({ argv: ['/opt/Cirrus/cirrus', 'cases/x'] }));
    expect(await shell.start()).toBe(false);
    expect(electron.app.lockData).toEqual({ caseDir: join(tmp.dir, 'cases', 'x') });
    expect(electron.app.quitCount).toBe(1);
    expect(electron.protocol.privileged).toEqual([]);
    expect(electron.windows).toEqual([]);
    expect(cores).toEqual([]);
  });

  it('before ready: sandboxes all renderers and declares app:// privileged; after ready: hardens, serves, wires and shows', async () => {
    const shell = createShell(deps());
    const running = shell.start();
    await Promise.resolve();
    expect(electron.app.lockData).toEqual({});
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(electron.windows).toEqual([]);
    electron.app.fireReady();
    expect(await running).toBe(true);

    expect(electron.session.defaultSession.permissionCheckHandler?.({}, 'media')).toBe(false);
    expect(electron.session.defaultSession.headersListener).not.toBeNull();
    expect(window().options.webPreferences).toMatchObject({ preload: join(tmp.dir, 'dist', 'main', 'preload.cjs'), sandbox: true, contextIsolation: true });
    expect(window().options.webPreferences?.devTools).toBe(true);
    expect(window().loadedUrls).toEqual(['app://cirrus/index.html']);
    // The window's web contents went through web-contents-created, so it is guarded.
    expect(window().webContents.windowOpenHandler?.({ url: 'https://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.shell.opened).toEqual(['https://learn.microsoft.com/']));
    expect(window().webContents.navigate('will-navigate', 'https://evil.example/')).toBe(true);

    const page = await electron.protocol.handlers.get('app')?.(new Request('app://cirrus/'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page?.text()).toContain('<title>Cirrus</title>');

    const info = await call('app.info', {});
    expect(commands['app.info'].output.parse((info as { value: unknown }).value)).toMatchObject({
      mode: 'electron',
      version: '9.8.7',
      platform: 'linux',
      nativeDialogs: true,
      defaultCasesDir: join(tmp.dir, 'Documents', 'Cirrus Cases'),
    });
    expect(ports[0]?.paths.configDir).toBe(join(tmp.dir, 'profile'));
    expect(ports[0]?.secrets?.protection).toBe('os-encrypted');
    expect(menuItem(['File', 'Recent cases'])?.submenu).toEqual([{ label: 'No recent cases', enabled: false }]);
  });

  it('leaves the token cache to the core file store when the OS has no keychain', async () => {
    electron.safeStorage.backend = 'basic_text';
    await started();
    expect(ports[0]?.secrets).toBeUndefined();
    expect(logs).toContain('[cirrus] warn no OS keychain available: the token cache is kept in an owner-only file instead');
  });

  it('opens a case folder given on the command line once ready', async () => {
    const dir = await makeCase('cli-case');
    await started({ argv: ['electron', 'dist/main/electron-main.mjs', dir], defaultApp: true });
    expect(electron.app.lockData).toEqual({ caseDir: dir });
    expect(await call('case.current', {})).toMatchObject({ ok: true, value: { dir } });
  });

  it('a second instance focuses the window and opens the case folder it passed; junk data is ignored', async () => {
    const dir = await makeCase('second');
    await started();
    window().minimized = true;
    electron.app.emit('second-instance', {}, [], '/', { caseDir: 'relative/nope' });
    expect(window()).toMatchObject({ minimized: false, focused: true });
    electron.app.emit('second-instance', {}, [], '/', { caseDir: dir });
    await vi.waitFor(async () => expect(await call('case.current', {})).toMatchObject({ ok: true, value: { dir } }), SLOW);
  });

  it('a second instance that arrives while the shell is still starting is served once ready', async () => {
    const dir = await makeCase('early');
    const shell = createShell(deps());
    const running = shell.start();
    await Promise.resolve();
    electron.app.emit('second-instance', {}, [], '/', { caseDir: dir });
    electron.app.fireReady();
    await running;
    expect(await call('case.current', {})).toMatchObject({ ok: true, value: { dir } });
  });

  it('File menu: Open case… uses the folder picker and the core; New case… shows the Case page; About shows the version', async () => {
    const dir = await makeCase('menu');
    await started();
    electron.dialog.openResults.push({ canceled: false, filePaths: [dir] });
    click(['File', 'Open case…']);
    await vi.waitFor(async () => expect(await call('case.current', {})).toMatchObject({ ok: true, value: { dir } }), SLOW);
    await vi.waitFor(() => expect(menuItem(['File', 'Close case'])?.enabled).toBe(true), SLOW);

    electron.dialog.messageResponses.push(0);
    click(['File', 'New case…']);
    await vi.waitFor(() => expect(window().loadedUrls.at(-1)).toBe('app://cirrus/index.html#/case'), SLOW);
    expect(await call('case.current', {})).toEqual({ ok: true, value: null });

    click(['Help', 'About Cirrus']);
    await vi.waitFor(() => expect(electron.dialog.messageCalls.at(-1)?.options).toMatchObject({ message: 'Cirrus 9.8.7' }));
    const recent = menuItem(['File', 'Recent cases'])?.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual([`menu — ${dir}`]);
  });

  it('closing the window quits, and quitting waits for the core to close the open case', async () => {
    const dir = await makeCase('quit');
    await started({ argv: ['/opt/Cirrus/cirrus', dir] });
    const core = cores[0];
    if (!core) throw new Error('no core');
    const shutdown = vi.spyOn(core, 'shutdown');
    window().close();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCompleted).toBe(false);
    expect(shutdown).toHaveBeenCalledTimes(1);
    // A second quit request while shutting down is absorbed, not run twice.
    electron.app.quit();
    expect(shutdown).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(electron.app.quitCompleted).toBe(true), SLOW);
    expect(electron.ipcMain.handlers.size).toBe(0);
    const reopened = createCore(makeTestPorts(join(tmp.dir, 'after')));
    cores.push(reopened);
    expect((await reopened.route('case.open', { dir })).ok).toBe(true);
  });

  it('quits anyway, with an error logged, when the core does not shut down in time', async () => {
    await started({
      createCore: (p) => ({ ...createCore(p), shutdown: () => new Promise<void>(() => {}) }),
      shutdownTimeoutMs: 10,
    });
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.quitCompleted).toBe(true), SLOW);
    expect(logs).toContain('[cirrus] error the core did not shut down in time; quitting anyway {"timeoutMs":10}');
  });

  it('logs a failing core shutdown and still quits', async () => {
    await started({ createCore: (p) => ({ ...createCore(p), shutdown: () => Promise.reject(new Error('writer stuck')) }) });
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.quitCompleted).toBe(true), SLOW);
    expect(logs).toContain('[cirrus] error core shutdown failed {"error":"writer stuck"}');
  });

  it('a quit before ready proceeds at once: there is no core to flush', async () => {
    const shell = createShell(deps());
    void shell.start();
    await Promise.resolve();
    electron.app.quit();
    expect(electron.app.quitCompleted).toBe(true);
  });
});
