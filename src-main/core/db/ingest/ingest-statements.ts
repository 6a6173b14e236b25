import type { Database, Statement } from 'better-sqlite3';

/**
 * The ingest path's prepared statements, prepared once per connection: preparing costs more than
 * running, and the writer runs these millions of times.
 */
export interface IngestStatements {
  insertPage: Statement;
  insertEvent: Statement;
  insertReject: Statement;
  countWindow: Statement;
}

const cache = new WeakMap<Database, IngestStatements>();

export function ingestStatements(db: Database): IngestStatements {
  let s = cache.get(db);
  if (!s) {
    s = {
      insertPage: db.prepare(
        `INSERT INTO raw_pages (job_id, window_id, service, format, method, url, request_body, status, received_at,
           account, tenant_id, client_id, file_path, byte_size, sha256, compression, record_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (ts, ts_source, source, raw_format, record_id, workload, record_type, operation, result, result_code,
           actor, actor_id, actor_type, ip, user_agent, app_id, app_name, target, session_id, correlation_id,
           country, city, asn, params, raw, page_id, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source, record_id) DO NOTHING`,
      ),
      insertReject: db.prepare('INSERT INTO page_rejects (page_id, position, field, message) VALUES (?, ?, ?, ?)'),
      countWindow: db.prepare(
        `UPDATE collection_windows SET fetched = fetched + ?, stored_unique = stored_unique + ?, updated_at = ? WHERE id = ?`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}
