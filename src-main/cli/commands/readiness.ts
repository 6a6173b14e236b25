import { readinessCheckLabels, ReadinessRun, type CheckStatus } from '../../../src-shared/domain/readiness.js';
import { createCliCore } from '../cli-core.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseOptions, required } from '../parse-options.js';
import { runGuarded } from '../run-guarded.js';
import { networkFromEnv } from './cli-network.js';
import { routeOrThrow, withOpenCase } from './with-open-case.js';

/**
 * `cirrus readiness`: runs every readiness check with the cached sign-in and saves the run in
 * the case. The matrix is words, not colours, so it survives logs and plain terminals.
 */
const WORD: Record<CheckStatus, string> = { ok: 'ok', warning: 'WARNING', blocked: 'BLOCKED', unknown: 'unknown', notApplicable: 'n/a' };

function printMatrix(run: ReadinessRun, io: CliIo): void {
  io.out(`Readiness of tenant ${run.tenantId} (${run.cloud}) as ${run.account}, ${run.finishedAt} (UTC)`);
  io.out('');
  const width = Math.max(...run.sources.map((s) => s.label.length));
  const cols = run.sources[0]?.checks.map((c) => readinessCheckLabels[c.check]) ?? [];
  io.out(`${'Source'.padEnd(width)}  ${cols.map((c) => c.padEnd(13)).join(' ')} Earliest    Rolls off`);
  for (const s of run.sources) {
    const earliest = s.history.earliestRecoverable?.slice(0, 10) ?? '-';
    const rolls = s.history.rollsOffInDays === null ? '-' : `${s.history.rollsOffInDays} d`;
    io.out(`${s.label.padEnd(width)}  ${s.checks.map((c) => WORD[c.status].padEnd(13)).join(' ')} ${earliest.padEnd(11)} ${rolls}`);
  }
  const problems = run.sources.flatMap((s) => s.checks.filter((c) => ['blocked', 'warning', 'unknown'].includes(c.status)).map((c) => ({ s, c })));
  if (problems.length) io.out('');
  for (const { s, c } of problems) {
    io.out(`${WORD[c.status]}  ${s.label} / ${readinessCheckLabels[c.check]}: ${c.summary}`);
    for (const f of c.findings) io.out(`    - ${f.subject}: ${f.detail}`);
    if (c.remediation) io.out(`    Fix: ${c.remediation}`);
  }
  io.out('');
  io.out(`Most urgent first: ${run.urgency.join(', ')}`);
  io.out(`Saved in the case as run ${run.runId}.`);
}

export const readinessCommand: CliCommand = {
  words: ['readiness'],
  summary: 'Check licences, permissions, audit settings and history per log source (saved in the case)',
  help: [
    'Usage: cirrus readiness --case DIR [--since DATE] [--json]',
    '',
    'Uses the cached sign-in (cirrus signin) to check, for every log source, the licence, the account\'s',
    'privileges, the tenant\'s audit settings and how far back data reaches. Only read calls are made.',
    'The run, with every call made and its answer, is saved into the case with a custody entry.',
    '  --case DIR     case folder',
    '  --since DATE   start of the period of interest (YYYY-MM-DD): reports when it rolls off per source',
    '  --json         print the whole run as JSON',
    '',
    'Example: npm run cirrus -- readiness --case ./cases/bec-01 --since 2025-03-01',
  ].join('\n'),
  run: (args, io) =>
    runGuarded(io, async () => {
      const o = parseOptions(args, { case: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' } });
      const dir = required(o.case, '--case');
      const core = createCliCore(io, { network: networkFromEnv(io.env) });
      return withOpenCase(core, dir, async () => {
        const run = ReadinessRun.parse(await routeOrThrow(core.route('readiness.run', o.since ? { periodStart: o.since } : {})));
        if (o.json) io.out(JSON.stringify(run, null, 2));
        else printMatrix(run, io);
        return 0;
      });
    }),
};
