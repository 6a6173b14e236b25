import type { ActorType, EventResult, EventSource, RawFormat } from '../../../../src-shared/domain/event.js';
import { encodeCursor, type TimelineCursor, type TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { TimelinePage, TimelineRow } from '../../../../src-shared/ipc/contract-timeline.js';
import { prepareCached, type ReadDb } from './timeline-statements.js';
import { buildWhere, type WhereOptions } from './timeline-where.js';

/**
 * Keyset pagination over `(ts, id)`: a page reads the rows strictly after (or before) a
 * position, never by OFFSET, so page 10,000 costs what page 1 does and rows inserted meanwhile
 * never shift a page. Backward pages read in descending order and are returned ascending.
 */

export interface PageRequest {
  filter: TimelineFilter;
  cursor?: TimelineCursor | undefined;
  /** Jump: the first page at or after this time (a forward read from `(at, 0)`). */
  at?: number | undefined;
  limit: number;
}

/** Every column but the raw record and params: a table row stays small. */
const ROW_COLUMNS = [
  'id', 'ts', 'ts_source', 'source', 'raw_format', 'record_id', 'workload', 'record_type', 'operation', 'result', 'result_code',
  'actor', 'actor_id', 'actor_type', 'ip', 'user_agent', 'app_id', 'app_name', 'target', 'session_id', 'correlation_id',
  'country', 'city', 'asn', 'page_id', 'position',
].map((c) => `e.${c}`).join(', ');

interface PageRow {
  id: number;
  ts: number;
  ts_source: string;
  source: string;
  raw_format: string;
  record_id: string;
  workload: string | null;
  record_type: string | null;
  operation: string;
  result: string | null;
  result_code: string | null;
  actor: string | null;
  actor_id: string | null;
  actor_type: string | null;
  ip: string | null;
  user_agent: string | null;
  app_id: string | null;
  app_name: string | null;
  target: string | null;
  session_id: string | null;
  correlation_id: string | null;
  country: string | null;
  city: string | null;
  asn: number | null;
  page_id: number;
  position: number;
}

/** The SQL of one page read; exported for the query-plan tests. */
export function pageSql(filter: TimelineFilter, direction: 'after' | 'before', keyset: boolean, options: WhereOptions = {}) {
  const where = buildWhere(filter, options);
  const terms = [where.sql];
  if (keyset) terms.push(direction === 'after' ? '(e.ts, e.id) > (?, ?)' : '(e.ts, e.id) < (?, ?)');
  const order = direction === 'after' ? 'e.ts, e.id' : 'e.ts DESC, e.id DESC';
  return { sql: `SELECT ${ROW_COLUMNS} FROM events e WHERE ${terms.join(' AND ')} ORDER BY ${order} LIMIT ?`, params: where.params };
}

/**
 * Stored enum columns are unconstrained in SQL only so new values need no table rebuild; rows
 * were validated at ingest, so reading them back as the shared types is sound.
 */
function toRow(r: PageRow): Omit<TimelineRow, 'bookmarked' | 'tags' | 'notes'> {
  const { page_id, position, ...rest } = r;
  return {
    ...rest,
    source: r.source as EventSource,
    raw_format: r.raw_format as RawFormat,
    result: r.result as EventResult | null,
    actor_type: r.actor_type as ActorType | null,
    page_ref: { page_id, position },
  };
}

/** Bookmark, tags and note count of each listed event (three indexed lookups for the page). */
export function annotateRows<T extends { id: number }>(db: ReadDb, rows: T[]): (T & { bookmarked: boolean; tags: string[]; notes: number })[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const marked = new Set(
    (prepareCached(db, 'SELECT event_id FROM bookmarks WHERE event_id IN (SELECT value FROM json_each(?))').pluck().all(ids) as number[]),
  );
  const tags = new Map<number, string[]>();
  const tagRows = prepareCached(db, 'SELECT event_id, tag FROM event_tags WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, tag').all(ids) as {
    event_id: number;
    tag: string;
  }[];
  for (const t of tagRows) tags.set(t.event_id, [...(tags.get(t.event_id) ?? []), t.tag]);
  const notes = new Map<number, number>();
  const noteRows = prepareCached(db, 'SELECT event_id, count(*) AS n FROM notes WHERE event_id IN (SELECT value FROM json_each(?)) GROUP BY event_id').all(ids) as {
    event_id: number;
    n: number;
  }[];
  for (const n of noteRows) notes.set(n.event_id, n.n);
  return rows.map((r) => ({ ...r, bookmarked: marked.has(r.id), tags: tags.get(r.id) ?? [], notes: notes.get(r.id) ?? 0 }));
}

export function readTimelinePage(db: ReadDb, request: PageRequest, options: WhereOptions = {}): Omit<TimelinePage, 'ranOn'> {
  const position: TimelineCursor | null = request.cursor ?? (request.at !== undefined ? { ts: request.at, id: 0, direction: 'after' } : null);
  const direction = position?.direction ?? 'after';
  const { sql, params } = pageSql(request.filter, direction, position !== null, options);
  const keyset = position ? [position.ts, position.id] : [];
  // One row more than asked says whether another page exists, without a count.
  const fetched = prepareCached(db, sql).all(...params, ...keyset, request.limit + 1) as PageRow[];
  const more = fetched.length > request.limit;
  const page = fetched.slice(0, request.limit);
  if (direction === 'before') page.reverse();
  const rows = annotateRows(db, page.map(toRow));
  const first = page[0];
  const last = page[page.length - 1];
  const at = (row: { ts: number; id: number } | undefined, dir: TimelineCursor['direction']) =>
    row ? encodeCursor({ ts: row.ts, id: row.id, direction: dir }) : position ? encodeCursor({ ts: position.ts, id: position.id, direction: dir }) : null;
  if (direction === 'after') {
    // A forward read from a position may have rows before it (the page it came from); from the start it has none.
    return { rows, next: more && last ? at(last, 'after') : null, prev: position ? at(first, 'before') : null };
  }
  return { rows, prev: more && first ? at(first, 'before') : null, next: at(last, 'after') };
}
