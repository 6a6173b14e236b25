import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ReadinessRun } from '../../../../src-shared/domain/readiness.js';

/**
 * Readiness runs in the case. The run is stored whole as JSON (it is evidence, read back as it
 * was written); the columns beside it are what a reader filters on without parsing it.
 */
export function readinessResultsJson(run: ReadinessRun): { json: string; sha256: string } {
  const json = JSON.stringify(run);
  return { json, sha256: createHash('sha256').update(json).digest('hex') };
}

export function insertReadinessRun(db: Database, run: ReadinessRun): { seq: number; sha256: string } {
  const { json, sha256 } = readinessResultsJson(run);
  const info = db
    .prepare(
      `INSERT INTO readiness_runs (run_id, started_at, finished_at, cloud, tenant_id, account, client_id, results, results_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(run.runId, run.startedAt, run.finishedAt, run.cloud, run.tenantId, run.account, run.clientId, json, sha256);
  return { seq: Number(info.lastInsertRowid), sha256 };
}

/** The newest run's stored JSON (unparsed: the caller validates it), or null. */
export function readLatestReadinessJson(db: Database): { results: string; sha256: string } | null {
  const row = db.prepare('SELECT results, results_sha256 FROM readiness_runs ORDER BY seq DESC LIMIT 1').get() as { results: string; results_sha256: string } | undefined;
  return row ? { results: row.results, sha256: row.results_sha256 } : null;
}
