import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ReadinessRun } from '../../../src-shared/domain/readiness.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { readCustody } from './queries/custody.js';
import { readinessResultsJson, readLatestReadinessJson } from './queries/readiness.js';
import { writerOps } from './writer-ops.js';

const run = (runId: string): ReadinessRun => ({
  runId,
  startedAt: '2025-06-30T12:00:00.000Z',
  finishedAt: '2025-06-30T12:00:05.000Z',
  cloud: 'sim',
  tenantId: 't-1',
  account: 'responder@tailspin.example',
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  periodStart: null,
  sources: [],
  urgency: [],
});

describe('readiness runs in the case', () => {
  it('saves a run and its custody entry together, naming the stored hash; the newest is read back', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 'mem');
    const custody = { at: '2025-06-30T12:00:06.000Z', action: 'readiness.checked', examiner: 'E', toolVersion: 'v', detail: { runId: 'r1' } };
    const entry = writerOps['readiness.save'](db, { run: run('r1'), custody });
    expect(entry.detail).toEqual({ runId: 'r1', resultsSha256: readinessResultsJson(run('r1')).sha256 });
    writerOps['readiness.save'](db, { run: run('r2'), custody: { ...custody, detail: { runId: 'r2' } } });
    expect(JSON.parse(readLatestReadinessJson(db)?.results ?? 'null')).toMatchObject({ runId: 'r2' });
    expect(readCustody(db).chainIntact).toBe(true);
    expect(() => db.prepare("UPDATE readiness_runs SET account = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM readiness_runs').run()).toThrow(/append-only/);
    db.close();
  });

  it('writes neither the run nor the custody entry when one of them fails', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 'mem');
    const custody = { at: 't', action: 'readiness.checked', examiner: 'E', toolVersion: 'v', detail: {} };
    writerOps['readiness.save'](db, { run: run('same'), custody });
    expect(() => writerOps['readiness.save'](db, { run: run('same'), custody })).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM custody_log').get()).toEqual({ n: 1 });
    db.close();
  });
});
