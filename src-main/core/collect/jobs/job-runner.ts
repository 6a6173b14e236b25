import type { Worker } from 'node:worker_threads';
import type { ResourceId } from '../../../../src-shared/domain/clouds.js';
import type { CollectSourceId, JobStatus } from '../../../../src-shared/domain/collection.js';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import type { WriterOpArgs, WriterOps } from '../../db/writer-ops.js';
import type { Clock, Logger } from '../../ports.js';
import { startWorker } from '../../workers/worker-entry.js';
import type { CollectWorkerInit, FromWorker, ToWorker } from './collect-protocol.js';
import type { JobParams } from './job-params.js';
import type { RunSummary } from './run-job.js';

/**
 * Runs queued jobs, each in its own worker thread, a few at a time and at most one per service
 * quota (Exchange, Graph's report APIs, ARM, DevOps, the Management API), because a second job on
 * the same quota only makes both slower and throttled. The runner forwards the workers' writes to
 * the case writer (a short list of ops only), answers their token requests, turns their counts
 * into job rows and progress events, and records how each run ended.
 */
export interface RunnerJob {
  id: number;
  source: CollectSourceId;
  params: JobParams;
}

export interface RunContext {
  init: Omit<CollectWorkerInit, 'jobId' | 'params' | 'done'>;
  done: CollectWorkerInit['done'];
}

export interface JobRunnerDeps {
  write<K extends keyof WriterOps>(op: K, args: WriterOpArgs<K>): Promise<unknown>;
  /** Everything a run needs that depends on the session and the case (target, identity, raw folder) and what earlier runs completed. */
  prepare(job: RunnerJob): Promise<RunContext>;
  getToken(resource: ResourceId, forceRefresh: boolean): Promise<string>;
  clock: Clock;
  logger: Logger;
  /** A job's row changed (counts, status, log). */
  onChange(jobId: number, status: JobStatus, note: string | null): void;
  maxConcurrent?: number;
  /** For tests: another way to start the worker. */
  spawn?: (init: CollectWorkerInit) => Worker;
}

export interface JobRunner {
  enqueue(job: RunnerJob): void;
  cancel(jobId: number): boolean;
  isActive(jobId: number): boolean;
  /** Stops every job (the case is closing): each ends paused, to resume on the next open. */
  stopAll(reason: string): Promise<void>;
  /** Resolves when no job is queued or running. */
  idle(): Promise<void>;
}

export function quotaOf(job: RunnerJob): string {
  switch (job.source) {
    case 'ual':
    case 'mailbox':
      return job.params.ualChannel === 'graph_audit_query' ? 'graph-audit-query' : 'exo';
    case 'signins':
    case 'audit':
      return 'graph-audit';
    case 'tenant':
      return 'graph';
    case 'azure':
      return 'arm';
    case 'devops':
      return 'devops';
    case 'mgmt':
      return 'mgmt';
  }
}

