import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../../data/generate.js';
import type { SimDataset, SimProfileName } from '../../data/types.js';
import { startSimulator, type RunningSimulator } from '../../start-simulator.js';
import type { SimulatorOptions } from '../options.js';
import { createSimHttpClient, createTestPca, signInWithDeviceCode, SCOPES, type SimHttpClient, type SimHttpResponse } from './sim-test-client.js';

/**
 * A small simulated tenant for contract tests: generated once per (profile, seed) and shared by
 * every server a test file starts, a throw-away state folder, and signed-in tokens for all five
 * audiences.
 */
export const TEST_ANCHOR = new Date('2026-03-02T12:00:00Z');
const datasets = new Map<string, SimDataset>();
let sharedState: string | null = null;

/** One state folder per test process: key generation is the slow part of a start, so do it once. */
export function sharedStateDir(): string {
  if (!sharedState) {
    const dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    sharedState = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return sharedState;
}

export function testDataset(profile: SimProfileName = 'e5', seed = 11): SimDataset {
  const key = `${profile}|${seed}`;
  let dataset = datasets.get(key);
  if (!dataset) {
    dataset = generateDataset({ seed, profile, days: 3, scale: 0.05, anchor: TEST_ANCHOR });
    datasets.set(key, dataset);
  }
  return dataset;
}

export interface SimFixture {
  sim: RunningSimulator;
  http: SimHttpClient;
  tokens: Record<keyof typeof SCOPES, string>;
  /** GET/POST with a bearer token. */
  call(url: string, token: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<SimHttpResponse>;
  close(): Promise<void>;
}

/** Starts a simulator (rate limits off unless `faults` says otherwise) and signs in for every resource. */
export async function startFixture(options: SimulatorOptions & { profile?: SimProfileName } = {}): Promise<SimFixture> {
  const stateDir = sharedStateDir();
  const sim = await startSimulator({
    autoApprove: true,
    faults: 'rate:off',
    ...options,
    stateDir,
    dataset: options.dataset ?? testDataset(options.profile ?? 'e5', options.seed ?? 11),
  });
  const http = createSimHttpClient(sim);
  const { pca, close: closePca } = createTestPca(sim);
  const first = await signInWithDeviceCode(pca, SCOPES.graph);
  const tokens = { graph: first.accessToken } as Record<keyof typeof SCOPES, string>;
  for (const [name, scope] of Object.entries(SCOPES) as [keyof typeof SCOPES, string][]) {
    if (name === 'graph') continue;
    const result = await pca.acquireTokenSilent({ account: first.account ?? (await pca.getAllAccounts())[0]!, scopes: [scope] });
    tokens[name] = result.accessToken;
  }
  return {
    sim,
    http,
    tokens,
    call: (url, token, init = {}) => http.request(url, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } }),
    async close() {
      closePca();
      http.close();
      await sim.close();
    },
  };
}
