import type { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import type { FacetField, TimelineFacets, TimelineHistogram, TimelinePage } from '../../../src-shared/ipc/contract-timeline.js';
import type { ErrorInfo } from '../../../src-shared/ipc/result.js';
import type { PageRequest } from '../db/queries/timeline-page.js';

/** Messages between the core and a timeline reader thread. */

export type ReaderQuery =
  | { kind: 'page'; request: PageRequest }
  | { kind: 'histogram'; filter: TimelineFilter; buckets: number }
  | { kind: 'facets'; filter: TimelineFilter; fields: FacetField[]; limit: number };
export type ReaderKind = ReaderQuery['kind'];

export interface ReaderResults {
  page: Omit<TimelinePage, 'ranOn'>;
  histogram: TimelineHistogram;
  facets: TimelineFacets;
}

export interface ReaderInit {
  dbPath: string;
  /**
   * One Int32 cell shared with the core: the id of the request to abandon. The thread's SQL
   * checkpoint (`cirrus_tick`) reads it while a query runs, since a busy thread cannot receive messages.
   */
  cancel: SharedArrayBuffer;
}

export type ReaderRequest = { type: 'query'; id: number; query: ReaderQuery };

export type ReaderMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: ErrorInfo };