interface Running {
  job: RunnerJob;
  worker: Worker;
  quota: string;
  stopReason: { status: JobStatus; note: string } | null;
  ended: Promise<void>;
}

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const maxConcurrent = deps.maxConcurrent ?? 4;
  const queue: RunnerJob[] = [];
  const running = new Map<number, Running>();
  const idleWaiters: (() => void)[] = [];
  const at = () => deps.clock.now().toISOString();
  const spawn = deps.spawn ?? ((init: CollectWorkerInit) => startWorker(import.meta.url, 'collect-worker', { workerData: init, transferList: [init.writerPort] }));

  const log = (jobId: number, level: 'info' | 'warning' | 'error', message: string) =>
    deps.write('collection.jobLog', { jobId, level, message: message.slice(0, 4000), at: at() }).catch((e: unknown) => deps.logger.warn('job log not written', { jobId, error: String(e) }));

  async function transition(jobId: number, status: JobStatus, extra: { newRun?: boolean; note?: string | null; error?: string | null } = {}) {
    await deps.write('collection.transitionJob', { id: jobId, status, at: at(), ...extra });
    deps.onChange(jobId, status, extra.note ?? null);
  }

  function settleIdle() {
    if (queue.length === 0 && running.size === 0) idleWaiters.splice(0).forEach((w) => w());
  }

  function pump() {
    for (let i = 0; i < queue.length && running.size < maxConcurrent; ) {
      const job = queue[i] as RunnerJob;
      const quota = quotaOf(job);
      if ([...running.values()].some((r) => r.quota === quota)) {
        i += 1;
        continue;
      }
      queue.splice(i, 1);
      void start(job, quota);
    }
    settleIdle();
  }

  async function start(job: RunnerJob, quota: string): Promise<void> {
    // Reserve the quota while preparing, so a second job of the same quota waits.
    let release!: () => void;
    const ended = new Promise<void>((r) => (release = r));
    const placeholder = { job, quota, stopReason: null, ended } as unknown as Running;
    running.set(job.id, placeholder);
    let ctx: RunContext | undefined;
    try {
      ctx = await deps.prepare(job);
      if (placeholder.stopReason) throw new CoreError('cancelled', placeholder.stopReason.note);
      await transition(job.id, 'running', { newRun: true, note: 'started' });
      await log(job.id, 'info', `Run started${ctx.done.length ? `; ${ctx.done.length} windows already complete are kept` : ''}`);
      const worker = spawn({ ...ctx.init, jobId: job.id, params: job.params, done: ctx.done });
      placeholder.worker = worker;
      await drive(placeholder, worker);
    } catch (e) {
      // A run stopped before its worker took the writer line closes the line itself.
      if (ctx && !placeholder.worker) ctx.init.writerPort.close();
      const stop = placeholder.stopReason;
      const message = e instanceof Error ? e.message : String(e);
      if (stop) await transition(job.id, stop.status, { note: stop.note }).catch(() => {});
      else {
        await log(job.id, 'error', `Could not start: ${message}`);
        await transition(job.id, 'failed', { error: message, note: null }).catch(() => {});
      }
    } finally {
      running.delete(job.id);
      release();
      pump();
    }
  }

  function drive(r: Running, worker: Worker): Promise<void> {
    return new Promise<void>((resolve) => {
      let finished = false;
      const reply = (m: ToWorker) => {
        try {
          worker.postMessage(m);
        } catch {
          // The worker is gone; nothing waits for this answer.
        }
      };
      const end = async (status: JobStatus, extra: { note?: string | null; error?: string | null }) => {
        if (finished) return;
        finished = true;
        await transition(r.job.id, status, extra).catch((e: unknown) => deps.logger.error('job status not written', { jobId: r.job.id, error: String(e) }));
        resolve();
      };
      worker.on('message', (m: FromWorker) => {
        switch (m.type) {
          case 'token':
            deps
              .getToken(m.resource, m.forceRefresh)
              .then((value) => reply({ type: 'reply', id: m.id, ok: true, value }))
              .catch((e: unknown) => reply({ type: 'reply', id: m.id, ok: false, error: errorInfo(e) }));
            return;
          case 'log':
            void log(r.job.id, m.level, m.message);
            return;
          case 'counts':
            void deps
              .write('collection.jobCounts', { id: r.job.id, fetched: m.fetched, stored: m.stored, throttledMs: m.throttledMs, retries: m.retries, note: m.note, at: at() })
              .then(() => deps.onChange(r.job.id, 'running', m.note))
              .catch((e: unknown) => deps.logger.warn('job counts not written', { jobId: r.job.id, error: String(e) }));
            return;
          case 'finished':
            void (async () => {
              const s: RunSummary = m.summary;
              const problems = s.gaps + s.failed;
              await log(r.job.id, problems ? 'warning' : 'info', `Run finished: ${s.complete} windows complete, ${s.gaps} gaps, ${s.failed} failed`);
              if (problems) await end('failed', { error: `${s.gaps} gap(s) and ${s.failed} failed window(s): resume to collect them again`, note: 'finished with gaps' });
              else await end('complete', { note: `${s.complete} windows complete`, error: null });
            })();
            return;
          case 'stopped':
            void (async () => {
              if (m.cancelled || r.stopReason) {
                const stop = r.stopReason ?? { status: 'cancelled' as const, note: 'cancelled' };
                await log(r.job.id, 'warning', `Stopped: ${stop.note}`);
                await end(stop.status, { note: stop.note });
              } else {
                await log(r.job.id, 'error', `Run failed: ${m.message}`);
                await end('failed', { error: m.message, note: null });
              }
            })();
            return;
        }
      });
      worker.on('error', (e) => {
        void log(r.job.id, 'error', `Worker failed: ${e.message}`);
        void end('failed', { error: `worker failed: ${e.message}` });
      });
      worker.on('exit', (code) => {
        if (!finished) void end(r.stopReason?.status ?? 'failed', r.stopReason ? { note: r.stopReason.note } : { error: `the job's worker ended unexpectedly (exit code ${code})` });
      });
    }).finally(() => void worker.terminate());
  }

  function requestStop(jobId: number, status: JobStatus, note: string): boolean {
    const r = running.get(jobId);
    if (!r) return false;
    r.stopReason = { status, note };
    if (r.worker) {
      r.worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      // A worker that does not stop within a few seconds (stuck in a long write) is ended.
      const timer = setTimeout(() => void r.worker?.terminate(), 5000);
      timer.unref();
    }
    return true;
  }

  return {
    enqueue(job) {
      if (running.has(job.id) || queue.some((q) => q.id === job.id)) return;
      queue.push(job);
      pump();
    },
    cancel(jobId) {
      const i = queue.findIndex((q) => q.id === jobId);
      if (i >= 0) {
        queue.splice(i, 1);
        void transition(jobId, 'cancelled', { note: 'cancelled before it started' }).then(() => log(jobId, 'warning', 'Cancelled before it started'));
        settleIdle();
        return true;
      }
      return requestStop(jobId, 'cancelled', 'cancelled by the examiner');
    },
    isActive: (jobId) => running.has(jobId) || queue.some((q) => q.id === jobId),
    async stopAll(reason) {
      const queued = queue.splice(0);
      for (const job of queued) await transition(job.id, 'paused', { note: reason }).catch(() => {});
      const ends = [...running.values()].map((r) => r.ended);
      for (const id of [...running.keys()]) requestStop(id, 'paused', reason);
      await Promise.all(ends);
    },
    idle: () => (queue.length === 0 && running.size === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
  };
}

function errorInfo(e: unknown): { code: CoreError['code']; message: string } {
  if (e instanceof CoreError) return { code: e.code, message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
