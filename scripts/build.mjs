#!/usr/bin/env node
// Builds everything `npm start`, the packaged app and the e2e tests run:
//   dist/renderer/        the React UI (Vite)
//   dist/main/*.mjs       Node entries (CLI, browser mode, Electron main) and every *-worker thread, side by side
//   dist/main/preload.cjs the sandboxed preload (CommonJS, fully bundled: a sandboxed preload cannot load node_modules)
import { build as esbuild } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.includes('--main-only') ? 'main' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';

/** Worker threads are found by name beside the bundle that starts them, so each becomes its own entry. */
function findWorkers(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findWorkers(path));
    else if (/-worker\.ts$/.test(name)) found.push(path);
  }
  return found;
}

async function buildMain() {
  rmSync(join(root, 'dist/main'), { recursive: true, force: true });
  const entries = {
    cli: 'src-main/cli/main.ts',
    'browser-host': 'src-main/browser-host/main.ts',
    'electron-main': 'src-main/electron/main.ts',
  };
  for (const worker of findWorkers(join(root, 'src-main'))) {
    entries[worker.split('/').pop().replace(/\.ts$/, '')] = relative(root, worker);
  }
  await esbuild({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    // ESM bundles of CommonJS-minded code still need a `require`.
    banner: { js: "import { createRequire as __cirrusCreateRequire } from 'node:module'; const require = __cirrusCreateRequire(import.meta.url);" },
  });
  await esbuild({
    absWorkingDir: root,
    entryPoints: { preload: 'src-main/electron/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

function buildRenderer() {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`renderer build failed (vite exit ${r.status})`);
}

if (only !== 'main') buildRenderer();
if (only !== 'renderer') await buildMain();
console.log(`build: done (${only}) in dist/`);
