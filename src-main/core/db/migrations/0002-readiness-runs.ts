import type { Migration } from './migration.js';

/**
 * Readiness runs kept as evidence: when, as whom, against which tenant, and the whole matrix
 * with its calls. Append-only like the custody log, so a later run never overwrites what an
 * earlier one showed; the hash lets a custody entry name exactly which result it refers to.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'readiness-runs',
  up(db) {
    db.exec(`
      CREATE TABLE readiness_runs (
        seq INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        cloud TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        account TEXT NOT NULL,
        client_id TEXT NOT NULL,
        results TEXT NOT NULL CHECK (json_valid(results)),
        results_sha256 TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER readiness_runs_no_update BEFORE UPDATE ON readiness_runs
        BEGIN SELECT RAISE(ABORT, 'readiness_runs is append-only'); END;
      CREATE TRIGGER readiness_runs_no_delete BEFORE DELETE ON readiness_runs
        BEGIN SELECT RAISE(ABORT, 'readiness_runs is append-only'); END;
    `);
  },
};
