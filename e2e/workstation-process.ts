import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built renderer and the bundled browser-mode entry: what `npm start` ships. */
export const builtRendererIndex = path.join(root, 'dist', 'renderer', 'index.html');
const builtHostEntry = path.join(root, 'dist', 'main', 'browser-host.mjs');
const sourceHostEntry = path.join(root, 'src-main', 'browser-host', 'main.ts');

const STARTUP_TIMEOUT_MS = 30_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

export interface WorkstationProcess {
  url: string;
  origin: string;
  port: number;
  /** Everything the host printed, for the report of a failed test. */
  log(): string;
  /** SIGTERM, then waits; rejects if the host does not exit cleanly (0), since shutdown closes cases. */
  stop(): Promise<void>;
}

/**
 * How the host is run. By default the bundle from `npm run build`, so end-to-end tests drive the
 * exact code `npm start` runs. CIRRUS_E2E_HOST=source runs src-main through tsx instead, for a
 * quick loop while editing the host (the renderer still has to be built).
 */
function hostCommand(): string[] {
  if (process.env.CIRRUS_E2E_HOST === 'source') return ['--import', 'tsx', sourceHostEntry];
  if (!existsSync(builtHostEntry)) {
    throw new Error(`Browser-mode host build missing: ${path.relative(root, builtHostEntry)}. Run \`npm run build\` before the end-to-end tests.`);
  }
  return [builtHostEntry];
}

export function assertRendererBuilt(): void {
  if (!existsSync(builtRendererIndex)) {
    throw new Error(`Renderer build missing: ${path.relative(root, builtRendererIndex)}. Run \`npm run build\` before the end-to-end tests.`);
  }
}

/** Options the launcher sets itself; a test's extra arguments must not repeat them. */
const RESERVED_FLAGS = ['--port', '--config-dir', '--cases-dir', '--renderer-dir', '--open'];

/**
 * Starts browser mode as its own process on a free port and waits for the address it prints.
 * `extraArgs` are further command-line options (`--demo-tenant`, …). The host never starts the
 * system browser (`--no-system-browser`): a sign-in address is only printed, and a test opens it
 * in its own browser context.
 */
export async function launchWorkstation(dirs: { configDir: string; casesDir: string }, extraArgs: readonly string[] = []): Promise<WorkstationProcess> {
  assertRendererBuilt();
  const reserved = extraArgs.filter((arg) => RESERVED_FLAGS.includes(arg.split('=')[0] ?? arg));
  if (reserved.length > 0) throw new Error(`hostArgs must not set ${reserved.join(', ')}: the end-to-end launcher sets it itself`);
  const args = [...hostCommand(), '--port', '0', '--config-dir', dirs.configDir, '--cases-dir', dirs.casesDir, '--no-system-browser', ...extraArgs];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Point every per-user folder at the test's own, so a run never touches the real profile.
    env: { ...process.env, CIRRUS_CONFIG_DIR: dirs.configDir, CIRRUS_CASES_DIR: dirs.casesDir, XDG_CONFIG_HOME: dirs.configDir },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its address within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS);
    const check = () => {
      const match = /^Cirrus browser mode: (http:\/\/\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code} before printing its address:\n${output}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  const parsed = new URL(url);
  let stopping: Promise<void> | undefined;
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    log: () => output,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode !== null) throw new Error(`browser mode had already exited with ${child.exitCode}:\n${output}`);
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
        const code = await exited;
        clearTimeout(timer);
        if (code !== 0) throw new Error(`browser mode exited with ${code} on SIGTERM:\n${output}`);
      })()),
  };
}
