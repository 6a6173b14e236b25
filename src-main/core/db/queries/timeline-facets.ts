import type { TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { Facet, FacetField, TimelineFacets } from '../../../../src-shared/ipc/contract-timeline.js';
import { prepareCached, type ReadDb } from './timeline-statements.js';
import { chooseTextPlan } from './timeline-access-plan.js';
import { buildWhere, filterKinds, type WhereOptions } from './timeline-where.js';

/** The column behind each facet. Each has an index `(column, ts)`, so a facet reads an index, not the wide table. */
const FACET_COLUMNS: Record<FacetField, string> = {
  actor: 'actor',
  ip: 'ip',
  operation: 'operation',
  country: 'country',
  app: 'app_id',
  source: 'source',
  result: 'result',
  workload: 'workload',
};

/** The SQL of one facet; exported for the query-plan tests. */
export function facetSql(field: FacetField, whereSql: string): string {
  const column = FACET_COLUMNS[field];
  // Null values are left out of the grouping (`IS NOT NULL` also lets the partial indexes serve
  // it); the windows give the distinct count and the rows with a value before LIMIT cuts.
  return (
    `SELECT value, n, sum(n) OVER () AS with_value, count(*) OVER () AS distinct_values FROM ` +
    `(SELECT e.${column} AS value, count(*) AS n FROM events e WHERE ${whereSql} AND e.${column} IS NOT NULL GROUP BY e.${column}) ` +
    `ORDER BY n DESC, value LIMIT ?`
  );
}

/** SQLite compares text by its UTF-8 bytes, which is code-point order; JavaScript's `<` compares UTF-16 units. */
function compareText(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * One pass over the matches counts every field and reads each matching row once. A grouped read
 * per field walks that field's `(column, ts)` index without reading rows, but only when the
 * filter is time and text alone (nothing else the index lacks), and it walks the whole index per
 * field, so it pays only when matches are many: a row read costs about thirty-four index steps.
 */
const ROW_READ_STEPS = 34;

function facetsInOnePass(db: ReadDb, where: { sql: string; params: unknown[] }, fields: readonly FacetField[], limit: number, total: number): Facet[] {
  const columns = fields.map((f) => `e.${FACET_COLUMNS[f]} AS ${f}`).join(', ');
  const counts = fields.map(() => new Map<string, number>());
  for (const row of prepareCached(db, `SELECT ${columns} FROM events e WHERE ${where.sql}`).iterate(...where.params) as Iterable<Record<string, unknown>>) {
    fields.forEach((f, i) => {
      const v = row[f];
      if (v !== null && v !== undefined) counts[i]!.set(String(v), (counts[i]!.get(String(v)) ?? 0) + 1);
    });
  }
  return fields.map((field, i) => {
    const map = counts[i] as Map<string, number>;
    const top = [...map].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, limit);
    const withValue = [...map.values()].reduce((a, b) => a + b, 0);
    return {
      field,
      values: top.map(([value, count]) => ({ value, label: field === 'app' ? appLabel(db, value) : null, count })),
      distinct: map.size,
      missing: total - withValue,
    };
  });
}

function facetByGroup(db: ReadDb, where: { sql: string; params: unknown[] }, field: FacetField, limit: number, total: number): Facet {
  const rows = prepareCached(db, facetSql(field, where.sql)).all(...where.params, limit) as {
    value: string | number;
    n: number;
    with_value: number;
    distinct_values: number;
  }[];
  return {
    field,
    values: rows.map((r) => ({ value: String(r.value), label: field === 'app' ? appLabel(db, String(r.value)) : null, count: r.n })),
    distinct: rows[0]?.distinct_values ?? 0,
    missing: total - (rows[0]?.with_value ?? 0),
  };
}

/** Top values per field among the events the filter matches, with how many have no value. */
export function readFacets(db: ReadDb, filter: TimelineFilter, fields: readonly FacetField[], limit: number, options: WhereOptions = {}): TimelineFacets {
  const where = buildWhere(filter, { ...options, textPlan: chooseTextPlan(db, filter, 'all') });
  const total = prepareCached(db, `SELECT count(*) FROM events e WHERE ${where.sql}`).pluck().get(...where.params) as number;
  const events = (prepareCached(db, 'SELECT max(id) FROM events').pluck().get() as number | null) ?? 0;
  const kinds = filterKinds(filter);
  const indexOnly = !kinds.has('other') && !kinds.has('sources');
  const onePass = !indexOnly || total * ROW_READ_STEPS < events * fields.length;
  const facets = onePass ? facetsInOnePass(db, where, fields, limit, total) : fields.map((f) => facetByGroup(db, where, f, limit, total));
  return { total, facets };
}

/** An app's display name as its latest event spells it (ids are what the filter uses; names are for people). */
function appLabel(db: ReadDb, appId: string): string | null {
  const name = prepareCached(db, 'SELECT app_name FROM events WHERE app_id = ? AND app_name IS NOT NULL ORDER BY ts DESC LIMIT 1').pluck().get(appId);
  return typeof name === 'string' ? name : null;
}
