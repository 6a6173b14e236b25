import type { Worker } from 'node:worker_threads';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { startWorker } from '../workers/worker-entry.js';
import type { ReaderInit, ReaderKind, ReaderMessage, ReaderQuery, ReaderResults } from './reader-protocol.js';

/**
 * Runs heavy timeline queries in reader threads, one thread per kind of query (pages,
 * histogram, facets), so a slow histogram never holds up the next page.
 *
 * Superseding: a request that names a `client` cancels the same client's older request of the
 * same kind — dropped if still queued, stopped if running. Every request gets a fresh id (a
 * generation number); a reply whose id is not the lane's running request is stale and ignored.
 * A running request is stopped cooperatively first (its thread's SQL checkpoint sees the id in
 * the shared cell); if the thread has not answered within `graceMs`, it is terminated and the
 * lane starts a new one for the next request.
 */
export interface TimelineReader {
  readonly dbPath: string;
  run<Q extends ReaderQuery>(query: Q, client?: string): Promise<ReaderResults[Q['kind']]>;
  /** Fails every queued and running request with `cancelled` and stops the threads. */
  close(): Promise<void>;
}

export interface TimelineReaderOptions {
  dbPath: string;
  /** How long a cancelled request may take to notice before its thread is terminated. */
  graceMs?: number;
  /**
   * Sees how each request ended in its thread: answered, failed, stopped at its checkpoint
   * (`cancelled`), or its thread terminated after the grace period. For logs and tests.
   */
  observe?(event: { kind: ReaderKind; id: number; outcome: 'ok' | 'failed' | 'cancelled' | 'terminated' }): void;
}

interface Job {
  id: number;
  client: string | undefined;
  query: ReaderQuery;
  /** Sent to the thread (it may be running); until then it can be dropped without touching the thread. */
  posted: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Lane {
  worker: Worker | null;
  ready: Promise<void> | null;
  cancel: Int32Array;
  running: Job | null;
  queue: Job[];
  graceTimer: ReturnType<typeof setTimeout> | null;
}

const superseded = () => new CoreError('cancelled', 'superseded by a newer request');

export function createTimelineReader(options: TimelineReaderOptions): TimelineReader {
  const graceMs = options.graceMs ?? 2000;
  const lanes = new Map<ReaderKind, Lane>();
  let nextId = 1;
  let closed = false;

  const laneFor = (kind: ReaderKind): Lane => {
    let lane = lanes.get(kind);
    if (!lane) {
      lane = { worker: null, ready: null, cancel: new Int32Array(new SharedArrayBuffer(4)), running: null, queue: [], graceTimer: null };
      lanes.set(kind, lane);
    }
    return lane;
  };

  function stopWorker(lane: Lane): Promise<number> | null {
    const worker = lane.worker;
    lane.worker = null;
    lane.ready = null;
    if (lane.graceTimer) clearTimeout(lane.graceTimer);
    lane.graceTimer = null;
    if (!worker) return null;
    worker.removeAllListeners();
    worker.on('error', () => {});
    return worker.terminate();
  }

  function failRunning(lane: Lane, error: Error): void {
    const job = lane.running;
    lane.running = null;
    if (job) job.reject(error);
  }

  function start(lane: Lane): Promise<void> {
    const init: ReaderInit = { dbPath: options.dbPath, cancel: lane.cancel.buffer as SharedArrayBuffer };
    const worker = startWorker(import.meta.url, 'timeline-reader-worker', { workerData: init });
    lane.worker = worker;
    lane.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: ReaderMessage) => {
        if (message.type === 'ready') return resolve();
        if (message.type === 'failed') return reject(new CoreError(message.error.code, message.error.message));
        const job = lane.running;
        // A reply for anything but the running request is stale (it was superseded): drop it.
        if (!job || job.id !== message.id) return;
        const outcome = message.ok ? 'ok' : message.error.code === 'cancelled' ? 'cancelled' : 'failed';
        options.observe?.({ kind: job.query.kind, id: job.id, outcome });
        lane.running = null;
        if (lane.graceTimer) clearTimeout(lane.graceTimer);
        lane.graceTimer = null;
        if (message.ok) job.resolve(message.value);
        else job.reject(new CoreError(message.error.code, message.error.message));
        pump(lane);
      });
      const died = (why: string) => {
        if (lane.worker !== worker) return;
        lane.worker = null;
        lane.ready = null;
        const error = new CoreError('internal', `timeline reader stopped: ${why}`);
        reject(error);
        failRunning(lane, error);
        pump(lane);
      };
      worker.on('error', (e) => died(e.message));
      worker.on('exit', (code) => died(`exit code ${code}`));
    });
    return lane.ready;
  }

  function pump(lane: Lane): void {
    if (closed || lane.running) return;
    const job = lane.queue.shift();
    if (!job) return;
    lane.running = job;
    const ready = lane.ready ?? start(lane);
    ready.then(
      () => {
        // Superseded while the thread was starting: the lane has moved on.
        if (lane.running !== job || !lane.worker) return;
        job.posted = true;
        lane.worker.postMessage({ type: 'query', id: job.id, query: job.query });
      },
      (e: unknown) => {
        if (lane.running !== job) return;
        failRunning(lane, e instanceof Error ? e : new Error(String(e)));
        pump(lane);
      },
    );
  }

  function supersede(lane: Lane, client: string): void {
    for (const job of lane.queue.filter((j) => j.client === client)) {
      lane.queue.splice(lane.queue.indexOf(job), 1);
      job.reject(superseded());
    }
    const running = lane.running;
    if (!running || running.client !== client) return;
    running.reject(superseded());
    if (!running.posted) {
      // Still waiting for its thread to start: nothing runs yet, so the lane is simply free.
      lane.running = null;
      return;
    }
    // The lane stays busy with a silent stand-in until the thread answers or is replaced. It
    // belongs to no client, so a further request cannot cancel it twice.
    lane.running = { ...running, client: undefined, resolve: () => {}, reject: () => {} };
    Atomics.store(lane.cancel, 0, running.id);
    lane.graceTimer = setTimeout(() => {
      lane.graceTimer = null;
      if (lane.running?.id !== running.id) return;
      lane.running = null;
      options.observe?.({ kind: running.query.kind, id: running.id, outcome: 'terminated' });
      void stopWorker(lane);
      pump(lane);
    }, graceMs);
    lane.graceTimer.unref?.();
  }

  return {
    dbPath: options.dbPath,
    run(query, client) {
      if (closed) return Promise.reject(new CoreError('no_case_open', 'The timeline reader is closed.'));
      const lane = laneFor(query.kind);
      if (client !== undefined) supersede(lane, client);
      return new Promise((resolve, reject) => {
        lane.queue.push({ id: nextId++, client, query, posted: false, resolve: resolve as (v: unknown) => void, reject });
        pump(lane);
      });
    },
    async close() {
      closed = true;
      const stopping: Promise<number>[] = [];
      for (const lane of lanes.values()) {
        const error = new CoreError('cancelled', 'the case was closed');
        for (const job of lane.queue.splice(0)) job.reject(error);
        failRunning(lane, error);
        const stopped = stopWorker(lane);
        if (stopped) stopping.push(stopped);
      }
      await Promise.all(stopping);
    },
  };
}
