import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CollectJob, CollectSourceId, CollectStartResult } from '../../../src-shared/domain/collection.js';
import type { ReadinessRun } from '../../../src-shared/domain/readiness.js';
import type { CommandName } from '../../../src-shared/ipc/contract.js';
import { startSmallSimulator } from '../auth/testing/sim-fixture.js';
import { createCore, type Core } from '../create-core.js';
import { expectedMatrix } from '../readiness/testing/expected-matrix.js';
import { makeTempDir, makeTestPorts } from '../testing/test-ports.js';
import { getProfile } from '../../sim/profiles.js';
import { readinessSourceOf } from './jobs/collect-plan.js';

/**
 * Tenants where something is missing (no licence, no role, auditing switched off): the sources
 * readiness finds blocked refuse to start, each with readiness's own reason, and every other
 * source still collects to completion. Which sources must refuse comes from the profile's
 * definition (the expected readiness matrix), not from the collector's code.
 */
const DAY = 86_400_000;
const TIMED: CollectSourceId[] = ['ual', 'signins', 'audit', 'azure', 'devops'];

async function call<T>(core: Core, name: CommandName, input: unknown = {}): Promise<T> {
  const r = await core.route(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('collection on tenants with missing licences, roles or audit settings', () => {
  const tmp = makeTempDir('cirrus-collect-profiles-');
  afterAll(() => tmp.cleanup());

  it.each(['free', 'no-global-reader', 'ual-disabled'] as const)('profile %s: blocked sources refuse with the readiness reason, the others collect', { timeout: 180_000 }, async (name) => {
    const root = join(tmp.dir, name);
    const sim = await startSmallSimulator(join(root, 'sim'), name, { faults: 'rate:off', days: 1, scale: 0.02 });
    const core = createCore(makeTestPorts(root));
    try {
      await call(core, 'case.create', { dir: join(root, 'case'), name, examiner: 'Examiner E' });
      await call(core, 'auth.signIn', { cloud: 'sim', method: 'deviceCode', demo: { baseUrl: sim.baseUrl, caCertPath: sim.caCertPath } });
      const expected = expectedMatrix(getProfile(name), sim.dataset);
      const mustRefuse = TIMED.filter((s) => {
        const id = readinessSourceOf(s, 'exo_search');
        return id !== null && expected[id].statuses.includes('blocked');
      });
      expect(mustRefuse.length, 'the profile blocks something').toBeGreaterThan(0);

      const from = new Date(Date.parse(sim.dataset.anchor) - 2 * DAY).toISOString();
      const started = await call<CollectStartResult>(core, 'collect.start', { sources: TIMED, from, preset: 'full', ualChannel: 'exo_search' });
      expect(started.refused.map((r) => r.source).sort()).toEqual([...mustRefuse].sort());
      const run = await call<ReadinessRun>(core, 'readiness.latest');
      for (const refusal of started.refused) {
        const cell = run.sources.find((s) => s.source === readinessSourceOf(refusal.source, 'exo_search'));
        const blocked = cell?.checks.find((c) => c.status === 'blocked');
        expect(refusal.reason, refusal.source).toContain(blocked?.summary ?? '(no blocked check)');
      }
      expect(started.jobs.map((j) => j.source).sort()).toEqual(TIMED.filter((s) => !mustRefuse.includes(s)).sort());

      // The options the Collect page shows agree: the same sources disabled, with the reason.
      const options = await call<{ sources: { source: CollectSourceId; available: boolean; blockedReason: string | null }[] }>(core, 'collect.options');
      for (const s of mustRefuse) expect(options.sources.find((o) => o.source === s)?.available, s).toBe(false);

      const until = Date.now() + 150_000;
      let jobs: CollectJob[] = [];
      do {
        await new Promise((r) => setTimeout(r, 100));
        jobs = await call<CollectJob[]>(core, 'collect.jobs');
      } while (jobs.some((j) => ['queued', 'running'].includes(j.status)) && Date.now() < until);
      for (const j of jobs) expect({ source: j.source, status: j.status, error: j.error }).toEqual({ source: j.source, status: 'complete', error: null });
    } finally {
      await core.shutdown();
      await sim.close();
    }
  });
});
