import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from './ipc.js';

const electron = await vi.hoisted(async () => (await import('./testing/fake-electron.js')).createFakeElectron());
vi.mock('electron', () => electron);

describe('Electron entry (main.ts)', () => {
  const originalArgv = process.argv;
  let profile: string;
  beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'cirrus-main-'));
    Object.assign(electron.app.paths, { userData: join(profile, 'profile'), documents: join(profile, 'Documents') });
    // Under the test runner argv holds the runner's own script; the entry must see a bare launch.
    process.argv = [process.execPath];
  });
  afterAll(() => {
    process.argv = originalArgv;
    process.exitCode = undefined;
    rmSync(profile, { recursive: true, force: true });
  });

  it('starts the shell with the real electron module: lock, sandbox, app:// and then the window and IPC', async () => {
    await import('./main.js');
    expect(electron.app.lockData).toEqual({});
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    electron.app.fireReady();
    await vi.waitFor(() => expect(electron.Menu.applicationMenu).not.toBeNull());
    const window = electron.windows[0];
    expect(window?.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    const info = await electron.ipcMain.invoke(
      CALL_CHANNEL,
      { sender: window?.webContents, senderFrame: window?.webContents.mainFrame ?? null },
      'app.info',
      {},
    );
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', version: '9.8.7', platform: process.platform } });
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.quitCompleted).toBe(true));
  });

  it('reports a failed start, sets a failing exit code and quits', async () => {
    vi.resetModules();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    electron.app.whenReady = () => Promise.reject(new Error('GPU process unavailable'));
    const quitsBefore = electron.app.quitCount;
    await import('./main.js');
    await vi.waitFor(() => expect(errors).toHaveBeenCalledWith('[cirrus] error the workstation failed to start', 'GPU process unavailable'));
    expect(process.exitCode).toBe(1);
    expect(electron.app.quitCount).toBe(quitsBefore + 1);
    errors.mockRestore();
  });
});
