import type { TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { Facet, FacetField, TimelineFacets } from '../../../../src-shared/ipc/contract-timeline.js';
import { prepareCached, type ReadDb } from './timeline-statements.js';
import { buildWhere, type WhereOptions } from './timeline-where.js';

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

/** Top values per field among the events the filter matches, with how many have no value. */
export function readFacets(db: ReadDb, filter: TimelineFilter, fields: readonly FacetField[], limit: number, options: WhereOptions = {}): TimelineFacets {
  const where = buildWhere(filter, options);
  const total = prepareCached(db, `SELECT count(*) FROM events e WHERE ${where.sql}`).pluck().get(...where.params) as number;
  const facets: Facet[] = fields.map((field) => {
    const rows = prepareCached(db, facetSql(field, where.sql)).all(...where.params, limit) as {
      value: string | number;
      n: number;
      with_value: number;
      distinct_values: number;
    }[];
    const withValue = rows[0]?.with_value ?? 0;
    return {
      field,
      values: rows.map((r) => ({ value: String(r.value), label: field === 'app' ? appLabel(db, String(r.value)) : null, count: r.n })),
      distinct: rows[0]?.distinct_values ?? 0,
      missing: total - withValue,
    };
  });
  return { total, facets };
}

/** An app's display name as its latest event spells it (ids are what the filter uses; names are for people). */
function appLabel(db: ReadDb, appId: string): string | null {
  const name = prepareCached(db, 'SELECT app_name FROM events WHERE app_id = ? AND app_name IS NOT NULL ORDER BY ts DESC LIMIT 1').pluck().get(appId);
  return typeof name === 'string' ? name : null;
}
