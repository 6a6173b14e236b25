#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is installed and a display exists,
// otherwise browser mode, saying why in one line. `--browser` forces browser mode.
// Arguments after `--` go to the host (e.g. `npm start -- --port 8765`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const hostArgs = args.filter((a) => a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(path) : st.mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const marker = join(root, 'dist/main/browser-host.mjs');
  const renderer = join(root, 'dist/renderer/index.html');
  const built = existsSync(marker) && existsSync(renderer) ? Math.min(statSync(marker).mtimeMs, statSync(renderer).mtimeMs) : 0;
  const sources = Math.max(...['src-main', 'src-renderer', 'src-shared'].map((d) => newestMtime(join(root, d))));
  if (built > sources) return;
  console.log('cirrus: building (first start or sources changed)…');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Why the desktop shell cannot start here, or null when it can. */
function electronUnavailable() {
  let binary;
  try {
    binary = require('electron');
  } catch {
    // electron/index.js throws when its binary was never downloaded.
    return 'Electron runtime not installed (node_modules/electron has no binary; run `node node_modules/electron/install.js` where its download host is reachable)';
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return 'Electron runtime not installed (no binary in node_modules/electron)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no graphical display (DISPLAY is not set)';
  return null;
}

buildIfStale();
const why = forceBrowser ? 'browser mode requested' : electronUnavailable();
let child;
if (why) {
  console.log(`cirrus: ${why} — starting browser mode.`);
  child = spawn(process.execPath, [join(root, 'dist/main/browser-host.mjs'), ...hostArgs], { stdio: 'inherit' });
} else {
  child = spawn(require('electron'), [root, ...hostArgs], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
