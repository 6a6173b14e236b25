import { CollectJob, CollectRequest, collectSourceIds, type CollectStartResult } from '../../../src-shared/domain/collection.js';
import type { Core } from '../../core/create-core.js';
import { createCliCore } from '../cli-core.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseOptions, required } from '../parse-options.js';
import { runGuarded } from '../run-guarded.js';
import { networkFromEnv } from './cli-network.js';
import { routeOrThrow, withOpenCase } from './with-open-case.js';

/**
 * `cirrus collect`: starts one job per source with the cached sign-in and waits for them, printing
 * progress on stderr and a JSON summary on stdout. Jobs a killed run left behind resume on their
 * own when the case opens (or with --resume alone); windows already complete are not fetched again.
 */
const EXIT_INCOMPLETE = 4;

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

function summary(jobs: CollectJob[]) {
  return {
    complete: jobs.every((j) => j.status === 'complete'),
    sources: jobs.map((j) => ({
      job: j.id,
      source: j.source,
      status: j.status,
      runs: j.runs,
      windows: j.windows.total,
      complete: j.windows.complete,
      gaps: j.windows.gap,
      failed: j.windows.failed,
      fetched: j.recordsFetched,
      stored: j.recordsStored,
      dupes: j.duplicates,
      throttledMs: j.throttledMs,
      retries: j.retries,
      error: j.error,
    })),
  };
}

async function waitForJobs(core: Core, ids: Set<number>, io: CliIo): Promise<CollectJob[]> {
  let cancelled = false;
  const onStop = () => {
    if (cancelled) return;
    cancelled = true;
    io.err('Stopping: running jobs are cancelled; run collect --resume to continue them.');
    for (const id of ids) void core.route('collect.cancel', { jobId: id });
  };
  io.stopSignal.addEventListener('abort', onStop);
  let lastLine = '';
  try {
    for (;;) {
      const jobs = (CollectJob.array().parse(await routeOrThrow(core.route('collect.jobs', {})))).filter((j) => ids.has(j.id));
      const line = jobs
        .map((j) => `${j.source} ${j.status} ${j.windows.complete + j.windows.gap + j.windows.failed}/${j.windows.total} windows, ${j.recordsStored} stored${j.windows.gap ? `, ${j.windows.gap} gaps` : ''}`)
        .join(' | ');
      if (line !== lastLine) io.err(line);
      lastLine = line;
      if (jobs.every((j) => !['queued', 'running'].includes(j.status))) return jobs;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    io.stopSignal.removeEventListener('abort', onStop);
  }
}

export const collectCommand: CliCommand = {
  words: ['collect'],
  summary: 'Collect log sources into the case (background jobs, completeness ledger, resume)',
  help: [
    `Usage: cirrus collect --case DIR --sources ${collectSourceIds.join(',')} [--preset light:all|full|defender]`,
    '       [--from ISO] [--to ISO] [--users a,b] [--ips a,b] [--freetext T] [--channel exo_search|graph_audit_query]',
    '       [--opt-ins mailboxLogin,userLogin,deviceUpdate] [--subscriptions a,b] [--organizations a,b] [--audit-subset all|apps|devices]',
    '       cirrus collect --case DIR --resume',
    '',
    'Uses the cached sign-in (cirrus signin). Sources readiness finds blocked are refused with the reason;',
    'ranges are clamped to what can still be recovered. Progress goes to stderr, a JSON summary to stdout',
    '(per source: windows, gaps, failed, fetched, stored, dupes). Exit code 0 when every job is complete,',
    `${EXIT_INCOMPLETE} when a job ended with gaps, failures or was cancelled (resume it with --resume).`,
    '  --resume       only resume the case\'s unfinished jobs',
    '',
    'Example: npm run cirrus -- collect --case ./cases/bec-01 --sources ual,signins,audit --preset light:all --from 2025-03-01',
  ].join('\n'),
  run: (args, io) =>
    runGuarded(io, async () => {
      const o = parseOptions(args, {
        case: { type: 'string' },
        sources: { type: 'string' },
        preset: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        users: { type: 'string' },
        ips: { type: 'string' },
        freetext: { type: 'string' },
        channel: { type: 'string' },
        'opt-ins': { type: 'string' },
        subscriptions: { type: 'string' },
        organizations: { type: 'string' },
        'audit-subset': { type: 'string' },
        resume: { type: 'boolean' },
      });
      const dir = required(o.case, '--case');
      const core = createCliCore(io, { network: networkFromEnv(io.env) });
      return withOpenCase(core, dir, async () => {
        const ids = new Set<number>();
        const before = CollectJob.array().parse(await routeOrThrow(core.route('collect.jobs', {})));
        // Jobs resumed on their own when the case opened are followed too.
        for (const j of before) if (['queued', 'running'].includes(j.status)) ids.add(j.id);
        if (o.resume) {
          for (const j of before) {
            if (ids.has(j.id) || j.status === 'complete') continue;
            await routeOrThrow(core.route('collect.resume', { jobId: j.id }));
            ids.add(j.id);
          }
          if (ids.size === 0) io.err('Nothing to resume: every job of this case is complete.');
        } else {
          const request = CollectRequest.safeParse({
            sources: list(required(o.sources, '--sources')),
            ...(o.preset ? { preset: o.preset } : {}),
            ...(o.from ? { from: o.from } : {}),
            ...(o.to ? { to: o.to } : {}),
            users: list(o.users),
            ips: list(o.ips),
            ...(o.freetext ? { freeText: o.freetext } : {}),
            ...(o.channel ? { ualChannel: o.channel } : {}),
            optIns: list(o['opt-ins']),
            subscriptions: list(o.subscriptions),
            organizations: list(o.organizations),
            ...(o['audit-subset'] ? { auditSubset: o['audit-subset'] } : {}),
          });
          if (!request.success) {
            const first = request.error.issues[0];
            io.err(`collect: ${first ? `${first.path.join('.') || 'options'}: ${first.message}` : 'invalid options'}`);
            return 2;
          }
          const started = (await routeOrThrow(core.route('collect.start', request.data))) as CollectStartResult;
          for (const n of started.notices) io.err(`notice: ${n}`);
          for (const r of started.refused) io.err(`refused: ${r.source}: ${r.reason}`);
          for (const j of started.jobs) ids.add(j.id);
        }
        const jobs = ids.size ? await waitForJobs(core, ids, io) : [];
        const result = summary(jobs);
        io.out(JSON.stringify(result, null, 2));
        return result.complete ? 0 : EXIT_INCOMPLETE;
      });
    }),
};
