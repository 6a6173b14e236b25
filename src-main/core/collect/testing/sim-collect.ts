import { join } from 'node:path';
import type { PublicClientApplication } from '@azure/msal-node';
import type { ResourceId } from '../../../../src-shared/domain/clouds.js';
import { generateDataset } from '../../../sim/data/generate.js';
import type { SimDataset, SimProfileName } from '../../../sim/data/types.js';
import type { SimLimits } from '../../../sim/server/options.js';
import { sharedStateDir, TEST_ANCHOR } from '../../../sim/server/testing/sim-fixture.js';
import { createTestPca, SCOPES, signInWithDeviceCode, TEST_CLIENT_ID } from '../../../sim/server/testing/sim-test-client.js';
import { startSimulator, type RunningSimulator } from '../../../sim/start-simulator.js';
import { createCaseService, type CaseService } from '../../cases/case-service.js';
import { CASE_RAW_DIR } from '../../db/case-files.js';
import { readWindows, type WindowRow } from '../../db/queries/collection-ledger.js';
import { makeTempDir } from '../../testing/test-ports.js';
import { createCollectContext, type CollectContext } from '../collect-context.js';
import { verifyStoredPage } from '../evidence/verify-page.js';
import type { ApiClientDeps } from '../http/api-client.js';
import type { TokenCallback } from '../http/api-types.js';
import { createLedger } from '../planner/ledger.js';
import type { WriteOp } from '../write-op.js';

/**
 * Collection against the simulated cloud, as a job would run it: a temp case with its writer
 * thread, real MSAL tokens (device-code sign-in, silent renewal), and one virtual clock shared by
 * the simulator and the collector. Waiting (Retry-After, backoff) advances that clock instead of
 * taking time, so throttling, token expiry and rate limits play out fully and tests stay fast.
 * The collector lives in the simulated tenant's time (the dataset's anchor plus the virtual time
 * elapsed), which is what the simulator's APIs answer by.
 */
export interface VirtualTime {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export function createVirtualTime(startMs: number): VirtualTime {
  let current = startMs;
  return {
    now: () => new Date(current),
    sleep: (ms) => {
      current += Math.max(0, ms);
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Deterministic uniform [0, 1) for backoff jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TokenStats {
  issued: number;
  forced: number;
}

/** Caches one token per resource until the API refuses it, as a token cache that trusts expiry would. */
function msalTokenSource(pca: PublicClientApplication): { getToken: TokenCallback; stats: TokenStats } {
  const cached = new Map<ResourceId, string>();
  const stats: TokenStats = { issued: 0, forced: 0 };
  const getToken: TokenCallback = async (resource, { forceRefresh }) => {
    const hit = cached.get(resource);
    if (hit && !forceRefresh) return { accessToken: hit };
    const account = (await pca.getAllAccounts())[0];
    if (!account) throw new Error('not signed in');
    const result = await pca.acquireTokenSilent({ account, scopes: [SCOPES[resource]], forceRefresh });
    stats.issued += 1;
    if (forceRefresh) stats.forced += 1;
    cached.set(resource, result.accessToken);
    return { accessToken: result.accessToken };
  };
  return { getToken, stats };
}

export interface SimCollectOptions {
  /** Licences and roles of the simulated tenant (default e5). */
  profile?: SimProfileName;
  scale?: number;
  days?: number;
  seed?: number;
  limits?: Partial<SimLimits>;
  tokenLifetimeSeconds?: number;
  faults?: string;
}

export interface SimCollect {
  sim: RunningSimulator;
  dataset: SimDataset;
  time: VirtualTime;
  /** The simulated tenant's "now": what the collector's clock reads. */
  simNow(): Date;
  cases: CaseService;
  rawDir: string;
  tokens: TokenStats;
  /** A new job and a collection context for it. */
  newRun(http?: Omit<ApiClientDeps, 'transport' | 'getToken' | 'now' | 'sleep' | 'random'>): Promise<{ context: CollectContext; jobId: number; close(): void }>;
  /** Stored events of a source per UTC hour, keyed like the ground truth. */
  hourCounts(source: string): Record<string, number>;
  windows(jobId: number): WindowRow[];
  /** Every stored page re-read and re-hashed; the failures. */
  verifyPages(): Promise<string[]>;
  close(): Promise<void>;
}

export function datasetFor(options: SimCollectOptions): SimDataset {
  return generateDataset({ seed: options.seed ?? 11, profile: options.profile ?? 'e5', days: options.days ?? 2, scale: options.scale ?? 0.1, anchor: TEST_ANCHOR });
}

export async function startSimCollect(options: SimCollectOptions = {}): Promise<SimCollect> {
  const dataset = datasetFor(options);
  const startMs = Date.now();
  const time = createVirtualTime(startMs);
  const anchorMs = Date.parse(dataset.anchor);
  const simNow = () => new Date(anchorMs + (time.now().getTime() - startMs));
  const sim = await startSimulator({
    stateDir: sharedStateDir(),
    dataset,
    autoApprove: true,
    faults: options.faults ?? 'rate:off',
    clock: time.now,
    sleep: time.sleep,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    limits: options.limits ?? {},
  });
  const { pca, close: closePca } = createTestPca(sim);
  await signInWithDeviceCode(pca, SCOPES.graph);
  const tokens = msalTokenSource(pca);

  const tmp = makeTempDir('cirrus-collect-');
  const caseDir = join(tmp.dir, 'case');
  const cases = createCaseService({ toolVersion: '0.0.0-test', clock: { now: simNow }, onChanged: () => {} });
  await cases.create({ dir: caseDir, name: 'collect test', examiner: 'Examiner E', tenantLabel: 'sim', description: '' });
  const rawDir = join(caseDir, CASE_RAW_DIR);
  const write: WriteOp = (op, args) => cases.write(op, args);
  const random = seededRandom(options.seed ?? 11);

  return {
    sim,
    dataset,
    time,
    simNow,
    cases,
    rawDir,
    tokens: tokens.stats,
    async newRun(http) {
      const jobId = await createLedger(write, simNow).createJob('test.collect', {});
      const run = createCollectContext({
        network: { extraCaPems: [sim.caCertPem] },
        getToken: tokens.getToken,
        write,
        rawDir,
        identity: { account: dataset.signedInUser.userPrincipalName, tenantId: sim.tenantId, clientId: TEST_CLIENT_ID },
        jobId,
        now: simNow,
        sleep: time.sleep,
        random,
        ...(http ? { http } : {}),
      });
      return { context: run.context, jobId, close: run.close };
    },
    hourCounts(source) {
      const rows = cases.read((db) =>
        db.prepare('SELECT ts - (ts % 3600000) AS hour, count(*) AS n FROM events WHERE source = ? GROUP BY hour').all(source),
      ) as { hour: number; n: number }[];
      return Object.fromEntries(rows.map((r) => [new Date(r.hour).toISOString(), r.n]));
    },
    windows: (jobId) => cases.read((db) => readWindows(db, jobId)),
    async verifyPages() {
      const pages = cases.read((db) => db.prepare('SELECT file_path, sha256, byte_size, compression FROM raw_pages').all()) as {
        file_path: string;
        sha256: string;
        byte_size: number;
        compression: 'none' | 'gzip';
      }[];
      const failures: string[] = [];
      for (const page of pages) {
        const check = await verifyStoredPage(rawDir, page);
        if (!check.ok) failures.push(check.reason);
      }
      return failures;
    },
    async close() {
      await cases.shutdown();
      closePca();
      await sim.close();
      tmp.cleanup();
    },
  };
}
