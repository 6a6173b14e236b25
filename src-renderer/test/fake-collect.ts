import {
  CollectRequest,
  collectSourceLabels,
  type CollectJob,
  type CollectOptions,
  type CollectSourceId,
  type CollectSourceOption,
  type CoverageStatus,
  type CoverageStrip,
  type JobLogLine,
} from '../../src-shared/domain/collection.js';
import type { AppEvent } from '../../src-shared/ipc/contract.js';
import { err, ok } from '../../src-shared/ipc/result.js';
import type { FakeHandlers } from './fake-transport.js';

const NOW = Date.parse('2025-03-04T10:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const option = (source: CollectSourceId, days: number | null, extra: Partial<CollectSourceOption> = {}): CollectSourceOption => ({
  source,
  label: collectSourceLabels[source],
  available: true,
  blockedReason: null,
  earliestRecoverable: days === null ? null : iso(NOW - days * DAY),
  warnings: [],
  ...extra,
});

/**
 * Options shaped like the core's after a readiness run: DevOps and the Management Activity API
 * blocked with their readiness reasons, the UAL with a volume warning.
 */
export function sampleOptions(overrides: Partial<CollectOptions> = {}): CollectOptions {
  return {
    signedIn: true,
    readinessRunAt: '2025-03-04T10:00:07.000Z',
    defaultUalChannel: 'exo_search',
    sources: [
      option('ual', 180, { warnings: ['The full preset over 180 days can reach millions of records.'] }),
      option('mailbox', 180),
      option('signins', 30),
      option('audit', 30),
      option('tenant', null),
      option('azure', 90),
      option('devops', null, { available: false, blockedReason: 'Azure DevOps: no usable answer from the readiness check (connection reset); re-check.' }),
      option('mgmt', 7, { available: false, blockedReason: 'Management Activity API: no token could be obtained — consent missing.' }),
    ],
    ...overrides,
  };
}

const noWindows = { total: 0, complete: 0, gap: 0, failed: 0, running: 0, pending: 0, split: 0 };

export function sampleJob(overrides: Partial<CollectJob> = {}): CollectJob {
  const source = overrides.source ?? 'ual';
  return {
    id: 1,
    source,
    label: collectSourceLabels[source],
    status: 'running',
    rangeStart: NOW - 2 * DAY,
    rangeEnd: NOW,
    params: { preset: 'light:all' },
    runs: 1,
    createdAt: iso(NOW),
    startedAt: iso(NOW + 1000),
    finishedAt: null,
    windows: { ...noWindows, total: 6, complete: 2, running: 1, pending: 3 },
    recordsFetched: 1200,
    recordsStored: 1150,
    duplicates: 50,
    throttledMs: 4000,
    retries: 2,
    rate: 240,
    etaSeconds: 75,
    note: null,
    error: null,
    ...overrides,
  };
}

/** Equal slices of the job's range, coloured from its window counts in legend order; like neighbours joined, as the core does. */
export function stripFromCounts(job: CollectJob, channel = 'exo_search'): CoverageStrip {
  const start = job.rangeStart ?? NOW - DAY;
  const end = job.rangeEnd ?? NOW;
  const statuses: CoverageStatus[] = [];
  const w = job.windows;
  for (const [status, n] of [['complete', w.complete], ['gap', w.gap], ['failed', w.failed], ['running', w.running], ['pending', w.pending]] as const) {
    for (let i = 0; i < n; i += 1) statuses.push(status);
  }
  const step = statuses.length > 0 ? (end - start) / statuses.length : 0;
  const segments: CoverageStrip['segments'] = [];
  statuses.forEach((status, i) => {
    const startMs = Math.round(start + i * step);
    const endMs = Math.round(start + (i + 1) * step);
    const detail = status === 'gap' ? '52,000 records at the smallest window (1 minute); 50,000 fetched' : status === 'failed' ? 'HTTP 500 after 5 attempts' : null;
    const last = segments[segments.length - 1];
    if (last && last.status === status && last.detail === detail) last.endMs = endMs;
    else segments.push({ startMs, endMs, status, detail });
  });
  return { source: job.source, channel, rangeStart: start, rangeEnd: end, segments };
}

export interface FakeCollectOptions {
  options?: CollectOptions;
  jobs?: CollectJob[];
  /** Coverage per job id; by default derived from the job's window counts. */
  coverage?: Record<number, CoverageStrip[]>;
  logs?: Record<number, JobLogLine[]>;
}

/**
 * The collection commands as the core answers them, in memory: start validates with the contract's
 * schema, refuses blocked sources with their reason and clamps the start to what is recoverable;
 * cancel and resume change the stored status; the log answers by `afterId`.
 */
