import { join } from 'node:path';
import type { Core } from '../core/create-core.js';
import type { CorePorts } from '../core/ports.js';
import { createBrowserLauncher } from './adapters/browser-launcher.js';
import { createElectronDialogs, createNotices } from './adapters/dialogs.js';
import { createConsoleLogger, type LogSink } from './adapters/logger.js';
import { createElectronPaths } from './adapters/paths.js';
import { createSafeStorageSecretStore, hasOsEncryption } from './adapters/secret-store.js';
import { APP_SCHEME, CASE_PAGE_URL } from './app-origin.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';
import { resolveBundlePaths } from './bundle-paths.js';
import { createCaseActions, type CaseActions } from './case-actions.js';
import { caseDirFromLockData, findCaseArgument, lockDataFor } from './case-argument.js';
import type { ElectronMain, PreventableEvent, WindowLike } from './electron-api.js';
import { registerIpc } from './ipc.js';
import { createAppMenu } from './menu.js';
import { hardenSession, hardenWebContents } from './security.js';
import { createMainWindow, focusWindow } from './window.js';

export interface ShellDeps {
  electron: ElectronMain;
  createCore(ports: CorePorts): Core;
  /** `import.meta.url` of the main bundle: the preload and renderer are found relative to it. */
  mainModuleUrl: string;
  argv: readonly string[];
  cwd: string;
  platform: string;
  /** `process.defaultApp`: true when started as `electron <entry>` rather than as the packaged app. */
  defaultApp: boolean;
  logSink: LogSink;
  /** How long quitting waits for the core to flush the open case before giving up. */
  shutdownTimeoutMs?: number;
}

export interface Shell {
  /** Resolves true once the window is up, or false when another instance owns the lock (this one quits). */
  start(): Promise<boolean>;
}

/** The desktop shell: Electron lifecycle around one core and one window. */
export function createShell(deps: ShellDeps): Shell {
  const { app, protocol, session, ipcMain, shell, dialog, Menu, BrowserWindow, safeStorage } = deps.electron;
  const logger = createConsoleLogger(deps.logSink);
  const browser = createBrowserLauncher({ shell, logger });
  const getParent = () => mainWindow;
  const dialogs = createElectronDialogs({ dialog, getParent });
  const notices = createNotices({ dialog, getParent });
  const windows = (): WindowLike[] => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow] : []);
  const report = (what: string) => (e: unknown) => logger.error(what, { error: e instanceof Error ? e.message : String(e) });

  let mainWindow: WindowLike | null = null;
  let core: Core | null = null;
  let actions: CaseActions | null = null;
  const pendingCaseDirs: string[] = [];
  const disposers: (() => void)[] = [];
  let quitState: 'running' | 'shutting-down' | 'done' = 'running';

  function openCaseWhenReady(dir: string): void {
    if (actions) actions.openCase(dir).catch(report('opening the case failed'));
    else pendingCaseDirs.push(dir);
  }

  async function onReady(): Promise<void> {
    const bundle = resolveBundlePaths(deps.mainModuleUrl);
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: bundle.rendererDir }));
    const version = app.getVersion();
    const paths = createElectronPaths(app);
    // Without real OS encryption the core keeps its own owner-only file store and says so.
    const secrets = hasOsEncryption(safeStorage, deps.platform) ? createSafeStorageSecretStore(safeStorage, join(paths.configDir, 'secrets')) : undefined;
    if (!secrets) logger.warn('no OS keychain available: the token cache is kept in an owner-only file instead');
    const readyCore = deps.createCore({
      mode: 'electron',
      version,
      platform: deps.platform,
      paths,
      dialogs,
      browser,
      logger,
      ...(secrets ? { secrets } : {}),
    });
    core = readyCore;
    disposers.push(registerIpc({ ipcMain, core: readyCore, windows, logger }));
    const window = createMainWindow({ BrowserWindow, preloadPath: bundle.preloadPath, devTools: !app.isPackaged, logger });
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    const readyActions = createCaseActions({
      core: readyCore,
      dialogs,
      notices,
      version,
      focus: () => focusWindow(mainWindow),
      showCasePage: () => {
        focusWindow(mainWindow);
        mainWindow?.loadURL(CASE_PAGE_URL).catch(report('showing the Case page failed'));
      },
    });
    actions = readyActions;
    const menu = createAppMenu({ Menu, core: readyCore, actions: readyActions, platform: deps.platform, logger });
    disposers.push(menu.dispose);
    await menu.refresh();
    for (const dir of pendingCaseDirs.splice(0)) await readyActions.openCase(dir);
  }

  /**
   * Quitting waits for the core to close the open case (the writer flushes and checkpoints), so
   * a case file is never left mid-write. The first `before-quit` is cancelled, shutdown runs, and
   * the app quits again for real; a shutdown that hangs is abandoned after a grace period.
   */
  function onBeforeQuit(event: PreventableEvent): void {
    if (quitState === 'done' || !core) return;
    event.preventDefault();
    if (quitState === 'shutting-down') return;
    quitState = 'shutting-down';
    for (const dispose of disposers.splice(0)) dispose();
    const timeoutMs = deps.shutdownTimeoutMs ?? 15_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.error('the core did not shut down in time; quitting anyway', { timeoutMs });
        resolve();
      }, timeoutMs);
    });
    Promise.race([core.shutdown().catch(report('core shutdown failed')), timeout]).finally(() => {
      clearTimeout(timer);
      quitState = 'done';
      app.quit();
    });
  }

  return {
    async start() {
      const caseDir = findCaseArgument(deps.argv, { defaultApp: deps.defaultApp, cwd: deps.cwd });
      // One process owns a workstation profile: two would race on settings and recent cases.
      if (!app.requestSingleInstanceLock(lockDataFor(caseDir))) {
        app.quit();
        return false;
      }
      if (caseDir) pendingCaseDirs.push(caseDir);
      // Everything below must happen before `ready`: sandboxing every renderer (checklist #4),
      // declaring app:// privileged, and guarding each web contents as it is created.
      app.enableSandbox();
      protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
      app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => void browser.open(url)));
      app.on('second-instance', (_event, _argv, _cwd, data) => {
        focusWindow(mainWindow);
        const dir = caseDirFromLockData(data);
        if (dir) openCaseWhenReady(dir);
      });
      // Closing the window ends the session on every platform: an open case should not stay
      // locked by a process the analyst can no longer see.
      app.on('window-all-closed', () => app.quit());
      app.on('before-quit', onBeforeQuit);
      await app.whenReady();
      await onReady();
      return true;
    },
  };
}
