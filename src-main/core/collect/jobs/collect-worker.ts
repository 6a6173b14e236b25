import { parentPort, workerData } from 'node:worker_threads';
import type { ResourceId } from '../../../../src-shared/domain/clouds.js';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import { createCollectContext } from '../collect-context.js';
import { isCancellation } from '../planner/window-errors.js';
import type { PortReply, WriterRequest } from '../../db/writer-protocol.js';
import type { WriteOp } from '../write-op.js';
import type { CollectWorkerInit, FromWorker, ToWorker } from './collect-protocol.js';
import { covers, mergeIntervals } from './coverage.js';
import { JobParams, type JobTarget } from './job-params.js';
import { runJob } from './run-job.js';

/**
 * A collection job's thread: fetching, hashing, gzip and normalising happen here, so the main
 * loop only forwards writes and answers token requests. Progress goes out as count deltas at
 * most every quarter second.
 */
const port = parentPort;
if (!port) throw new Error('collect-worker must run as a worker thread');
const init = workerData as CollectWorkerInit;
const send = (m: FromWorker) => port.postMessage(m);

const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
let nextId = 1;
const askToken = (resource: ResourceId, forceRefresh: boolean): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    send({ type: 'token', id, resource, forceRefresh });
  });

// Writes go straight to the case writer on the line the core opened for this job.
const writes = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
let nextWrite = 1;
init.writerPort.on('message', (m: PortReply) => {
  const waiter = writes.get(m.id);
  if (!waiter) return;
  writes.delete(m.id);
  if (m.ok) waiter.resolve(m.value);
  else waiter.reject(new CoreError(m.error.code, m.error.message));
});
const write: WriteOp = (op, args) =>
  new Promise((resolve, reject) => {
    const id = nextWrite++;
    writes.set(id, { resolve: resolve as (v: unknown) => void, reject });
    init.writerPort.postMessage({ type: 'op', id, op, args } satisfies WriterRequest);
  });

const abort = new AbortController();
port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') {
    abort.abort();
    return;
  }
  const waiter = pending.get(m.id);
  if (!waiter) return;
  pending.delete(m.id);
  if (m.ok) waiter.resolve(m.value);
  else waiter.reject(new CoreError(m.error.code, m.error.message));
});


async function main(): Promise<void> {
  const params = JobParams.parse(init.params);
  const target: JobTarget = init.target;
  const run = createCollectContext({
    network: init.network,
    getToken: async (resource, { forceRefresh }) => ({ accessToken: (await askToken(resource, forceRefresh)) as string }),
    write,
    rawDir: init.rawDir,
    identity: init.identity,
    jobId: init.jobId,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    signal: abort.signal,
    ...(init.http ? { http: init.http } : {}),
  });
  const ctx = run.context;

  // Counts: every stored page adds to them; sent as deltas, throttled.
  const totals = { fetched: 0, stored: 0, throttledMs: 0, retries: 0 };
  const sent = { fetched: 0, stored: 0, throttledMs: 0, retries: 0 };
  let note: string | null = null;
  let lastSent = 0;
  const flush = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastSent < 250) return;
    const c = ctx.api.counters().total;
    totals.throttledMs = Math.round(c.throttledMs + c.backoffMs);
    totals.retries = c.retries;
    const delta = {
      fetched: totals.fetched - sent.fetched,
      stored: totals.stored - sent.stored,
      throttledMs: Math.max(0, totals.throttledMs - sent.throttledMs),
      retries: Math.max(0, totals.retries - sent.retries),
    };
    Object.assign(sent, totals);
    lastSent = now;
    send({ type: 'counts', ...delta, note });
  };
  const sink = ctx.sink;
  ctx.sink = {
    async store(input) {
      const stored = await sink.store(input);
      totals.fetched += stored.recordCount;
      totals.stored += stored.inserted;
      flush(false);
      return stored;
    },
  };

  const done = new Map<string, { startMs: number; endMs: number }[]>();
  for (const d of init.done) done.set(d.channel, [...(done.get(d.channel) ?? []), { startMs: d.startMs, endMs: d.endMs }]);
  const merged = new Map([...done].map(([channel, list]) => [channel, mergeIntervals(list)]));

  try {
    const summary = await runJob(ctx, params, target, {
      isDone: (channel, window) => covers(merged.get(channel) ?? [], window),
      partDone: (channel) => merged.has(channel),
      log: (level, message) => send({ type: 'log', level, message }),
      onWindow: (o) => {
        note = `${o.channel} ${new Date(o.startMs).toISOString().slice(0, 16)}Z ${o.status}`;
        flush(false);
      },
    });
    flush(true);
    send({ type: 'finished', summary });
  } catch (e) {
    flush(true);
    const cancelled = abort.signal.aborted || isCancellation(e) || (e instanceof Error && isCancellation((e as { cause?: unknown }).cause));
    send({ type: 'stopped', cancelled, message: e instanceof Error ? e.message : String(e) });
  } finally {
    run.close();
    init.writerPort.close();
  }
}

void main();
