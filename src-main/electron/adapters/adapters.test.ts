import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../core/ports.js';
import { createFakeElectron, FakeApp } from '../testing/fake-electron.js';
import { createBrowserLauncher } from './browser-launcher.js';
import { createElectronDialogs, createNotices } from './dialogs.js';
import { createConsoleLogger } from './logger.js';
import { CASES_FOLDER_NAME, createElectronPaths } from './paths.js';

const recordingLogger = () => {
  const lines: string[] = [];
  const logger: Logger = {
    info: (m, f) => lines.push(`info ${m} ${JSON.stringify(f)}`),
    warn: (m, f) => lines.push(`warn ${m} ${JSON.stringify(f)}`),
    error: (m, f) => lines.push(`error ${m} ${JSON.stringify(f)}`),
  };
  return { lines, logger };
};

describe('console logger', () => {
  it('writes one line per entry at the right level and redacts secret-looking fields', () => {
    const out: string[] = [];
    const logger = createConsoleLogger({ info: (l) => out.push(`I ${l}`), warn: (l) => out.push(`W ${l}`), error: (l) => out.push(`E ${l}`) });
    logger.info('started');
    logger.warn('refused', { origin: 'https://x', accessToken: 'eyJ...', client_secret: 's', Authorization: 'Bearer x' });
    logger.error('failed', { refresh_token: 'r', codeVerifier: 'v', cookie: 'c', count: 3 });
    expect(out).toEqual([
      'I [cirrus] info started',
      'W [cirrus] warn refused {"origin":"https://x","accessToken":"[redacted]","client_secret":"[redacted]","Authorization":"[redacted]"}',
      'E [cirrus] error failed {"refresh_token":"[redacted]","codeVerifier":"[redacted]","cookie":"[redacted]","count":3}',
    ]);
  });
});

describe('paths adapter', () => {
  it('uses userData for configuration and a folder under Documents for new cases', () => {
    const app = new FakeApp();
    Object.assign(app.paths, { userData: '/profile/Cirrus', documents: '/home/analyst/Documents', home: '/home/analyst' });
    expect(createElectronPaths(app)).toEqual({ configDir: '/profile/Cirrus', defaultCasesDir: join('/home/analyst/Documents', CASES_FOLDER_NAME) });
  });

  it('falls back to the home folder when the platform has no documents folder', () => {
    const app = new FakeApp();
    Object.assign(app.paths, { userData: '/profile/Cirrus', home: '/home/analyst' });
    expect(createElectronPaths(app).defaultCasesDir).toBe(join('/home/analyst', CASES_FOLDER_NAME));
  });
});

describe('browser launcher', () => {
  it('opens allow-listed URLs and refuses the rest without calling the OS', async () => {
    const { shell } = createFakeElectron();
    const { lines, logger } = recordingLogger();
    const launcher = createBrowserLauncher({ shell, logger });
    expect(await launcher.open('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?code_challenge=x')).toBe(true);
    expect(await launcher.open('https://evil.example/phish?token=abc')).toBe(false);
    expect(await launcher.open('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(shell.opened).toEqual(['https://login.microsoftonline.com/common/oauth2/v2.0/authorize?code_challenge=x']);
    expect(lines).toEqual([
      'warn refused to open a URL outside the allow-list {"origin":"https://evil.example"}',
      'warn refused to open a URL outside the allow-list {"origin":"file://"}',
    ]);
  });

  it('accepts a loopback https origin only when the core vetted it for this call', async () => {
    const { shell } = createFakeElectron();
    const launcher = createBrowserLauncher({ shell, logger: recordingLogger().logger });
    const simulator = 'https://127.0.0.1:8443/common/oauth2/v2.0/authorize';
    expect(await launcher.open(simulator)).toBe(false);
    expect(await launcher.open(simulator, { extraOrigins: ['https://127.0.0.1:8443'] })).toBe(true);
    expect(await launcher.open('https://evil.example/', { extraOrigins: ['https://evil.example'] })).toBe(false);
    expect(shell.opened).toEqual([simulator]);
  });

  it('reports false when the OS cannot start a browser', async () => {
    const { shell } = createFakeElectron();
    shell.failWith = new Error('no handler for https');
    const { lines, logger } = recordingLogger();
    const launcher = createBrowserLauncher({ shell, logger });
    expect(await launcher.open('https://learn.microsoft.com/')).toBe(false);
    expect(lines).toEqual(['error the system browser could not be started {"error":"no handler for https"}']);
  });
});

describe('dialogs adapter', () => {
  it('picks a folder modal to the window, per purpose, and answers null on cancel', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    const dialogs = createElectronDialogs({ dialog: electron.dialog, getParent: () => window });
    expect(dialogs.supported).toBe(true);
    electron.dialog.openResults.push({ canceled: false, filePaths: ['/cases/new'] }, { canceled: true, filePaths: [] }, { canceled: false, filePaths: [] });
    expect(await dialogs.pickFolder('create')).toBe('/cases/new');
    expect(await dialogs.pickFolder('open')).toBeNull();
    expect(await dialogs.pickFolder('open')).toBeNull();
    expect(electron.dialog.openCalls.map((c) => [c.parent === window, c.options.properties])).toEqual([
      [true, ['openDirectory', 'createDirectory']],
      [true, ['openDirectory']],
      [true, ['openDirectory']],
    ]);
  });

  it('shows unparented dialogs when the window is gone', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    window.close();
    const dialogs = createElectronDialogs({ dialog: electron.dialog, getParent: () => window });
    await dialogs.pickFolder('open');
    const notices = createNotices({ dialog: electron.dialog, getParent: () => null });
    await notices.error('Could not open the case', 'detail');
    expect(electron.dialog.openCalls[0]?.parent).toBeNull();
    expect(electron.dialog.messageCalls[0]).toMatchObject({ parent: null, options: { type: 'error', message: 'Could not open the case', detail: 'detail' } });
  });

  it('notices: info, and confirm resolving true only for the confirm button', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    const notices = createNotices({ dialog: electron.dialog, getParent: () => window });
    await notices.info('About Cirrus', 'Cirrus 1.0.0', 'text');
    electron.dialog.messageResponses.push(0, 1);
    expect(await notices.confirm('Close it?', 'detail', 'Close')).toBe(true);
    expect(await notices.confirm('Close it?', 'detail', 'Close')).toBe(false);
    expect(electron.dialog.messageCalls.map((c) => [c.parent === window, c.options.type, c.options.buttons])).toEqual([
      [true, 'info', ['OK']],
      [true, 'question', ['Close', 'Cancel']],
      [true, 'question', ['Close', 'Cancel']],
    ]);
    expect(electron.dialog.messageCalls[1]?.options).toMatchObject({ defaultId: 1, cancelId: 1 });
  });
});
