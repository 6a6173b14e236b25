import type { MessagePort } from 'node:worker_threads';
import type { ResourceId } from '../../../../src-shared/domain/clouds.js';
import type { ErrorInfo } from '../../../../src-shared/ipc/result.js';
import type { NetworkSettings } from '../../ports.js';
import type { PageIdentity } from '../evidence/page-sink.js';
import type { ApiClientDeps } from '../http/api-client.js';
import type { WriterOpName } from '../../db/writer-protocol.js';
import type { JobParamsInput, JobTarget } from './job-params.js';
import type { RunSummary } from './run-job.js';

/**
 * Messages between the core and a job's worker thread. The worker holds no database connection
 * and no token cache: it asks the core for each write (a named writer op from a short list) and
 * for each access token, so the case keeps one writer and tokens stay in one place.
 */
export interface CollectWorkerInit {
  jobId: number;
  params: JobParamsInput;
  target: JobTarget;
  rawDir: string;
  network: NetworkSettings;
  identity: PageIdentity;
  /** Stretches earlier runs proved complete, per channel: skipped by this run. */
  done: { channel: string; startMs: number; endMs: number }[];
  http?: Omit<ApiClientDeps, 'transport' | 'getToken' | 'now' | 'sleep' | 'random'>;
  /** A direct line to the case writer, open for WORKER_WRITE_OPS only: pages skip the main loop. */
  writerPort: MessagePort;
}

/** The writer ops a collecting worker may run; the writer refuses anything else on its line. */
export const WORKER_WRITE_OPS = [
  'events.ingestBatch',
  'collection.openWindow',
  'collection.updateWindow',
  'collection.planWindows',
  'collection.jobLog',
  'mailbox.timeZones.save',
  'snapshot.saveObjects',
] as const satisfies readonly WriterOpName[];

export type ToWorker = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; error: ErrorInfo } | { type: 'cancel' };

export interface WorkerCounts {
  fetched: number;
  stored: number;
  throttledMs: number;
  retries: number;
  note: string | null;
}

export type FromWorker =
  | { type: 'token'; id: number; resource: ResourceId; forceRefresh: boolean }
  | { type: 'log'; level: 'info' | 'warning' | 'error'; message: string }
  | ({ type: 'counts' } & WorkerCounts)
  | { type: 'finished'; summary: RunSummary }
  | { type: 'stopped'; cancelled: boolean; message: string };
