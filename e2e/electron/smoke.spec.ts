import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { detectElectronRuntime } from './electron-runtime.js';

/**
 * Smoke tests of the packaged shell's code path: the bundled main process and preload in a
 * real Electron. Everything deeper is covered in plain Node (src-main/electron/*.test.ts).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainEntry = path.join(root, 'dist', 'main', 'electron-main.mjs');
const runtime = detectElectronRuntime();

test.skip(!runtime.available, `Electron runtime not installed: ${runtime.available ? '' : runtime.reason}; these run wherever it is installed`);

let electronApp: ElectronApplication;
let page: Page;
let profileDir: string;
let output = '';

test.beforeEach(async () => {
  if (!runtime.available) return;
  const testInfo = test.info();
  if (!existsSync(mainEntry)) throw new Error(`Electron main bundle missing: ${path.relative(root, mainEntry)}. Run the build first.`);
  profileDir = await mkdtemp(path.join(tmpdir(), `cirrus-electron-${testInfo.testId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)}-`));
  // CI runs as root, where Chromium refuses its OS sandbox; the renderer stays isolated and
  // sandboxed at the Electron level either way.
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  electronApp = await _electron.launch({
    executablePath: runtime.executablePath,
    args: [mainEntry, `--user-data-dir=${profileDir}`, ...rootOnly],
    // A per-test profile: userData (recent cases, settings) and the single-instance lock live there.
    env: { ...process.env, XDG_CONFIG_HOME: profileDir },
  });
  output = '';
  electronApp.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  electronApp.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  if (!runtime.available) return;
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('electron main process output', { body: output, contentType: 'text/plain' });
    await testInfo.attach('window', { body: await page.screenshot().catch(() => Buffer.from('')), contentType: 'image/png' });
  }
  await electronApp.close();
  await rm(profileDir, { recursive: true, force: true });
});

test('the window opens on the app origin with the Cirrus title', async () => {
  expect(page.url()).toBe('app://cirrus/index.html');
  expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await expect(page).toHaveTitle(/Cirrus/);
});

test('the preload exposes exactly window.ir.call and window.ir.onEvent, and no Node', async () => {
  const surface = await page.evaluate(() => ({
    keys: Object.keys((window as unknown as { ir: object }).ir).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface).toEqual({ keys: ['call', 'onEvent'], require: 'undefined', process: 'undefined' });
  const info = await page.evaluate(() => (window as unknown as { ir: { call(n: string, i: unknown): Promise<unknown> } }).ir.call('app.info', {}));
  expect(info).toMatchObject({ ok: true, value: { name: 'Cirrus', mode: 'electron' } });
  const refused = await page.evaluate(() =>
    (window as unknown as { ir: { call(n: string, i: unknown): Promise<unknown> } }).ir.call('no.such.command', {}).then(
      () => 'resolved',
      (e: Error) => e.message,
    ),
  );
  expect(refused).toMatch(/Unknown command/);
});

test('navigation away from the app and new windows are blocked', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // A cancelled navigation leaves nothing to wait for; give it time to have happened if it were allowed.
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe('app://cirrus/index.html');
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(electronApp.windows()).toHaveLength(1);
});

test('every app:// response carries the workstation CSP, and eval is refused', async () => {
  const header = await page.evaluate(async () => (await fetch('app://cirrus/index.html')).headers.get('content-security-policy'));
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  const evalResult = await page.evaluate(() => {
    try {
      return String(new Function('return 1')());
    } catch (e) {
      return e instanceof Error ? e.name : 'error';
    }
  });
  expect(evalResult).toBe('EvalError');
});
