import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { migration0005 } from './0005-collection-runs.js';

describe('migration 0005: collection runs', () => {
  it('applies on top of a version-4 case with a job, and keeps the job log append-only', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4), 'v4 case');
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO collection_jobs (kind, params, created_at, updated_at) VALUES ('ual', '{}', ?, ?)").run(at, at);
    expect(migrate(db, migrations, 'v4 case')).toEqual({ from: 4, to: migration0005.version });

    expect(db.prepare('SELECT runs, throttled_ms, retries, records_fetched, records_stored, source FROM collection_jobs').get()).toEqual({
      runs: 0, throttled_ms: 0, retries: 0, records_fetched: 0, records_stored: 0, source: null,
    });
    db.prepare("INSERT INTO job_log (job_id, at, level, message) VALUES (1, ?, 'info', 'started')").run(at);
    expect(() => db.prepare("UPDATE job_log SET message = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM job_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO job_log (job_id, at, level, message) VALUES (1, ?, 'debug', 'x')").run(at)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO mailbox_time_zones (mailbox, windows_zone, collected_at) VALUES ('A@x', 'UTC', ?)").run(at)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO snapshot_objects (job_id, kind, object_key, data, page_id, collected_at) VALUES (1, 'domain', 'x', '{}', 99, ?)").run(at)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