export function createFakeCollect(init: FakeCollectOptions = {}) {
  let emit: (event: AppEvent) => void = () => {};
  let options = init.options ?? sampleOptions();
  let jobs: CollectJob[] = [...(init.jobs ?? [])];
  const coverage = new Map<number, CoverageStrip[]>(Object.entries(init.coverage ?? {}).map(([id, strips]) => [Number(id), strips]));
  const logs = new Map<number, JobLogLine[]>(Object.entries(init.logs ?? {}).map(([id, lines]) => [Number(id), lines]));
  let nextLogId = Math.max(0, ...[...logs.values()].flat().map((line) => line.id)) + 1;
  const jobById = (input: unknown) => jobs.find((job) => job.id === (input as { jobId: number }).jobId);
  const store = (job: CollectJob) => {
    jobs = jobs.map((j) => (j.id === job.id ? job : j));
    return job;
  };
  const progress = (job: CollectJob) => {
    const w = job.windows;
    const done = w.complete + w.gap + w.failed;
    const status = job.status === 'complete' ? 'succeeded' : job.status;
    emit({ name: 'job.progress', payload: { jobId: String(job.id), kind: job.source, status, done, total: done + w.running + w.pending, note: job.note ?? '' } });
  };

  const handlers: FakeHandlers = {
    'collect.options': () => ok(options),
    'collect.jobs': () => ok([...jobs].sort((a, b) => b.id - a.id)),
    'collect.start': (input) => {
      const parsed = CollectRequest.safeParse(input);
      if (!parsed.success) {
        return err(
          'validation',
          'The collection request is not valid.',
          parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        );
      }
      const request = parsed.data;
      const refused: { source: CollectSourceId; reason: string }[] = [];
      const notices: string[] = [];
      const started: CollectJob[] = [];
      for (const source of request.sources) {
        const o = options.sources.find((s) => s.source === source);
        if (!o || !o.available) {
          refused.push({ source, reason: o?.blockedReason ?? 'not offered' });
          continue;
        }
        const earliest = o.earliestRecoverable ? Date.parse(o.earliestRecoverable) : null;
        let from = request.from ? Date.parse(request.from) : (earliest ?? NOW - DAY);
        if (earliest !== null && from < earliest) {
          notices.push(`${o.label}: the range starts at ${iso(earliest)}, the oldest moment still recoverable (asked for ${iso(from)}).`);
          from = earliest;
        }
        const id = Math.max(0, ...jobs.map((j) => j.id)) + 1;
        const job = sampleJob({
          id,
          source,
          status: 'queued',
          rangeStart: source === 'tenant' ? null : from,
          rangeEnd: source === 'tenant' ? null : request.to ? Date.parse(request.to) : NOW,
          params: { preset: request.preset },
          runs: 0,
          startedAt: null,
          windows: { ...noWindows },
          recordsFetched: 0,
          recordsStored: 0,
          duplicates: 0,
          throttledMs: 0,
          retries: 0,
          rate: null,
          etaSeconds: null,
        });
        jobs = [...jobs, job];
        started.push(job);
      }
      return ok({ jobs: started, refused, notices });
    },
    'collect.cancel': (input) => {
      const job = jobById(input);
      if (!job) return err('validation', 'No such job in this case.');
      if (job.status !== 'queued' && job.status !== 'running') return err('validation', `Job ${job.id} is ${job.status}; only a queued or running job can be cancelled.`);
      return ok(store({ ...job, status: 'cancelled', etaSeconds: null, finishedAt: iso(NOW + 60_000) }));
    },
    'collect.resume': (input) => {
      const job = jobById(input);
      if (!job) return err('validation', 'No such job in this case.');
      if (job.status === 'queued' || job.status === 'running' || job.status === 'complete') return err('validation', `Job ${job.id} is ${job.status}; nothing to resume.`);
      return ok(store({ ...job, status: 'running', runs: job.runs + 1, error: null, finishedAt: null }));
    },
    'collect.coverage': (input) => {
      const job = jobById(input);
      if (!job) return err('validation', 'No such job in this case.');
      return ok(coverage.get(job.id) ?? (job.rangeStart === null ? [] : [stripFromCounts(job)]));
    },
    'collect.log': (input) => {
      const { jobId, afterId = 0, limit = 200 } = input as { jobId: number; afterId?: number; limit?: number };
      return ok((logs.get(jobId) ?? []).filter((line) => line.id > afterId).slice(0, limit));
    },
  };

  return {
    handlers,
    attach(transport: { emit(event: AppEvent): void }) {
      emit = (event) => transport.emit(event);
    },
    jobs: () => jobs,
    setOptions(next: CollectOptions) {
      options = next;
    },
    /** Changes a stored job, as the runner would, and reports it with `job.progress`. */
    update(jobId: number, patch: Partial<CollectJob>) {
      const job = jobs.find((j) => j.id === jobId);
      if (!job) throw new Error(`no job ${jobId}`);
      progress(store({ ...job, ...patch }));
    },
    setCoverage(jobId: number, strips: CoverageStrip[]) {
      coverage.set(jobId, strips);
    },
    /** Adds log lines to a job (ids keep rising across jobs, as rows of one table do). */
    appendLog(jobId: number, ...messages: string[]): JobLogLine[] {
      const added = messages.map((message) => ({ id: nextLogId++, jobId, at: iso(NOW + nextLogId * 1000), level: 'info' as const, message }));
      logs.set(jobId, [...(logs.get(jobId) ?? []), ...added]);
      return added;
    },
  };
}
