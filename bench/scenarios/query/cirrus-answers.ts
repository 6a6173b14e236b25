import type Database from 'better-sqlite3';
import { TimelineFilter, type TimelineFilterInput } from '../../../src-shared/domain/timeline-filter.js';
import { openCaseReadOnly } from '../../../src-main/core/db/open-case-db.js';
import { readTimelinePage } from '../../../src-main/core/db/queries/timeline-page.js';
import { isIndexBackedPage } from '../../../src-main/core/db/queries/timeline-where.js';
import { createTimelineReader, type TimelineReader } from '../../../src-main/core/timeline/timeline-reader.js';
import { FACET_FIELDS, pageFilter, type Answer, type FacetName, type QueryParams, type QuestionId } from './questions.js';

/** Histogram width the timeline is asked for (the chart's target); the engine picks the bucket. */
export const HISTOGRAM_BUCKETS = 100;

const FILTER_FIELD = { actor: 'actors', ip: 'ips', operation: 'operations', source: 'sources' } as const;

/**
 * The case's timeline as the app queries it: an index-backed page (one field, one value) runs on
 * the main read connection, everything else in the timeline's reader threads — the routing of
 * the timeline service, over the same query code.
 */
export interface CirrusTimeline {
  ask(id: QuestionId, params: QueryParams): Promise<Answer>;
  close(): Promise<void>;
}

export function openCirrusTimeline(dbPath: string): CirrusTimeline {
  // The case was checked when it was built; the app's reader threads skip the page-by-page scan too.
  const main: Database.Database = openCaseReadOnly(dbPath, { integrity: false });
  const reader: TimelineReader = createTimelineReader({ dbPath });

  async function page(input: TimelineFilterInput, limit: number): Promise<Answer> {
    const request = { filter: TimelineFilter.parse(input), limit };
    const result = isIndexBackedPage(request.filter) ? readTimelinePage(main, request) : await reader.run({ kind: 'page', request });
    return { kind: 'page', ids: result.rows.map((r) => r.id) };
  }

  return {
    async ask(id, params) {
      const single = pageFilter(id, params);
      if (single) return page({ [FILTER_FIELD[single.field]]: { include: [single.value] } }, params.limit);
      if (id === 'text') return page({ text: { include: [params.text] } }, params.limit);
      if (id === 'histogram') {
        const h = await reader.run({ kind: 'histogram', filter: TimelineFilter.parse({}), buckets: HISTOGRAM_BUCKETS });
        if (h.bucketMs !== params.bucketMs) throw new Error(`the timeline chose ${h.bucketMs} ms buckets, the question says ${params.bucketMs}`);
        return { kind: 'histogram', buckets: h.buckets.filter((b) => b.total > 0).map((b) => [b.start, b.total]) };
      }
      const f = await reader.run({ kind: 'facets', filter: TimelineFilter.parse({}), fields: [...FACET_FIELDS], limit: params.facetLimit });
      const top = Object.fromEntries(
        FACET_FIELDS.map((name) => [name, (f.facets.find((x) => x.field === name)?.values ?? []).map((v): [string, number] => [v.value, v.count])]),
      ) as Record<FacetName, [string, number][]>;
      return { kind: 'facets', top };
    },
    async close() {
      await reader.close();
      main.close();
    },
  };
}
