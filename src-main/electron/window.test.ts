import { describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../core/ports.js';
import { createFakeElectron } from './testing/fake-electron.js';
import { createMainWindow, focusWindow } from './window.js';

describe('main window', () => {
  it('is created hidden with every security preference locked down, and loads the app origin', async () => {
    const electron = createFakeElectron();
    const window = createMainWindow({ BrowserWindow: electron.BrowserWindow, preloadPath: '/bundle/main/preload.cjs', devTools: false, logger: silentLogger });
    const [created] = electron.windows;
    expect(created).toBe(window);
    expect(created?.options).toMatchObject({ title: 'Cirrus', show: false });
    expect(created?.options.webPreferences).toEqual({
      preload: '/bundle/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
    });
    expect(created?.loadedUrls).toEqual(['app://cirrus/index.html']);
    expect(created?.visible).toBe(false);
    created?.emit('ready-to-show');
    expect(created?.visible).toBe(true);
  });

  it('logs a page that fails to load instead of rejecting unhandled', async () => {
    const electron = createFakeElectron();
    const errors: string[] = [];
    const logger: Logger = { ...silentLogger, error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`) };
    class FailingWindow extends electron.BrowserWindow {
      override loadURL(): Promise<void> {
        return Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
      }
    }
    createMainWindow({ BrowserWindow: FailingWindow, preloadPath: '/p.cjs', devTools: true, logger });
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual(['the workstation page failed to load {"error":"ERR_FILE_NOT_FOUND"}']);
    expect(electron.windows[0]?.options.webPreferences?.devTools).toBe(true);
  });

  it('focusWindow restores, shows and focuses a live window and ignores a missing or destroyed one', () => {
    const electron = createFakeElectron();
    const window = createMainWindow({ BrowserWindow: electron.BrowserWindow, preloadPath: '/p.cjs', devTools: false, logger: silentLogger });
    const fake = electron.windows[0];
    if (!fake) throw new Error('no window');
    fake.minimized = true;
    focusWindow(window);
    expect(fake).toMatchObject({ minimized: false, visible: true, focused: true });
    focusWindow(null);
    fake.close();
    fake.focused = false;
    focusWindow(window);
    expect(fake.focused).toBe(false);
  });
});
