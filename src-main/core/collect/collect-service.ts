import { join } from 'node:path';
import { CollectJob, collectSourceLabels, CollectSourceId, jobProgressStatus, type CollectOptions, type CollectRequest, type CollectStartResult, type CoverageStrip, type JobLogLine, type JobStatus } from '../../../src-shared/domain/collection.js';
import type { JobProgress } from '../../../src-shared/ipc/contract.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import type { AuthService } from '../auth/auth-service.js';
import type { CaseService } from '../cases/case-service.js';
import { CASE_RAW_DIR } from '../db/case-files.js';
import { readJobLog, readJobRejects, readJobs, readLedgerWindows, type JobRow } from '../db/queries/collection-jobs.js';
import type { Clock, Logger, NetworkSettings } from '../ports.js';
import type { ReadinessService } from '../readiness/readiness-service.js';
import { planCollection, sourceOptions } from './jobs/collect-plan.js';
import { WORKER_WRITE_OPS } from './jobs/collect-protocol.js';
import { coverageStrips, windowCounts } from './jobs/coverage.js';
import { JobParams, type JobTarget } from './jobs/job-params.js';
import { createJobRunner, type JobRunner, type JobRunnerDeps, type RunContext, type RunnerJob } from './jobs/job-runner.js';

/**
 * Collection as the commands see it: what can start, starting it (one job per source, refused
 * where readiness says blocked, ranges clamped to what can still be recovered), following,
 * stopping and resuming jobs, and reading their ledger as coverage. Jobs live in the case, so a
 * job a crash interrupted is found paused when the case opens again and resumes from its ledger.
 */
export interface CollectService {
  options(): Promise<CollectOptions>;
  start(request: CollectRequest): Promise<CollectStartResult>;
  jobs(): Promise<CollectJob[]>;
  cancel(jobId: number): Promise<CollectJob>;
  resume(jobId: number): Promise<CollectJob>;
  coverage(jobId: number): CoverageStrip[];
  log(jobId: number, afterId: number, limit: number): JobLogLine[];
  /** After a case opened: jobs a dead process left running become paused and, when signed in, resume. */
  caseOpened(): Promise<number[]>;
  /** Before the case closes: running jobs stop and stay paused. */
  beforeClose(): Promise<void>;
  /** Resolves when no job is queued or running (tests, the CLI). */
  idle(): Promise<void>;
}

export interface CollectServiceDeps {
  cases: CaseService;
  auth: AuthService;
  readiness: ReadinessService;
  clock: Clock;
  logger: Logger;
  network: NetworkSettings;
  onProgress(progress: JobProgress): void;
  onTablesChanged(tables: string[]): void;
  /** Tuning passed to every run (tests lower timeouts and retry waits). */
  http?: RunContext['init']['http'];
  spawn?: JobRunnerDeps['spawn'];
  maxConcurrent?: number;
}

