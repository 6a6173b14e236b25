import * as electron from 'electron';
import { createCore } from '../core/create-core.js';
import { createShell } from './shell.js';

/**
 * Electron entry, bundled to `dist/main/electron-main.mjs`. Everything happens in `createShell`;
 * this file only hands it the real Electron module and the process facts. Passing the namespace
 * whole keeps `BrowserWindow` from becoming a bundle-level name, so window.ts's
 * `new BrowserWindow({...})` survives bundling verbatim and Electronegativity can check its options.
 */
const shellApp = createShell({
  electron,
  createCore,
  mainModuleUrl: import.meta.url,
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
  defaultApp: process.defaultApp === true,
  logSink: console,
});

shellApp.start().catch((e: unknown) => {
  console.error('[cirrus] error the workstation failed to start', e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
  electron.app.quit();
});
