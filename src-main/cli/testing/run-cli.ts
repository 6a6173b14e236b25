import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createCore } from '../../core/create-core.js';
import { makeTestPorts } from '../../core/testing/test-ports.js';
import type { RunningSimulator } from '../../sim/start-simulator.js';

/** The CLI from source, in its own process, as a responder runs it. */
const main = join(import.meta.dirname, '..', 'main.ts');

export interface CliRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
}

/** Starts the CLI; asynchronous on purpose, so a simulator in the test's process keeps answering. */
export function startCli(env: Record<string, string>, ...args: string[]): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
  return { child, done };
}

export function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return startCli(env, ...args).done;
}

/** Signs in inside this process with the same config folder a CLI process would use (file token cache). */
export async function signInInProcess(root: string, caseDir: string, sim: RunningSimulator): Promise<void> {
  const core = createCore(makeTestPorts(root));
  try {
    for (const [name, input] of [
      ['case.open', { dir: caseDir }],
      ['auth.signIn', { cloud: 'sim', method: 'deviceCode', demo: { baseUrl: sim.baseUrl, caCertPath: sim.caCertPath } }],
    ] as const) {
      const r = await core.route(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    }
  } finally {
    await core.shutdown();
  }
}

export async function createCase(root: string, caseDir: string, name: string): Promise<void> {
  const core = createCore(makeTestPorts(root));
  const r = await core.route('case.create', { dir: caseDir, name, examiner: 'Examiner E' });
  await core.shutdown();
  if (!r.ok) throw new Error(r.error.message);
}

