import { createHash } from 'node:crypto';
import { ReadinessRun, type ReadinessRunInput } from '../../../src-shared/domain/readiness.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import type { AuthService } from '../auth/auth-service.js';
import type { CaseService } from '../cases/case-service.js';
import { readLatestReadinessJson } from '../db/queries/readiness.js';
import type { RetryOptions } from '../net/retry.js';
import type { Clock } from '../ports.js';
import { runReadiness } from './run-readiness.js';

/**
 * Readiness as the rest of core uses it: run against the signed-in tenant, keep every run in
 * the open case with a custody entry (one transaction), read the newest back.
 */
export interface ReadinessService {
  run(input: ReadinessRunInput): Promise<ReadinessRun>;
  latest(): ReadinessRun | null;
}

export interface ReadinessServiceDeps {
  auth: AuthService;
  cases: CaseService;
  clock: Clock;
  toolVersion: string;
  onSaved(): void;
  retry?: RetryOptions;
}

export function createReadinessService(deps: ReadinessServiceDeps): ReadinessService {
  let running = false;
  return {
    async run(input) {
      const current = deps.cases.current();
      if (!current) throw new CoreError('no_case_open', 'Open a case first: every readiness run is saved into the case as evidence.');
      if (running) throw new CoreError('busy', 'A readiness check is already running.');
      running = true;
      try {
        const session = await deps.auth.active();
        const periodStart = input.periodStart ? new Date(input.periodStart) : null;
        const run = ReadinessRun.parse(await runReadiness({ session, now: () => deps.clock.now(), ...(deps.retry ? { retry: deps.retry } : {}) }, periodStart));
        const byStatus = (status: string) => run.sources.filter((s) => s.overall === status).map((s) => s.source);
        await deps.cases.write('readiness.save', {
          run,
          custody: {
            at: deps.clock.now().toISOString(),
            action: 'readiness.checked',
            examiner: current.meta.examiner,
            toolVersion: deps.toolVersion,
            detail: {
              runId: run.runId,
              account: run.account,
              tenantId: run.tenantId,
              cloud: run.cloud,
              clientId: run.clientId,
              blocked: byStatus('blocked'),
              warning: byStatus('warning'),
              unknown: byStatus('unknown'),
            },
          },
        });
        deps.onSaved();
        return run;
      } finally {
        running = false;
      }
    },

    latest() {
      const stored = deps.cases.read(readLatestReadinessJson);
      if (!stored) return null;
      // A stored run is evidence: it must still be exactly what was written.
      const actual = createHash('sha256').update(stored.results).digest('hex');
      if (actual !== stored.sha256) throw new CoreError('case_corrupt', 'The newest readiness run in this case does not match its recorded hash: the case file was altered.');
      const parsed = ReadinessRun.safeParse(JSON.parse(stored.results));
      if (!parsed.success) throw new CoreError('case_corrupt', 'The newest readiness run in this case cannot be read by this build.');
      return parsed.data;
    },
  };
}
