import type { Migration } from './migration.js';

/**
 * What collection jobs need beyond the window ledger of 0003:
 *
 * - Run bookkeeping on `collection_jobs`: the log family it collects, how often it was started
 *   (a resume is a new run of the same job), throttled time and retries, record counts, and
 *   start/finish times. Counts are the job's own totals over all its runs; windows keep theirs.
 * - `job_log`: the lines a responder reads on the Collect page (window split, gap, throttled,
 *   resumed after an interruption). Append-only: it is part of the account of how evidence was
 *   acquired.
 * - `snapshot_objects`: the tenant configuration snapshot, one row per object (a domain, an
 *   application, a mailbox's inbox rule...), each pointing at the raw page it was read from.
 * - `mailbox_time_zones`: a mailbox's own time zone (Get-MailboxRegionalConfiguration), so the
 *   timeline can show mailbox-local times beside UTC, with the page that proves it.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'collection-runs',
  up(db) {
    db.exec(`
      ALTER TABLE collection_jobs ADD COLUMN source TEXT;
      ALTER TABLE collection_jobs ADD COLUMN runs INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE collection_jobs ADD COLUMN started_at TEXT;
      ALTER TABLE collection_jobs ADD COLUMN finished_at TEXT;
      ALTER TABLE collection_jobs ADD COLUMN throttled_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE collection_jobs ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE collection_jobs ADD COLUMN records_fetched INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE collection_jobs ADD COLUMN records_stored INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE job_log (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES collection_jobs (id),
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        message TEXT NOT NULL CHECK (length(message) > 0)
      ) STRICT;
      CREATE INDEX job_log_job ON job_log (job_id, id);
      CREATE TRIGGER job_log_no_update BEFORE UPDATE ON job_log
        BEGIN SELECT RAISE(ABORT, 'job_log is append-only'); END;
      CREATE TRIGGER job_log_no_delete BEFORE DELETE ON job_log
        BEGIN SELECT RAISE(ABORT, 'job_log is append-only'); END;

      CREATE TABLE snapshot_objects (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES collection_jobs (id),
        kind TEXT NOT NULL CHECK (length(kind) > 0),
        object_key TEXT NOT NULL CHECK (length(object_key) > 0),
        data TEXT NOT NULL CHECK (json_valid(data)),
        page_id INTEGER NOT NULL REFERENCES raw_pages (id),
        collected_at TEXT NOT NULL,
        UNIQUE (job_id, kind, object_key)
      ) STRICT;
      CREATE INDEX snapshot_objects_kind ON snapshot_objects (kind, object_key);

      CREATE TABLE mailbox_time_zones (
        mailbox TEXT PRIMARY KEY CHECK (mailbox = lower(mailbox) AND length(mailbox) > 0),
        windows_zone TEXT NOT NULL CHECK (length(windows_zone) > 0),
        page_id INTEGER REFERENCES raw_pages (id),
        collected_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
