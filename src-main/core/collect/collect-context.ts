import { randomUUID } from 'node:crypto';
import type { NetworkSettings } from '../ports.js';
import { createEvidenceStore } from './evidence/evidence-store.js';
import { createPageSink, type PageIdentity, type PageSink } from './evidence/page-sink.js';
import { createApiClient, type ApiClient, type ApiClientDeps } from './http/api-client.js';
import type { TokenCallback } from './http/api-types.js';
import { createTransport, type Transport } from './http/transport.js';
import { createLedger, type Ledger } from './planner/ledger.js';
import type { WriteOp } from './write-op.js';

/**
 * Everything a collection run needs, built from what a job's worker thread is given: network
 * settings (proxy, extra CAs), a token callback and a writer-op callback (both answered by the
 * main thread), the case's `raw/` folder, and the time sources. Nothing here is shared between
 * runs, so several jobs can collect at once.
 */
export interface CollectContext {
  api: ApiClient;
  sink: PageSink;
  ledger: Ledger;
  /** Case writes beyond pages and windows: snapshot objects, mailbox time zones. */
  write: WriteOp;
  jobId: number;
  now: () => Date;
  /**
   * Waits on the run's clock (the one the HTTP client backs off on): for services that make the
   * caller come back later, such as a Graph audit query that is still running.
   */
  sleep: (ms: number) => Promise<void>;
  /** A fresh Exchange search SessionId (caller-chosen strings; unique per attempt). */
  newSessionId: () => string;
  signal?: AbortSignal;
}

/** What happened to one window (leaves and split parents alike). */
export interface WindowOutcome {
  windowId: number;
  source: string;
  channel: string;
  startMs: number;
  endMs: number;
  status: 'complete' | 'split' | 'gap' | 'failed';
  reportedTotal: number | null;
  /**
   * Distinct records of the last attempt — what the proof compares with the reported total. For
   * sources that report no total: the records the last (complete) attempt received.
   */
  unique: number;
  /** Records received over all attempts. */
  fetched: number;
  /** Records new to the case. */
  storedNew: number;
  attempts: number;
  /** Why it is a gap, failed or split; for a complete window, why an earlier attempt was repeated. */
  error: string | null;
  splitParent: number | null;
}

export interface CollectRunInput {
  network: NetworkSettings;
  getToken: TokenCallback;
  write: WriteOp;
  /** The case's `raw/` folder. */
  rawDir: string;
  identity: PageIdentity;
  jobId: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  signal?: AbortSignal;
  /** Tuning of the HTTP client (timeouts, retry budgets, concurrency). */
  http?: Omit<ApiClientDeps, 'transport' | 'getToken' | 'now' | 'sleep' | 'random'>;
  /** For tests: a transport other than the real network. */
  transport?: Transport;
  /** Unique ids (evidence run ids, Exchange session ids); random UUIDs by default. */
  newId?: () => string;
}

export function createCollectContext(input: CollectRunInput): { context: CollectContext; close(): void } {
  const transport = input.transport ?? createTransport(input.network);
  const api = createApiClient({ ...(input.http ?? {}), transport, getToken: input.getToken, now: input.now, sleep: input.sleep, random: input.random });
  const newId = input.newId ?? randomUUID;
  const evidence = createEvidenceStore(input.rawDir, newId().replace(/[^A-Za-z0-9-]/g, '').slice(0, 8));
  const context: CollectContext = {
    api,
    sink: createPageSink({ evidence, write: input.write, identity: input.identity }),
    ledger: createLedger(input.write, input.now),
    write: input.write,
    jobId: input.jobId,
    now: input.now,
    sleep: input.sleep,
    newSessionId: () => `cirrus-${newId()}`,
    ...(input.signal ? { signal: input.signal } : {}),
  };
  return { context, close: () => transport.close() };
}
