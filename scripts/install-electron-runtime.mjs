#!/usr/bin/env node
// Fetches the Electron runtime after `npm install`. npm does not run dependencies' install
// scripts unless approved, and some machines cannot reach Electron's download host at all: then
// Cirrus still works in browser mode, so a failed download is reported, never fatal.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('cirrus: ELECTRON_SKIP_BINARY_DOWNLOAD is set: not fetching the Electron runtime (npm start will use browser mode).');
  process.exit(0);
}
let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  console.log('cirrus: the electron package is not installed; npm start will use browser mode.');
  process.exit(0);
}
try {
  const binary = require('electron');
  if (typeof binary === 'string' && existsSync(binary)) process.exit(0);
} catch {
  // not downloaded yet
}
const r = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000, encoding: 'utf8' });
if (r.status === 0) {
  console.log('cirrus: Electron runtime installed.');
} else {
  const reason = (r.stderr || String(r.error ?? 'unknown error')).split('\n').find((l) => /Error|error/.test(l)) ?? 'download failed';
  console.log(`cirrus: could not download the Electron runtime (${reason.trim().slice(0, 160)}); npm start will use browser mode.`);
}
process.exit(0);
