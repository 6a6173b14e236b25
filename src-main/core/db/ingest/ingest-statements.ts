import type { Database, Statement } from 'better-sqlite3';

/**
 * The ingest path's prepared statements, prepared once per connection: preparing costs more than
 * running, and the writer runs these millions of times.
 */
export interface IngestStatements {
  insertPage: Statement;
  /** An INSERT of `rows` events in one statement (see eventRowsPerStatement). */
  insertEvents(rows: number): Statement;
  insertReject: Statement;
  countWindow: Statement;
}

/** Bound per event, in this order. */
export const EVENT_COLUMNS = [
  'ts', 'ts_source', 'source', 'raw_format', 'record_id', 'workload', 'record_type', 'operation', 'result', 'result_code',
  'actor', 'actor_id', 'actor_type', 'ip', 'user_agent', 'app_id', 'app_name', 'target', 'session_id', 'correlation_id',
  'country', 'city', 'asn', 'params', 'raw', 'page_id', 'position',
] as const;

/**
 * Events per INSERT statement. Inside a transaction every statement that may fail half-way opens
 * a statement savepoint: SQLite copies each page the statement touches into a statement journal,
 * and the full-text index flushes its pending terms into a new segment, which later merges must
 * rewrite. One row per statement made those two costs most of ingest. 1,000 rows × 27 columns
 * stays under SQLite's 32,766 bound parameters.
 */
export const EVENTS_PER_STATEMENT = 1_000;

/**
 * Row counts a page's events are inserted in: whole statements of EVENTS_PER_STATEMENT, then the
 * remainder as powers of two (337 → 256, 64, 16, 1), so a connection prepares at most a dozen
 * statement shapes whatever the page sizes. Rows keep their order, so ids follow page positions.
 */
export function eventRowsPerStatement(events: number): number[] {
  const parts: number[] = [];
  let left = events;
  while (left >= EVENTS_PER_STATEMENT) {
    parts.push(EVENTS_PER_STATEMENT);
    left -= EVENTS_PER_STATEMENT;
  }
  for (let size = 512; size >= 1; size /= 2) {
    if (left >= size) {
      parts.push(size);
      left -= size;
    }
  }
  return parts;
}

const cache = new WeakMap<Database, IngestStatements>();

export function ingestStatements(db: Database): IngestStatements {
  let s = cache.get(db);
  if (!s) {
    const byRows = new Map<number, Statement>();
    const row = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;
    s = {
      insertPage: db.prepare(
        `INSERT INTO raw_pages (job_id, window_id, service, format, method, url, request_body, status, received_at,
           account, tenant_id, client_id, file_path, byte_size, sha256, compression, record_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEvents(rows) {
        let statement = byRows.get(rows);
        if (!statement) {
          // A duplicate (source, record_id) is skipped row by row, also within the same statement.
          statement = db.prepare(
            `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${new Array<string>(rows).fill(row).join(', ')}
             ON CONFLICT (source, record_id) DO NOTHING`,
          );
          byRows.set(rows, statement);
        }
        return statement;
      },
      insertReject: db.prepare('INSERT INTO page_rejects (page_id, position, field, message) VALUES (?, ?, ?, ?)'),
      countWindow: db.prepare(
        `UPDATE collection_windows SET fetched = fetched + ?, stored_unique = stored_unique + ?, updated_at = ? WHERE id = ?`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}
