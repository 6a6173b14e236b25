import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, 'check-electronegativity.mjs');
/** One scan parses the whole bundled main process (~800 kB) with several parsers. */
const SCAN_TIMEOUT = 180_000;

/** Runs the checker on a dist folder; resolves with its exit code and output. */
async function check(dist: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, '--dist', dist], { cwd: join(import.meta.dirname, '..') });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const failure = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, out: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

describe('check-electronegativity', () => {
  let root: string;
  let dist: string;
  const variant = (name: string, edit: (main: string) => string): string => {
    const dir = join(root, name);
    mkdirSync(join(dir, 'main'), { recursive: true });
    writeFileSync(join(dir, 'main', 'electron-main.mjs'), edit(readFileSync(join(dist, 'main', 'electron-main.mjs'), 'utf8')));
    writeFileSync(join(dir, 'main', 'preload.cjs'), readFileSync(join(dist, 'main', 'preload.cjs')));
    return dir;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cirrus-eng-'));
    dist = join(root, 'dist');
    // Bundled the way the release build does it: ESM main, CJS preload, electron and the native module external.
    const common = { bundle: true, platform: 'node' as const, external: ['electron', 'better-sqlite3'], logLevel: 'silent' as const };
    await build({ ...common, entryPoints: ['src-main/electron/main.ts'], format: 'esm', outfile: join(dist, 'main', 'electron-main.mjs') });
    await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], format: 'cjs', outfile: join(dist, 'main', 'preload.cjs') });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes the shell as built, with only reviewed findings', async () => {
    const { code, out } = await check(dist);
    expect(out).toContain('no unreviewed HIGH or MEDIUM findings');
    expect(out).not.toContain('BLOCKING');
    expect(code).toBe(0);
  }, SCAN_TIMEOUT);

  it('fails on a weakened window', async () => {
    const weakened = variant('weak', (main) => main.replace('contextIsolation: true', 'contextIsolation: false'));
    const { code, out } = await check(weakened);
    expect(out).toMatch(/BLOCKING\s+HIGH CONTEXT_ISOLATION_JS_CHECK/);
    expect(code).toBe(1);
  }, SCAN_TIMEOUT);

  it('fails when the scanner cannot see the window at all, and when the build is missing', async () => {
    const hidden = variant('hidden', (main) => main.replace('new BrowserWindow({', 'new deps.BrowserWindow({'));
    const { code, out } = await check(hidden);
    expect(out).toContain('BLIND');
    expect(code).toBe(2);
    expect((await check(join(root, 'nowhere'))).code).toBe(2);
  }, SCAN_TIMEOUT);
});
