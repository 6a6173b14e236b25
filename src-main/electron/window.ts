import { APP_ENTRY_URL } from './app-origin.js';
import type { WindowConstructor, WindowLike } from './electron-api.js';
import type { Logger } from '../core/ports.js';

export interface MainWindowDeps {
  BrowserWindow: WindowConstructor;
  /** Absolute path of the bundled preload (`dist/main/preload.cjs`). */
  preloadPath: string;
  /** DevTools only in development builds; a packaged workstation does not ship a console. */
  devTools: boolean;
  logger: Logger;
}

/**
 * The workstation window. The options are written out here, at the construction site, so a
 * reviewer (or Electronegativity) sees every security-relevant flag in one place:
 * https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations
 */
export function createMainWindow(deps: MainWindowDeps): WindowLike {
  // A plain `new BrowserWindow({...})` with literal options is what static checkers recognise.
  const { BrowserWindow } = deps;
  const window = new BrowserWindow({
    title: 'Cirrus',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on `ready-to-show`, so the analyst never sees an empty white frame.
    show: false,
    backgroundColor: '#0f1b2d',
    webPreferences: {
      preload: deps.preloadPath,
      // The page and the preload live in separate JS worlds (checklist #3).
      contextIsolation: true,
      // The renderer process is sandboxed like a browser tab (checklist #4).
      sandbox: true,
      // No Node.js in the page, its workers or its frames (checklist #2).
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // <webview> cannot even be created (checklist #12).
      webviewTag: false,
      // Same-origin policy stays on; no http content inside the https-like app origin (checklist #6, #8).
      webSecurity: true,
      allowRunningInsecureContent: false,
      // No experimental Blink features (checklist #9).
      experimentalFeatures: false,
      // Dropping a file onto the window must not navigate away from the app.
      navigateOnDragDrop: false,
      // The spellchecker fetches dictionaries from a CDN on some platforms and would flag every
      // GUID, hash and tenant name as a typo: no network use, no noise.
      spellcheck: false,
      // A page that spams alert() cannot lock the analyst out.
      safeDialogs: true,
      devTools: deps.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((e: unknown) => {
    deps.logger.error('the workstation page failed to load', { error: e instanceof Error ? e.message : String(e) });
  });
  return window;
}

/** Brings an existing window to the front (second instance, menu actions). */
export function focusWindow(window: WindowLike | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
