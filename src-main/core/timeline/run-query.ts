import { readFacets } from '../db/queries/timeline-facets.js';
import { readHistogram } from '../db/queries/timeline-histogram.js';
import { readTimelinePage } from '../db/queries/timeline-page.js';
import type { ReadDb } from '../db/queries/timeline-statements.js';
import type { WhereOptions } from '../db/queries/timeline-where.js';
import type { ReaderQuery, ReaderResults } from './reader-protocol.js';

/** Runs one timeline query on a read connection: in the reader thread, or in-process for the CLI. */
export function runReaderQuery<Q extends ReaderQuery>(db: ReadDb, query: Q, options: WhereOptions = {}): ReaderResults[Q['kind']] {
  switch (query.kind) {
    case 'page':
      return readTimelinePage(db, query.request, options) as ReaderResults[Q['kind']];
    case 'histogram':
      return readHistogram(db, query.filter, query.buckets, options) as ReaderResults[Q['kind']];
    case 'facets':
      return readFacets(db, query.filter, query.fields, query.limit, options) as ReaderResults[Q['kind']];
  }
}
