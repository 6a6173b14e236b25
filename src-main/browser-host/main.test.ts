import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from './testing/http-client.js';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
let work: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cirrus-entry-'));
  await writeFile(path.join(work, 'index.html'), '<!doctype html>');
});

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

function run(args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CIRRUS_CONFIG_DIR: path.join(work, 'config') } });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const line = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (match) resolve(match);
      };
      proc.stdout.on('data', check);
      void exited.then((code) => reject(new Error(`exited ${code} before printing; stderr: ${stderr}`)));
    });
  return { proc, exited, line, output: () => ({ stdout, stderr }) };
}

describe('browser-mode entry point', () => {
  it('prints the address, serves it, and exits 0 on SIGTERM', async () => {
    const host = run(['--port', '0', '--renderer-dir', work, '--cases-dir', path.join(work, 'cases')]);
    const [, url] = await host.line(/^Cirrus browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m);
    const port = Number(new URL(url ?? '').port);
    expect((await rawRequest(port, '/', { headers: { host: `127.0.0.1:${port}` } })).status).toBe(401);
    host.proc.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(host.output().stdout).toMatch(/access token/);
    // The token is for the responder's eyes only: log lines on stderr never repeat it.
    expect(host.output().stderr).not.toContain(new URL(url ?? '').searchParams.get('token'));
  });

  it('exits 2 with usage on an unknown option', async () => {
    const host = run(['--bogus']);
    expect(await host.exited).toBe(2);
    expect(host.output().stderr).toMatch(/Usage: /);
  });

  it('exits 1 with the reason when the renderer build is missing', async () => {
    const host = run(['--renderer-dir', path.join(work, 'nope')]);
    expect(await host.exited).toBe(1);
    expect(host.output().stderr).toMatch(/renderer build was not found/);
  });
});
