import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CollectJob } from '../../src-shared/domain/collection.js';
import type { CommandName } from '../../src-shared/ipc/contract.js';
import { createCore, type Core } from '../../src-main/core/create-core.js';
import { CASE_DB_FILE } from '../../src-main/core/db/case-files.js';
import { generateDataset } from '../../src-main/sim/data/generate.js';
import type { FigureContext, Scenario } from '../harness/types.js';

/**
 * Collection against a rate-limited simulated tenant, as the app runs it: the real core, the real
 * MSAL sign-in, the job in its worker thread, pages hashed and stored, events normalised and
 * indexed. The simulator runs in its own process (so its data is not counted in Cirrus's memory)
 * with the Exchange bucket limited to a fixed rate; the figure reports how much of that rate the
 * collector used (successful requests per second ÷ the limit's requests per second) and how the
 * process's RSS moved while the events came in (sampled from the OS every half second).
 */
const DAY = 86_400_000;
const root = join(import.meta.dirname, '..', '..');

interface SimInfo {
  baseUrl: string;
  caCertPath: string;
  groundTruthPath: string;
}

function startSim(ctx: FigureContext, faults: string): Promise<{ child: ChildProcess; info: SimInfo }> {
  const args = [
    '--import', 'tsx', join(root, 'src-main', 'cli', 'main.ts'), 'sim',
    '--seed', '5', '--profile', 'e5', '--days', String(ctx.size.days), '--scale', String(scaleOf(ctx)),
    '--auto-approve', '--faults', faults, '--state-dir', join(ctx.workDir, 'sim-state'),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, info: JSON.parse(line) as SimInfo });
    });
    child.on('exit', (code) => reject(new Error(`simulator exited (${code}): ${err.slice(-500)}`)));
  });
}

const scaleOf = (ctx: FigureContext) => (JSON.parse(readFileSync(join(ctx.workDir, 'scale.json'), 'utf8')) as { scale: number }).scale;

async function call<T>(core: Core, name: CommandName, input: unknown = {}): Promise<T> {
  const r = await core.route(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export const collectScenario: Scenario = {
  name: 'collect',
  description: 'UAL collection from a rate-limited simulator: use of the rate limit, and RSS while events arrive',
  // Rates are requests per second on the Exchange bucket; each request brings up to 1,000 records.
  sizes: { quick: { ual: 20_000, days: 1, rate: 10 }, full: { ual: 1_000_000, days: 1, rate: 4 } },
  async setup(ctx) {
    // Volume grows linearly with scale; a small run over the same days gives the slope.
    const days = ctx.size.days ?? 1;
    // The simulator's tenant ends at the current hour (weekdays and weekends differ in volume), so the probe does too.
    const anchor = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const probe = generateDataset({ seed: 5, profile: 'e5', days, scale: 2, anchor });
    writeFileSync(join(ctx.workDir, 'scale.json'), JSON.stringify({ scale: ((ctx.size.ual ?? 0) * 2) / probe.ual.length }));
  },
  figures: [
    {
      id: 'cirrus-collect',
      label: 'Cirrus collects the UAL (job in a worker thread, evidence + normalise + indexes)',
      role: 'subject',
      maxRuns: 1,
      async run(ctx) {
        const rate = ctx.size.rate ?? 4;
        const { child, info } = await startSim(ctx, `rate:off,rate:exo=${rate}/1s`);
        const caseDir = join(ctx.workDir, 'case');
        rmSync(caseDir, { recursive: true, force: true });
        const config = join(ctx.workDir, 'config');
        rmSync(config, { recursive: true, force: true });
        mkdirSync(config, { recursive: true });
        const logger = { info: () => {}, warn: () => {}, error: (m: string, f?: unknown) => process.stderr.write(`${m} ${JSON.stringify(f)}\n`) };
        const core = createCore({
          mode: 'cli',
          version: 'bench',
          platform: process.platform,
          paths: { configDir: config, defaultCasesDir: ctx.workDir },
          dialogs: { supported: false, pickFolder: async () => null },
          browser: { open: async () => false },
          logger,
        });
        try {
          await call(core, 'case.create', { dir: caseDir, name: 'collect bench', examiner: 'Bench' });
          await call(core, 'auth.signIn', { cloud: 'sim', method: 'deviceCode', demo: { baseUrl: info.baseUrl, caCertPath: info.caCertPath } });
          const truth = JSON.parse(readFileSync(info.groundTruthPath, 'utf8')) as { anchor: string; totals: { ual: number }; countsByHour: { ual: Record<string, number> } };
          const from = new Date(Date.parse(truth.anchor) - ((ctx.size.days ?? 1) + 1) * DAY).toISOString();
          const started = await call<{ jobs: CollectJob[] }>(core, 'collect.start', { sources: ['ual'], preset: 'full', from });
          const jobId = started.jobs[0]?.id;
          if (jobId === undefined) throw new Error('no job started');

          const samples: { stored: number; rss: number }[] = [];
          let job: CollectJob | undefined;
          for (;;) {
            job = (await call<CollectJob[]>(core, 'collect.jobs')).find((j) => j.id === jobId);
            samples.push({ stored: job?.recordsStored ?? 0, rss: process.memoryUsage().rss });
            if (job && !['queued', 'running'].includes(job.status)) break;
            await new Promise((r) => setTimeout(r, 500));
          }
          if (!job || job.status !== 'complete') throw new Error(`collection ended ${job?.status}: ${job?.error}`);
          if (job.recordsStored !== truth.totals.ual) throw new Error(`stored ${job.recordsStored} of ${truth.totals.ual} UAL records`);
          if (job.windows.gap + job.windows.failed > 0) throw new Error(`${job.windows.gap} gaps and ${job.windows.failed} failed windows`);
          await core.shutdown();

          const db = new Database(join(caseDir, CASE_DB_FILE), { readonly: true });
          const pages = db.prepare("SELECT count(*) FROM raw_pages WHERE service = 'exo' AND job_id = ?").pluck().get(jobId) as number;
          db.close();
          const seconds = (Date.parse(job.finishedAt ?? '') - Date.parse(job.startedAt ?? '')) / 1000;
          const achieved = pages / seconds;
          // RSS once a tenth of the events are in (past start-up) and once nine tenths are.
          const at = (share: number) => samples.find((s) => s.stored >= share * job!.recordsStored)?.rss ?? 0;
          return {
            notes: {
              events: job.recordsStored,
              // Hours over Exchange's 50,000-record session cap had to be split to be proven complete.
              busiestHour: Math.max(...Object.values(truth.countsByHour.ual)),
              windowsSplit: job.windows.split,
              exoRequests: pages,
              throttledMs: job.throttledMs,
              limitRps: rate,
              achievedRps: Number(achieved.toFixed(2)),
              useOfLimitPct: Number(((achieved / rate) * 100).toFixed(1)),
              rssAt10pctMb: mb(at(0.1)),
              rssAt90pctMb: mb(at(0.9)),
              rssGrowthMb: mb(at(0.9) - at(0.1)),
              rssMaxMb: mb(Math.max(...samples.map((s) => s.rss))),
            },
          };
        } finally {
          await core.shutdown().catch(() => {});
          child.kill('SIGTERM');
        }
      },
    },
  ],
  comparisons: [],
};
