import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadinessRun } from '../../../src-shared/domain/readiness.js';
import type { AppEvent } from '../../../src-shared/ipc/contract.js';
import type { RunningSimulator } from '../../sim/start-simulator.js';
import { startSmallSimulator } from '../auth/testing/sim-fixture.js';
import { createCore, type Core } from '../create-core.js';
import { makeTempDir, makeTestPorts } from '../testing/test-ports.js';

/** Readiness through the core's contract: run, saved as evidence, read back, tampering noticed. */
describe('readiness.run / readiness.latest against the simulated cloud', () => {
  const tmp = makeTempDir();
  const caseDir = join(tmp.dir, 'case');
  const events: AppEvent[] = [];
  let sim: RunningSimulator;
  let core: Core;
  const call = async (name: string, input: unknown = {}) => {
    const r = await core.route(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };

  beforeAll(async () => {
    sim = await startSmallSimulator(join(tmp.dir, 'sim-state'), 'e3');
    core = createCore(makeTestPorts(tmp.dir, { demoCloud: { baseUrl: sim.baseUrl, caCertPem: sim.caCertPem } }));
    core.onEvent((e) => events.push(e));
    await call('case.create', { dir: caseDir, name: 'Readiness', examiner: 'Examiner E' });
    // The host started this simulator, so the sign-in needs no address.
    await call('auth.signIn', { cloud: 'sim', method: 'deviceCode' });
  });
  afterAll(async () => {
    await core?.shutdown();
    await sim?.close();
    tmp.cleanup();
  });

  it('saves each run into the case, announces it, and reads the newest back unchanged', async () => {
    expect(await call('readiness.latest')).toBeNull();
    const periodStart = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const run = ReadinessRun.parse(await call('readiness.run', { periodStart }));
    expect(run.periodStart).toBe(`${periodStart}T00:00:00.000Z`);
    expect(run.sources.find((s) => s.source === 'managementApi')?.checks[3]?.status).toBe('blocked');
    expect(run.sources.find((s) => s.source === 'entraSignIns')?.history.rollsOffInDays).toBeGreaterThanOrEqual(19);
    expect(events.some((e) => e.name === 'db.changed' && e.payload.tables.includes('readiness_runs'))).toBe(true);
    expect(await call('readiness.latest')).toEqual(run);
    const second = ReadinessRun.parse(await call('readiness.run'));
    expect(second.runId).not.toBe(run.runId);
    expect(ReadinessRun.parse(await call('readiness.latest')).runId).toBe(second.runId);
  });

  it('refuses to present a stored run that was altered after it was written', async () => {
    await call('case.close');
    const db = new Database(join(caseDir, 'case.sqlite'));
    // Someone with a raw SQLite tool: drop the guard, rewrite the result, keep the old hash.
    db.exec('DROP TRIGGER readiness_runs_no_update');
    const changed = db.prepare("UPDATE readiness_runs SET results = json_set(results, '$.account', 'someone.else@example.test') WHERE seq = (SELECT max(seq) FROM readiness_runs)").run();
    expect(changed.changes).toBe(1);
    db.close();
    await call('case.open', { dir: caseDir });
    const r = await core.route('readiness.latest', {});
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'case_corrupt', message: expect.stringMatching(/does not match its recorded hash/) });
  });
});
