import Database from 'better-sqlite3';
import { migrate } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';

export const SYNTHETIC_START = 1767225600000;

/**
 * A migrated case database (file or memory) with `count` small events spread over sources,
 * operations, actors, addresses, apps and sessions, one every 37 s, with statistics (ANALYZE)
 * as the writer's `PRAGMA optimize` leaves them. Built in one statement: fast enough for plan
 * and cancellation tests that need many rows but not realistic records.
 */
export function createSyntheticEvents(path: string, count: number): Database.Database {
  const db = new Database(path);
  migrate(db, migrations, 'synthetic case');
  db.prepare(
    `INSERT INTO raw_pages (service, format, method, url, received_at, file_path, byte_size, sha256, compression, record_count)
     VALUES ('import', 'signin.graph', 'GET', 'https://graph.microsoft.com/v1.0/auditLogs/signIns', '2026-01-01T00:00:00.000Z', 'p/1.json', 1, ?, 'none', ?)`,
  ).run('0'.repeat(64), count);
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
     INSERT INTO events (ts, ts_source, source, raw_format, record_id, workload, record_type, operation, result, actor, ip, app_id,
                         session_id, correlation_id, country, params, raw, page_id, position)
     SELECT ? + i * 37000, 'x',
            CASE i % 5 WHEN 0 THEN 'ual' WHEN 1 THEN 'signin' WHEN 2 THEN 'directory_audit' WHEN 3 THEN 'azure_activity' ELSE 'devops_audit' END,
            'signin.graph', 'r' || i, 'w' || (i % 7), 't', 'op' || (i % 40), CASE WHEN i % 9 = 0 THEN 'failure' ELSE 'success' END,
            'user' || (i % 300) || '@contoso.example', '10.0.' || (i % 50) || '.' || (i % 200), 'app' || (i % 20),
            's' || (i % 2000), 'c' || (i % 5000), CASE WHEN i % 3 = 0 THEN 'GB' END, '{}', '{"i":' || i || '}', 1, i
     FROM n`,
  ).run(count, SYNTHETIC_START);
  db.exec('ANALYZE');
  return db;
}
