import type { ActorType, EventResult, EventSource, RawFormat } from '../../../../src-shared/domain/event.js';
import { encodeCursor, type TimelineCursor, type TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { TimelinePage, TimelineRow } from '../../../../src-shared/ipc/contract-timeline.js';
import { prepareCached, type ReadDb } from './timeline-statements.js';
import { chooseIpPlan, chooseTextPlan } from './timeline-access-plan.js';
import { buildWhere, type WhereOptions } from './timeline-where.js';
import type { EventRow } from './events.js';

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

/** A timeline page reads every events column but the heavy ones (params, raw). */
type PageRow = Omit<EventRow, 'params' | 'raw'>;

/** Fields whose include list may be split into one ordered read per value (each has a `(column, ts)` index). */
const SPLITTABLE = ['sources', 'workloads', 'operations', 'actors', 'apps', 'results', 'sessionIds', 'correlationIds'] as const;
/** More values than this and one sorted read is cheaper than merging many. */
const SPLIT_MAX = 8;

/**
 * The include list to split, if any: `actor IN (a, b)` cannot be read from the `(actor, ts)`
 * index in time order, so SQLite sorts every matching row before taking a page. One read per
 * value (`actor = a`, `actor = b`), each in index order and limited, merged by time, costs at
 * most values × limit rows instead. Not when another field pins one value: that index already
 * gives time order.
 */
function splitField(filter: TimelineFilter): (typeof SPLITTABLE)[number] | null {
  if (SPLITTABLE.some((f) => filter[f].include.length === 1)) return null;
  let best: (typeof SPLITTABLE)[number] | null = null;
  for (const f of SPLITTABLE) {
    const n = filter[f].include.length;
    if (n >= 2 && n <= SPLIT_MAX && (best === null || n < filter[best].include.length)) best = f;
  }
  return best;
}

/**
 * The SQL of one page read (ids and times only; the rows are fetched by id afterwards, so a sort
 * never carries whole rows). Exported for the query-plan tests.
 */
export function pageSql(filter: TimelineFilter, direction: 'after' | 'before', keyset: boolean, options: WhereOptions = {}) {
  const inner = direction === 'after' ? 'e.ts, e.id' : 'e.ts DESC, e.id DESC';
  const outer = direction === 'after' ? 'ts, id' : 'ts DESC, id DESC';
  const read = (f: TimelineFilter) => {
    const where = buildWhere(f, options);
    const terms = [where.sql];
    if (keyset) terms.push(direction === 'after' ? '(e.ts, e.id) > (?, ?)' : '(e.ts, e.id) < (?, ?)');
    return { sql: `SELECT e.id AS id, e.ts AS ts FROM events e WHERE ${terms.join(' AND ')} ORDER BY ${inner} LIMIT ?`, params: where.params };
  };
  const field = splitField(filter);
  if (field === null) {
    const one = read(filter);
    return { sql: one.sql, armParams: [one.params], merged: false };
  }
  const arms = filter[field].include.map((value) => read({ ...filter, [field]: { include: [value], exclude: filter[field].exclude } }));
  return {
    sql: `${arms.map((a) => `SELECT * FROM (${a.sql})`).join(' UNION ALL ')} ORDER BY ${outer} LIMIT ?`,
    armParams: arms.map((a) => a.params),
    merged: true,
  };
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

const ROWS_BY_ID = `SELECT ${ROW_COLUMNS} FROM events e WHERE e.id IN (SELECT value FROM json_each(?))`;

/** The key query of a page with its arguments, text plan chosen: what readTimelinePage runs (and the plan tests explain). */
export function pageStatement(db: ReadDb, request: PageRequest, options: WhereOptions = {}) {
  const position: TimelineCursor | null = request.cursor ?? (request.at !== undefined ? { ts: request.at, id: 0, direction: 'after' } : null);
  const direction = position?.direction ?? 'after';
  const textPlan = options.textPlan ?? chooseTextPlan(db, request.filter, { limit: request.limit });
  const ipPlan = options.ipPlan ?? chooseIpPlan(db, request.filter, request.limit);
  const { sql, armParams, merged } = pageSql(request.filter, direction, position !== null, { ...options, textPlan, ipPlan });
  const keyset = position ? [position.ts, position.id] : [];
  // One row more than asked says whether another page exists, without a count.
  const take = request.limit + 1;
  return { sql, args: [...armParams.flatMap((p) => [...p, ...keyset, take]), ...(merged ? [take] : [])], position, direction };
}

export function explainPage(db: ReadDb, request: PageRequest, options: WhereOptions = {}): string[] {
  const { sql, args } = pageStatement(db, request, options);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

export function readTimelinePage(db: ReadDb, request: PageRequest, options: WhereOptions = {}): Omit<TimelinePage, 'ranOn'> {
  const { sql, args, position, direction } = pageStatement(db, request, options);
  const keys = prepareCached(db, sql).all(...args) as { id: number; ts: number }[];
  const more = keys.length > request.limit;
  const pageKeys = keys.slice(0, request.limit);
  if (direction === 'before') pageKeys.reverse();
  const byId = new Map((prepareCached(db, ROWS_BY_ID).all(JSON.stringify(pageKeys.map((k) => k.id))) as PageRow[]).map((r) => [r.id, r]));
  const rows = annotateRows(db, pageKeys.map((k) => toRow(byId.get(k.id) as PageRow)));
  const first = pageKeys[0];
  const last = pageKeys[pageKeys.length - 1];
  const at = (row: { ts: number; id: number } | undefined, dir: TimelineCursor['direction']) =>
    row ? encodeCursor({ ts: row.ts, id: row.id, direction: dir }) : position ? encodeCursor({ ts: position.ts, id: position.id, direction: dir }) : null;
  if (direction === 'after') {
    // A forward read from a position may have rows before it (the page it came from); from the start it has none.
    return { rows, next: more && last ? at(last, 'after') : null, prev: position ? at(first, 'before') : null };
  }
  return { rows, prev: more && first ? at(first, 'before') : null, next: at(last, 'after') };
}
