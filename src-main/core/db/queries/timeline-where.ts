import { cidrTextRange, parseCidr } from '../../../../src-shared/domain/ip-cidr.js';
import { isCidrValue, type TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import { matchAll, matchAny } from './timeline-fts.js';

/**
 * TimelineFilter → the WHERE clause over `events e`. Only fixed fragments are assembled (column
 * names come from the table below, never from input); every value is a bound parameter.
 *
 * CIDR blocks: each block becomes a text range over the normalised `ip` spelling that the
 * `events_ip_ts` index can serve (`10.1.` ≤ ip < `10.1/` for 10.1.0.0/16) — exact for
 * octet-aligned IPv4 blocks and group-aligned IPv6 blocks whose leading groups are non-zero —
 * refined by the registered function `cirrus_ip_in_cidr(ip, block)` where the text range is
 * only an over-approximation (10.16.0.0/12, 2001:db8:0::/48, ::/0). Text ranges alone cannot be
 * exact: dotted-decimal and RFC 5952 text do not sort numerically, and `::` compression hides
 * zero groups. A function alone would test every event with an address on a large case.
 */

export const IP_IN_CIDR_FUNCTION = 'cirrus_ip_in_cidr';
/** Checkpoint for cooperative cancellation (see timeline-reader-worker.ts); 1 to continue. */
export const TICK_FUNCTION = 'cirrus_tick';

/** List fields that are plain equality on one indexed column. */
const COLUMNS = {
  sources: 'source',
  workloads: 'workload',
  operations: 'operation',
  actors: 'actor',
  apps: 'app_id',
  results: 'result',
  countries: 'country',
  sessionIds: 'session_id',
  correlationIds: 'correlation_id',
} as const;
type ColumnField = keyof typeof COLUMNS;
const columnFields = Object.keys(COLUMNS) as ColumnField[];

export interface WhereClause {
  /** Conditions joined with AND; `1` when the filter matches everything. */
  sql: string;
  params: unknown[];
  /** True when the query needs `cirrus_ip_in_cidr` registered on the connection. */
  needsIpFunction: boolean;
}

export interface WhereOptions {
  /**
   * Adds a cancellation checkpoint evaluated for about one row in 4096 scanned. Placed first so
   * it runs before the other terms can reject a row; only for connections that register it.
   */
  tick?: boolean;
  /**
   * How included text is joined (see timeline-access-plan.ts): `drive` lets the full-text matches
   * drive the query (row lookups per match: best when matches are few), `probe` makes it a
   * membership test while an index on the events is walked (best when matches are many).
   */
  textPlan?: 'drive' | 'probe';
  /** The same choice for included addresses and blocks (pages only; see timeline-access-plan.ts). */
  ipPlan?: 'drive' | 'probe';
}

const placeholders = (n: number) => new Array<string>(n).fill('?').join(', ');

function inList(column: string, values: readonly unknown[], params: unknown[], ref = `e.${column}`): string {
  params.push(...values);
  return values.length === 1 ? `${ref} = ?` : `${ref} IN (${placeholders(values.length)})`;
}

/**
 * Matches any of the addresses and blocks; null-valued `ip` yields NULL, so callers wrap it.
 * `probe` writes the column as `+e.ip`, which the planner cannot use as an index: the page then
 * walks the time index and tests each row (see chooseIpPlan).
 */
function ipMatch(values: readonly string[], params: unknown[], probe = false): { sql: string; needsFunction: boolean } {
  const ip = probe ? '+e.ip' : 'e.ip';
  const exact = values.filter((v) => !isCidrValue(v));
  const parts: string[] = [];
  let needsFunction = false;
  if (exact.length > 0) parts.push(inList('ip', exact, params, ip));
  for (const text of values.filter(isCidrValue)) {
    const block = parseCidr(text);
    if (!block) throw new Error(`filter holds an unparsed CIDR block ${text}`);
    const range = cidrTextRange(block);
    const terms: string[] = [];
    if (range) {
      terms.push(`${ip} >= ?`, `${ip} < ?`);
      params.push(range.low, range.high);
    }
    if (!range?.exact) {
      terms.push(`${IP_IN_CIDR_FUNCTION}(e.ip, ?)`);
      params.push(block.text);
      needsFunction = true;
    }
    parts.push(`(${terms.join(' AND ')})`);
  }
  return { sql: parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`, needsFunction };
}

export function buildWhere(filter: TimelineFilter, options: WhereOptions = {}): WhereClause {
  const terms: string[] = [];
  const params: unknown[] = [];
  let needsIpFunction = false;

  if (options.tick) terms.push(`(CASE WHEN (e.id & 4095) = 0 THEN ${TICK_FUNCTION}() ELSE 1 END)`);
  if (filter.from !== undefined) {
    terms.push('e.ts >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    terms.push('e.ts < ?');
    params.push(filter.to);
  }
  for (const field of columnFields) {
    const { include, exclude } = filter[field];
    const column = COLUMNS[field];
    if (include.length > 0) terms.push(inList(column, include, params));
    if (exclude.length > 0) {
      const sub: unknown[] = [];
      const match = inList(column, exclude, sub);
      terms.push(`(e.${column} IS NULL OR NOT ${match})`);
      params.push(...sub);
    }
  }
  if (filter.ips.include.length > 0) {
    const m = ipMatch(filter.ips.include, params, options.ipPlan === 'probe');
    terms.push(m.sql);
    needsIpFunction ||= m.needsFunction;
  }
  if (filter.ips.exclude.length > 0) {
    const m = ipMatch(filter.ips.exclude, params);
    terms.push(`(e.ip IS NULL OR NOT ${m.sql})`);
    needsIpFunction ||= m.needsFunction;
  }
  const include = matchAll(filter.text.include);
  if (include !== null) {
    // `+e.id` is not a column reference for the planner, so it cannot drive the scan: a membership probe.
    terms.push(`${options.textPlan === 'probe' ? '+e.id' : 'e.id'} IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`);
    params.push(include);
  }
  const exclude = matchAny(filter.text.exclude);
  if (exclude !== null) {
    terms.push('e.id NOT IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)');
    params.push(exclude);
  }
  if (filter.bookmarked !== undefined) terms.push(`e.id ${filter.bookmarked ? '' : 'NOT '}IN (SELECT event_id FROM bookmarks)`);
  if (filter.tagged !== undefined) terms.push(`e.id ${filter.tagged ? '' : 'NOT '}IN (SELECT event_id FROM event_tags)`);
  if (filter.tags.include.length > 0) {
    terms.push(`e.id IN (SELECT event_id FROM event_tags WHERE tag IN (${placeholders(filter.tags.include.length)}))`);
    params.push(...filter.tags.include);
  }
  if (filter.tags.exclude.length > 0) {
    terms.push(`e.id NOT IN (SELECT event_id FROM event_tags WHERE tag IN (${placeholders(filter.tags.exclude.length)}))`);
    params.push(...filter.tags.exclude);
  }
  return { sql: terms.length > 0 ? terms.join(' AND ') : '1', params, needsIpFunction };
}

/**
 * True when a page query is served by one index in (ts, id) order and reads at most `limit`
 * rows: a time range plus at most one field with exactly one included value, nothing excluded,
 * no text, no CIDR and no work-product condition. Such pages may run on the main thread
 * (`EXPLAIN QUERY PLAN` is asserted in the tests); everything else goes to the reader thread.
 */
export function isIndexBackedPage(filter: TimelineFilter): boolean {
  let constrained = 0;
  for (const field of [...columnFields, 'ips', 'text', 'tags'] as const) {
    const { include, exclude } = filter[field];
    if (exclude.length > 0) return false;
    if (include.length === 0) continue;
    if (field === 'text' || field === 'tags' || include.length > 1) return false;
    if (field === 'ips' && isCidrValue(include[0] as string)) return false;
    constrained += 1;
  }
  return constrained <= 1 && filter.bookmarked === undefined && filter.tagged === undefined;
}

/**
 * Which kinds of condition a filter has: `time`, `sources`, `text`, and `other` for anything
 * else. Aggregates use it to tell whether a narrow covering index (`(source, ts)`,
 * `(column, ts)`) can answer without reading event rows.
 */
export function filterKinds(filter: TimelineFilter): Set<'time' | 'sources' | 'text' | 'other'> {
  const kinds = new Set<'time' | 'sources' | 'text' | 'other'>();
  if (filter.from !== undefined || filter.to !== undefined) kinds.add('time');
  if (filter.sources.include.length + filter.sources.exclude.length > 0) kinds.add('sources');
  if (filter.text.include.length + filter.text.exclude.length > 0) kinds.add('text');
  const others = [...columnFields.filter((f) => f !== 'sources'), 'ips', 'tags'] as const;
  if (others.some((f) => filter[f].include.length + filter[f].exclude.length > 0) || filter.bookmarked !== undefined || filter.tagged !== undefined) {
    kinds.add('other');
  }
  return kinds;
}
