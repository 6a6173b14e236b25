import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectJob, CoverageStrip } from '../../../src-shared/domain/collection.js';
import type { CommandName } from '../../../src-shared/ipc/contract.js';
import type { SimSource } from '../../sim/data/types.js';
import type { RunningSimulator } from '../../sim/start-simulator.js';
import { startSmallSimulator } from '../auth/testing/sim-fixture.js';
import { createCore, type Core } from '../create-core.js';
import { CASE_DB_FILE } from '../db/case-files.js';
import { makeTempDir, makeTestPorts } from '../testing/test-ports.js';

/**
 * Collection as the app runs it: the real core, the real MSAL sign-in, one worker thread per job,
 * writes forwarded to the case writer. Every source's stored events equal the simulated tenant's
 * ground truth, every job ends complete, the coverage strips are complete end to end, and the
 * job log and counts say what happened.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function call<T>(core: Core, name: CommandName, input: unknown = {}): Promise<T> {
  const r = await core.route(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function waitForJobs(core: Core, timeoutMs = 120_000): Promise<CollectJob[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await call<CollectJob[]>(core, 'collect.jobs');
    if (jobs.every((j) => !['queued', 'running'].includes(j.status))) return jobs;
    if (Date.now() > until) throw new Error(`jobs still running: ${JSON.stringify(jobs.map((j) => [j.source, j.status, j.note]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SOURCES: [string, SimSource, string][] = [
  ['ual', 'ual', 'ual'],
  ['signins', 'signins', 'signin'],
  ['audit', 'directoryAudits', 'directory_audit'],
  ['azure', 'azureActivity', 'azure_activity'],
  ['devops', 'devopsAudit', 'devops_audit'],
];

describe('collect jobs in worker threads against the simulated tenant', () => {
  const tmp = makeTempDir('cirrus-collect-svc-');
  let sim: RunningSimulator;
  let core: Core;
  const caseDir = join(tmp.dir, 'case');

  /** Events in the case per source, read beside the running core (WAL lets a reader in). */
  const storedBySource = (): Record<string, number> => {
    const db = new Database(join(caseDir, CASE_DB_FILE), { readonly: true });
    try {
      const rows = db.prepare('SELECT source, count(*) AS n FROM events GROUP BY source').all() as { source: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.source, r.n]));
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    // Graph audit queries finish within the collector's first poll, so waiting stays short.
    sim = await startSmallSimulator(join(tmp.dir, 'sim'), 'e5', { faults: 'rate:off', days: 2, scale: 0.03, limits: { auditQueryStartMs: 0, auditQueryRunMs: 1000 } });
    core = createCore(makeTestPorts(tmp.dir));
    await call(core, 'case.create', { dir: caseDir, name: 'collect', examiner: 'Examiner E' });
    await call(core, 'auth.signIn', { cloud: 'sim', method: 'deviceCode', demo: { baseUrl: sim.baseUrl, caCertPath: sim.caCertPath } });
  });
  afterAll(async () => {
    await core?.shutdown();
    await sim?.close();
    tmp.cleanup();
  });

  it('collects every source to the ground truth, each job complete with a complete coverage strip', async () => {
    const anchor = Date.parse(sim.dataset.anchor);
    // A staff member's mailbox (the responder's own account has none).
    const mailbox = sim.dataset.users.find((u) => u.accountKind === 'member' && u.userPrincipalName !== sim.dataset.signedInUser.userPrincipalName)!.userPrincipalName;
    const from = new Date(anchor - (sim.dataset.days + 1) * DAY).toISOString();
    const started = await call<{ jobs: CollectJob[]; refused: unknown[]; notices: string[] }>(core, 'collect.start', {
      sources: [...SOURCES.map(([s]) => s), 'tenant', 'mailbox'],
      from,
      preset: 'full',
      users: [mailbox],
    });
    expect(started.refused).toEqual([]);
    expect(started.jobs.map((j) => j.source).sort()).toEqual([...SOURCES.map(([s]) => s), 'tenant', 'mailbox'].sort());

    const jobs = await waitForJobs(core);
    for (const job of jobs) {
      const why = (await call<{ level: string; message: string }[]>(core, 'collect.log', { jobId: job.id })).filter((l) => l.level !== 'info').map((l) => l.message);
      expect({ source: job.source, status: job.status, error: job.error, why }).toEqual({ source: job.source, status: 'complete', error: null, why: [] });
    }

    const stored = storedBySource();
    for (const [, simSource, eventSource] of SOURCES) {
      const job = jobs.find((j) => SOURCES.find(([s]) => s === j.source)?.[1] === simSource) as CollectJob;
      expect(stored[eventSource], eventSource).toBe(sim.dataset.groundTruth.totals[simSource]);
      expect(job.windows.gap + job.windows.failed + job.windows.pending + job.windows.running, eventSource).toBe(0);
      const strips = await call<CoverageStrip[]>(core, 'collect.coverage', { jobId: job.id });
      expect(strips.length, eventSource).toBeGreaterThan(0);
      for (const strip of strips) {
        expect(strip.segments.map((s) => s.status), `${eventSource} ${strip.channel}`).toEqual(['complete']);
      }
      const log = await call<{ message: string }[]>(core, 'collect.log', { jobId: job.id });
      expect(log.map((l) => l.message).join('\n')).toMatch(/Run finished: \d+ windows complete, 0 gaps, 0 failed/);
    }
    // The snapshot read every part, the mailbox search found nothing the full UAL job had not, and
    // the searched mailbox's own time zone is on record for the timeline.
    const zones = await call<{ mailbox: string; windowsZone: string }[]>(core, 'timeline.timeZones');
    expect(zones.map((z) => z.mailbox)).toContain(mailbox.toLowerCase());
    const mailboxJob = jobs.find((j) => j.source === 'mailbox') as CollectJob;
    expect(mailboxJob.recordsFetched).toBeGreaterThan(0);
    expect(mailboxJob.recordsStored).toBe(0);
    expect(mailboxJob.duplicates).toBe(mailboxJob.recordsFetched);
    const tenantJob = jobs.find((j) => j.source === 'tenant') as CollectJob;
    expect(tenantJob.windows.complete).toBeGreaterThan(10);
  }, 180_000);

  it('collects the same log again through Graph audit-log queries: every record found, none stored twice', async () => {
    const anchor = Date.parse(sim.dataset.anchor);
    const from = new Date(anchor - (sim.dataset.days + 1) * DAY).toISOString();
    const started = await call<{ jobs: CollectJob[] }>(core, 'collect.start', { sources: ['ual'], from, preset: 'full', ualChannel: 'graph_audit_query' });
    const job = started.jobs[0] as CollectJob;
    const done = (await waitForJobs(core)).find((j) => j.id === job.id) as CollectJob;
    expect({ status: done.status, error: done.error }).toEqual({ status: 'complete', error: null });
    expect(done.recordsFetched).toBe(sim.dataset.groundTruth.totals.ual);
    expect(done.recordsStored).toBe(0);
    const strips = await call<CoverageStrip[]>(core, 'collect.coverage', { jobId: job.id });
    expect(strips.map((s) => s.channel)).toEqual(['graph_audit_query.full']);
  }, 180_000);

  it('cancels a running job, keeps what it proved, and resumes it to the end without fetching a complete window again', async () => {
    const anchor = Date.parse(sim.dataset.anchor);
    const from = new Date(anchor - (sim.dataset.days + 1) * DAY).toISOString();
    // Exchange slowed to two requests a second, so the job is caught half way.
    sim.setFaults('rate:off,rate:exo=2/1s');
    const started = await call<{ jobs: CollectJob[] }>(core, 'collect.start', { sources: ['ual'], from, preset: 'light:all' });
    const id = (started.jobs[0] as CollectJob).id;
    let job: CollectJob;
    do {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call<CollectJob[]>(core, 'collect.jobs')).find((j) => j.id === id) as CollectJob;
    } while (job.windows.complete < 3);
    await call(core, 'collect.cancel', { jobId: id });
    job = (await waitForJobs(core)).find((j) => j.id === id) as CollectJob;
    expect(job.status).toBe('cancelled');
    const provedBefore = job.windows.complete;
    expect(provedBefore).toBeGreaterThanOrEqual(3);
    const strips = await call<CoverageStrip[]>(core, 'collect.coverage', { jobId: id });
    expect(strips.flatMap((s) => s.segments.map((g) => g.status))).toContain('pending');

    sim.setFaults('rate:off');
    await call(core, 'collect.resume', { jobId: id });
    job = (await waitForJobs(core)).find((j) => j.id === id) as CollectJob;
    expect({ status: job.status, runs: job.runs, error: job.error }).toEqual({ status: 'complete', runs: 2, error: null });
    const after = await call<CoverageStrip[]>(core, 'collect.coverage', { jobId: id });
    expect(after.flatMap((s) => s.segments.map((g) => g.status))).toEqual(['complete']);
    const log = (await call<{ message: string }[]>(core, 'collect.log', { jobId: id })).map((l) => l.message).join('\n');
    expect(log).toMatch(/Stopped: cancelled by the examiner/);
    expect(log).toMatch(new RegExp(`Run started; ${provedBefore} windows already complete are kept`));
  }, 180_000);

  it('refuses to cancel a finished job and to resume a complete one, with the reason', async () => {
    const jobs = await call<CollectJob[]>(core, 'collect.jobs');
    const done = jobs[0] as CollectJob;
    const cancel = await core.route('collect.cancel', { jobId: done.id });
    expect(cancel.ok ? null : cancel.error.message).toMatch(/only a queued or running job can be cancelled/);
    const resume = await core.route('collect.resume', { jobId: done.id });
    expect(resume.ok ? null : resume.error.message).toMatch(/complete: nothing to resume/);
    const missing = await core.route('collect.coverage', { jobId: 9999 });
    expect(missing.ok ? null : missing.error.message).toMatch(/no collection job 9999/);
  });
});
