import { cidrContains, ipValue, parseCidr } from '../../../../src-shared/domain/ip-cidr.js';
import { isCidrValue, type TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { FacetField } from '../../../../src-shared/ipc/contract-timeline.js';
import type { EventRow } from '../../db/queries/events.js';
import type { ReadDb } from '../../db/queries/timeline-statements.js';
import { termPhrases } from '../../db/queries/timeline-fts.js';

/**
 * The plain reference the query engine is tested against: every event loaded into memory and
 * the filter applied in JavaScript, field by field, as the filter model describes it. No SQL,
 * no index, no FTS — so a wrong translation in the engine shows up as a difference.
 */

export interface RefEvent extends EventRow {
  bookmarked: boolean;
  tags: Set<string>;
  /** Token lists of the full-text columns, as the unicode61 tokenizer (remove_diacritics) splits them. */
  columns: string[][];
}

/** unicode61 with remove_diacritics: letters and digits are tokens, case and accents folded. */
export function tokens(text: string | null): string[] {
  if (text === null) return [];
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .filter((t) => t !== '');
}

/** Every string value of a JSON document in document order (what the index's raw_text column holds). */
function jsonStrings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out);
  return out;
}

export function loadReference(db: ReadDb): RefEvent[] {
  const rows = db.prepare('SELECT * FROM events ORDER BY ts, id').all() as EventRow[];
  const marked = new Set(db.prepare('SELECT event_id FROM bookmarks').pluck().all() as number[]);
  const tags = new Map<number, Set<string>>();
  for (const t of db.prepare('SELECT event_id, tag FROM event_tags').all() as { event_id: number; tag: string }[]) {
    tags.set(t.event_id, (tags.get(t.event_id) ?? new Set()).add(t.tag));
  }
  return rows.map((r) => {
    const params = Object.entries(JSON.parse(r.params) as Record<string, string>).map(([k, v]) => `${k} ${v}`).join(' ');
    const raw = jsonStrings(JSON.parse(r.raw), []).join(' ');
    const columns = [r.operation, r.actor, r.target, r.user_agent, params, raw].map(tokens);
    return { ...r, bookmarked: marked.has(r.id), tags: tags.get(r.id) ?? new Set(), columns };
  });
}

const containsRun = (haystack: string[], needle: string[]) =>
  needle.length > 0 && haystack.some((_, i) => needle.every((t, k) => haystack[i + k] === t));

/** A term matches when each of its phrases occurs as a run of tokens inside one column. */
function termMatches(e: RefEvent, term: string): boolean {
  const phrases = termPhrases(term).map(tokens).filter((p) => p.length > 0);
  return phrases.length > 0 && phrases.every((p) => e.columns.some((c) => containsRun(c, p)));
}

function ipMatches(ip: string | null, value: string): boolean {
  if (ip === null) return false;
  if (!isCidrValue(value)) return ip === value;
  const block = parseCidr(value);
  const v = ipValue(ip);
  return block !== null && v !== null && cidrContains(block, v);
}

const COLUMN_OF = {
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

export function refMatches(f: TimelineFilter, e: RefEvent): boolean {
  if (f.from !== undefined && e.ts < f.from) return false;
  if (f.to !== undefined && e.ts >= f.to) return false;
  for (const [field, column] of Object.entries(COLUMN_OF) as [keyof typeof COLUMN_OF, keyof EventRow][]) {
    const value = e[column] as string | null;
    const { include, exclude } = f[field] as { include: string[]; exclude: string[] };
    if (include.length > 0 && (value === null || !include.includes(value))) return false;
    if (value !== null && exclude.includes(value)) return false;
  }
  if (f.ips.include.length > 0 && !f.ips.include.some((v) => ipMatches(e.ip, v))) return false;
  if (f.ips.exclude.some((v) => ipMatches(e.ip, v))) return false;
  // Terms without a single letter or digit search nothing and are ignored.
  const searchable = (terms: string[]) => terms.filter((t) => termPhrases(t).some((p) => tokens(p).length > 0));
  if (!searchable(f.text.include).every((t) => termMatches(e, t))) return false;
  if (searchable(f.text.exclude).some((t) => termMatches(e, t))) return false;
  if (f.bookmarked !== undefined && e.bookmarked !== f.bookmarked) return false;
  if (f.tagged !== undefined && e.tags.size > 0 !== f.tagged) return false;
  if (f.tags.include.length > 0 && !f.tags.include.some((t) => e.tags.has(t))) return false;
  if (f.tags.exclude.some((t) => e.tags.has(t))) return false;
  return true;
}

const FACET_COLUMN: Record<FacetField, keyof EventRow> = {
  actor: 'actor',
  ip: 'ip',
  operation: 'operation',
  country: 'country',
  app: 'app_id',
  source: 'source',
  result: 'result',
  workload: 'workload',
};

/** Top values by count, ties by value (byte order, as SQLite compares text). */
export function refFacet(events: RefEvent[], field: FacetField, limit: number) {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const e of events) {
    const v = e[FACET_COLUMN[field]] as string | number | null;
    if (v === null) missing += 1;
    else counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  const values = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
  return { values, distinct: counts.size, missing };
}
