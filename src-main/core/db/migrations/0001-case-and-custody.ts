import type { Migration } from './migration.js';

/**
 * The case itself and its custody log. The custody log is append-only, enforced by triggers in
 * the database so that no code path (ours or a later bug) can rewrite history.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'case-and-custody',
  up(db) {
    db.exec(`
      CREATE TABLE case_meta (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        case_id TEXT NOT NULL,
        name TEXT NOT NULL,
        examiner TEXT NOT NULL,
        tenant_label TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_with TEXT NOT NULL
      ) STRICT;

      CREATE TABLE custody_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        examiner TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
        BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END;
      CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
        BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END;
      CREATE TRIGGER case_meta_no_delete BEFORE DELETE ON case_meta
        BEGIN SELECT RAISE(ABORT, 'case_meta cannot be deleted'); END;
    `);
  },
};