export function createCollectService(deps: CollectServiceDeps): CollectService {
  const openCase = () => {
    const current = deps.cases.current();
    if (!current) throw new CoreError('no_case_open', 'Open a case first: collected evidence is stored in the case.');
    return current;
  };

  function toJob(row: JobRow): CollectJob {
    const params = JobParams.safeParse(JSON.parse(row.params));
    const source = CollectSourceId.parse(row.source);
    const ledger = deps.cases.read((db) => readLedgerWindows(db, row.id));
    const counts = windowCounts(ledger);
    const rejects = deps.cases.read((db) => readJobRejects(db, row.id));
    const range = params.success ? params.data.range : null;
    const startedMs = row.started_at ? Date.parse(row.started_at) : null;
    const endMs = row.finished_at ? Date.parse(row.finished_at) : deps.clock.now().getTime();
    const seconds = startedMs !== null ? Math.max(0.001, (endMs - startedMs) / 1000) : null;
    const settled = counts.complete + counts.gap + counts.failed;
    const left = counts.pending + counts.running;
    const eta = row.status === 'running' && seconds !== null && settled > 0 && left > 0 ? (seconds / settled) * left : null;
    return CollectJob.parse({
      id: row.id,
      source,
      label: collectSourceLabels[source],
      status: row.status,
      rangeStart: range?.startMs ?? null,
      rangeEnd: range?.endMs ?? null,
      params: params.success ? params.data : {},
      runs: row.runs,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      windows: counts,
      recordsFetched: row.records_fetched,
      recordsStored: row.records_stored,
      duplicates: Math.max(0, row.records_fetched - row.records_stored - rejects),
      throttledMs: row.throttled_ms,
      retries: row.retries,
      rate: seconds !== null && row.records_fetched > 0 ? row.records_fetched / seconds : null,
      etaSeconds: eta,
      note: row.progress_note,
      error: row.error,
    });
  }

  function readJob(jobId: number): CollectJob {
    const row = deps.cases.read((db) => readJobs(db, jobId))[0];
    if (!row) throw new CoreError('validation', `There is no collection job ${jobId} in this case.`);
    return toJob(row);
  }

  let lastProgress = new Map<number, number>();
  let lastEventsNotice = 0;
  function announce(jobId: number, status: JobStatus, note: string | null) {
    // Progress is an event per change, but at most about four a second per job while running.
    const now = Date.now();
    if (status === 'running' && now - (lastProgress.get(jobId) ?? 0) < 250) return;
    lastProgress.set(jobId, now);
    try {
      const job = readJob(jobId);
      deps.onProgress({
        jobId: String(jobId),
        kind: job.source,
        status: jobProgressStatus[job.status],
        done: job.windows.complete + job.windows.gap + job.windows.failed,
        total: job.windows.total,
        note: note ?? job.note ?? '',
      });
    } catch {
      // The case closed between the change and this read; the next open shows the job.
    }
    // New events matter to the timeline, but re-querying it four times a second per job would
    // only burn the reader: it hears of them every two seconds and when a job ends.
    const eventsDue = status !== 'running' || now - lastEventsNotice >= 2000;
    if (eventsDue) lastEventsNotice = now;
    deps.onTablesChanged(['collection_jobs', 'collection_windows', 'job_log', ...(eventsDue ? ['events'] : [])]);
  }

  async function sessionTarget(): Promise<{ target: JobTarget; identity: { account: string; tenantId: string; clientId: string }; network: NetworkSettings }> {
    const active = await deps.auth.active();
    const e = active.connection.profile.endpoints;
    const need = (v: string | null, what: string) => {
      if (!v) throw new CoreError('unsupported', `This cloud has no ${what} endpoint.`);
      return v;
    };
    const account = active.session.account;
    const demo = active.connection.demo;
    return {
      target: {
        graph: need(e.graph.value, 'Microsoft Graph'),
        exo: need(e.exo.value, 'Exchange Online'),
        mgmt: e.mgmt.value,
        arm: need(e.arm.value, 'Azure Resource Manager'),
        devopsVssps: e.devopsVssps.value,
        devopsAudit: e.devopsAudit.value,
        tenantId: account.tenantId,
        anchorUpn: account.username || null,
      },
      identity: { account: account.username, tenantId: account.tenantId, clientId: active.session.clientId },
      // The demo cloud's CA is trusted for it alone and it never goes through the proxy.
      network: demo ? { extraCaPems: demo.caCertPem ? [demo.caCertPem] : [] } : deps.network,
    };
  }

  const runner: JobRunner = createJobRunner({
    write: (op, args) => deps.cases.write(op, args),
    async prepare(job: RunnerJob): Promise<RunContext> {
      const current = openCase();
      const { target, identity, network } = await sessionTarget();
      const done = deps.cases
        .read((db) => readLedgerWindows(db, job.id))
        .filter((w) => w.status === 'complete')
        .map((w) => ({ channel: w.channel, startMs: w.start_ms, endMs: w.end_ms }));
      const writerPort = await deps.cases.attachWriter([...WORKER_WRITE_OPS]);
      return { init: { target, identity, network, rawDir: join(current.dir, CASE_RAW_DIR), writerPort, ...(deps.http ? { http: deps.http } : {}) }, done };
    },
    getToken: async (resource, forceRefresh) => (await deps.auth.getAccessToken(resource, { forceRefresh })).accessToken,
    clock: deps.clock,
    logger: deps.logger,
    onChange: announce,
    ...(deps.spawn ? { spawn: deps.spawn } : {}),
    ...(deps.maxConcurrent ? { maxConcurrent: deps.maxConcurrent } : {}),
  });

  function runnerJob(job: CollectJob): RunnerJob {
    return { id: job.id, source: job.source, params: JobParams.parse(job.params) };
  }

  const at = () => deps.clock.now().toISOString();
  /** Finding interrupted jobs when a case opens comes before any new start or resume. */
  let opening: Promise<unknown> = Promise.resolve();

  async function pauseAndResumeInterrupted(): Promise<number[]> {
    const { jobIds } = await deps.cases.write('collection.pauseInterrupted', { at: at() });
    if (jobIds.length === 0) return [];
    const status = await deps.auth.status();
    if (!status.signedIn) {
      for (const id of jobIds) await deps.cases.write('collection.jobLog', { jobId: id, level: 'warning', message: 'Sign in, then resume this job.', at: at() });
      return [];
    }
    for (const id of jobIds) {
      await deps.cases.write('collection.transitionJob', { id, status: 'queued', note: 'resuming after an interruption', at: at() });
      await deps.cases.write('collection.jobLog', { jobId: id, level: 'info', message: 'Resuming after the interruption', at: at() });
      runner.enqueue(runnerJob(readJob(id)));
    }
    deps.onTablesChanged(['collection_jobs', 'job_log']);
    return jobIds;
  }

  return {
    async options() {
      const status = await deps.auth.status();
      const run = deps.cases.current() ? deps.readiness.latest() : null;
      return sourceOptions(run, status.signedIn);
    },

    async start(request) {
      await opening;
      openCase();
      const status = await deps.auth.status();
      if (!status.signedIn || !status.session) throw new CoreError('not_signed_in', 'Sign in first: collection runs as the signed-in account.');
      let run = deps.readiness.latest();
      const notices: string[] = [];
      // Readiness decides what may start; a case without a run for this tenant gets one first.
      if (!run || run.tenantId !== status.session.account.tenantId) {
        run = await deps.readiness.run({});
        notices.push('Readiness was checked first for this tenant; the run is saved in the case.');
      }
      const plan = planCollection(request, run, deps.clock.now());
      const jobs: CollectJob[] = [];
      for (const planned of plan.jobs) {
        const params = JobParams.parse(planned.params);
        const { id } = await deps.cases.write('collection.queueJob', { source: planned.source, kind: `collect.${planned.source}`, params, at: at() });
        await deps.cases.write('collection.jobLog', { jobId: id, level: 'info', message: `Queued ${collectSourceLabels[planned.source]}${params.range ? ` ${new Date(params.range.startMs).toISOString()} – ${new Date(params.range.endMs).toISOString()}` : ''}`, at: at() });
        jobs.push(readJob(id));
      }
      await deps.cases.recordCustody('collection.started', {
        jobs: jobs.map((j) => ({ id: j.id, source: j.source, rangeStart: j.rangeStart, rangeEnd: j.rangeEnd })),
        refused: plan.refused,
        account: status.session.account.username,
        tenantId: status.session.account.tenantId,
      });
      for (const job of jobs) runner.enqueue(runnerJob(job));
      deps.onTablesChanged(['collection_jobs', 'job_log', 'custody_log']);
      return { jobs, refused: plan.refused, notices: [...notices, ...plan.notices] };
    },

    async jobs() {
      await opening;
      openCase();
      return deps.cases.read((db) => readJobs(db)).map(toJob);
    },

    async cancel(jobId) {
      await opening;
      openCase();
      const job = readJob(jobId);
      if (!runner.cancel(jobId)) throw new CoreError('validation', `Job ${jobId} is ${job.status}: only a queued or running job can be cancelled.`);
      return readJob(jobId);
    },

    async resume(jobId) {
      await opening;
      openCase();
      const job = readJob(jobId);
      if (runner.isActive(jobId)) throw new CoreError('busy', `Job ${jobId} is already ${job.status}.`);
      if (job.status === 'complete') throw new CoreError('validation', `Job ${jobId} is complete: nothing to resume.`);
      const status = await deps.auth.status();
      if (!status.signedIn) throw new CoreError('not_signed_in', 'Sign in first: the job resumes as the signed-in account.');
      await deps.cases.write('collection.transitionJob', { id: jobId, status: 'queued', note: 'queued to resume', at: at() });
      await deps.cases.write('collection.jobLog', { jobId, level: 'info', message: 'Queued to resume', at: at() });
      runner.enqueue(runnerJob(job));
      return readJob(jobId);
    },

    coverage(jobId) {
      openCase();
      const job = readJob(jobId);
      const rows = deps.cases.read((db) => readLedgerWindows(db, jobId));
      return coverageStrips(rows, job.rangeStart !== null && job.rangeEnd !== null ? { startMs: job.rangeStart, endMs: job.rangeEnd } : null);
    },

    log(jobId, afterId, limit) {
      openCase();
      return deps.cases.read((db) => readJobLog(db, jobId, afterId, limit)).map((r) => ({ id: r.id, jobId: r.job_id, at: r.at, level: r.level, message: r.message }));
    },

    caseOpened() {
      lastProgress = new Map();
      const p = pauseAndResumeInterrupted();
      opening = p.catch(() => undefined);
      return p;
    },

    beforeClose: () => runner.stopAll('the case was closed while collecting; resume when it is opened again'),
    idle: () => runner.idle(),
  };
}
