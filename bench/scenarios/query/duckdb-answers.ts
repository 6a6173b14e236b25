import { createRequire } from 'node:module';
import { FACET_FIELDS, pageFilter, type Answer, type FacetName, type QueryParams, type QuestionId } from './questions.js';

/**
 * DuckDB answering the questions the way a responder who was handed the NDJSON dump would: each
 * question reads the file with read_ndjson (nothing loaded or indexed beforehand). The columns
 * are named so DuckDB does not sample the file to guess them, and the record stays one JSON
 * value for the free-text search.
 */
/** Null when the DuckDB package and its native library load here, otherwise why not. */
export function duckdbUnavailable(): string | null {
  try {
    createRequire(import.meta.url)('@duckdb/node-api');
    return null;
  } catch (e) {
    return `@duckdb/node-api cannot be loaded here (${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)})`;
  }
}

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

function source(ndjson: string): string {
  const columns = "{id: 'BIGINT', ts: 'BIGINT', source: 'VARCHAR', operation: 'VARCHAR', actor: 'VARCHAR', ip: 'VARCHAR', raw: 'JSON'}";
  return `read_ndjson(${quoted(ndjson)}, columns = ${columns})`;
}

export interface DuckdbPeer {
  ask(id: QuestionId, params: QueryParams): Promise<Answer>;
  close(): void;
}

export async function openDuckdb(ndjson: string): Promise<DuckdbPeer> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const from = source(ndjson);
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowsJS();

  return {
    async ask(id, params) {
      const single = pageFilter(id, params);
      if (single) {
        const result = await rows(`SELECT id FROM ${from} WHERE ${single.field} = ${quoted(single.value)} ORDER BY ts, id LIMIT ${params.limit}`);
        return { kind: 'page', ids: result.map((r) => Number(r[0])) };
      }
      if (id === 'text') {
        const needle = quoted(params.text.toLowerCase());
        const result = await rows(`SELECT id FROM ${from} WHERE contains(lower(CAST(raw AS VARCHAR)), ${needle}) ORDER BY ts, id LIMIT ${params.limit}`);
        return { kind: 'page', ids: result.map((r) => Number(r[0])) };
      }
      if (id === 'histogram') {
        const b = params.bucketMs;
        const result = await rows(`SELECT (ts // ${b}) * ${b} AS start, count(*) FROM ${from} GROUP BY start ORDER BY start`);
        return { kind: 'histogram', buckets: result.map((r): [number, number] => [Number(r[0]), Number(r[1])]) };
      }
      // One pass over the file for the three facets, ranked per field afterwards.
      const result = await rows(
        `SELECT actor, ip, operation, count(*) AS n FROM ${from} GROUP BY GROUPING SETS ((actor), (ip), (operation))`,
      );
      const top = {} as Record<FacetName, [string, number][]>;
      FACET_FIELDS.forEach((field, column) => {
        const others = FACET_FIELDS.map((_, i) => i).filter((i) => i !== column);
        const counts = result
          .filter((r) => r[column] !== null && others.every((i) => r[i] === null))
          .map((r): [string, number] => [String(r[column]), Number(r[3])]);
        counts.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        top[field] = counts.slice(0, params.facetLimit);
      });
      return { kind: 'facets', top };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
