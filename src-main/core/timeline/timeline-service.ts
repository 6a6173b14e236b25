import type { z } from 'zod';
import type {
  MailboxTimeZone,
  SavedView,
  TimelineEventDetail,
  TimelineFacets,
  TimelineFacetsInput,
  TimelineHistogram,
  TimelineHistogramInput,
  TimelinePage,
  TimelinePageInput,
  WorkProduct,
} from '../../../src-shared/ipc/contract-timeline.js';
import { timelineCommands } from '../../../src-shared/ipc/contract-timeline.js';
import type { TimelineCursor } from '../../../src-shared/domain/timeline-filter.js';
import type { CaseService } from '../cases/case-service.js';
import type { Clock } from '../ports.js';
import { readCaseMeta } from '../db/queries/case-meta.js';
import { readMailboxTimeZones } from '../db/queries/mailbox-time-zones.js';
import { readEventDetail } from '../db/queries/timeline-event.js';
import { readTimelinePage } from '../db/queries/timeline-page.js';
import { isIndexBackedPage } from '../db/queries/timeline-where.js';
import { listSavedViews, readWorkProduct } from '../db/queries/timeline-work-product.js';
import { createTimelineReader, type TimelineReader, type TimelineReaderOptions } from './timeline-reader.js';

type In<K extends keyof typeof timelineCommands> = z.output<(typeof timelineCommands)[K]['input']>;
type Out<K extends keyof typeof timelineCommands> = z.output<(typeof timelineCommands)[K]['output']>;

/** The timeline of the open case: queries, and the analyst's work product. */
export interface TimelineService {
  page(input: z.output<typeof TimelinePageInput>): Promise<TimelinePage>;
  histogram(input: z.output<typeof TimelineHistogramInput>): Promise<TimelineHistogram>;
  facets(input: z.output<typeof TimelineFacetsInput>): Promise<TimelineFacets>;
  event(id: number): TimelineEventDetail | null;
  bookmark(input: In<'timeline.bookmark'>): Promise<Out<'timeline.bookmark'>>;
  tag(input: In<'timeline.tag'>): Promise<Out<'timeline.tag'>>;
  note(input: In<'timeline.note'>): Promise<Out<'timeline.note'>>;
  workProduct(eventId?: number): WorkProduct;
  saveView(input: In<'timeline.views.save'>): Promise<SavedView>;
  listViews(): SavedView[];
  deleteView(id: number): Promise<{ deleted: boolean }>;
  /** Mailboxes' own time zones, for showing times as a mailbox's owner saw them. */
  timeZones(): MailboxTimeZone[];
  /** Stops the reader threads; the case service calls it before a case closes (their connections would block the close). */
  closeReader(): Promise<void>;
}

export interface TimelineServiceDeps {
  cases: CaseService;
  clock: Clock;
  /** Tables a write changed, for `db.changed`. */
  onChanged(tables: string[]): void;
  reader?: (options: TimelineReaderOptions) => TimelineReader;
}

/**
 * Past every event (the largest time the contract allows, the largest id): reading backwards from
 * it gives the last page, so "the end of the result" costs what the first page does.
 */
const END_OF_TIMELINE: TimelineCursor = { ts: 8.64e15, id: Number.MAX_SAFE_INTEGER, direction: 'before' };

export function createTimelineService(deps: TimelineServiceDeps): TimelineService {
  const makeReader = deps.reader ?? createTimelineReader;
  let reader: TimelineReader | null = null;

  /**
   * The reader for the open case. Synchronous on purpose: requests reach the reader in the order
   * they arrived, which is what superseding by client relies on.
   */
  function readerForCase(): TimelineReader {
    // The main connection's file name is the open case's database path (and says no_case_open when none is).
    const dbPath = deps.cases.read((db) => db.name);
    if (reader?.dbPath === dbPath) return reader;
    // Normally closed already by closeReader before its case closed; this only guards a missed close.
    void reader?.close();
    reader = makeReader({ dbPath });
    return reader;
  }

  /** Work product is attributed to the case's examiner (one examiner per case for now) at the core's clock. */
  const stamp = () => ({
    author: deps.cases.read((db) => readCaseMeta(db)?.examiner) ?? 'unknown examiner',
    at: deps.clock.now().toISOString(),
  });

  async function write<T>(tables: string[], run: () => Promise<T>): Promise<T> {
    const result = await run();
    deps.onChanged(tables);
    return result;
  }

  return {
    async page(input) {
      const request = { filter: input.filter, cursor: input.end ? END_OF_TIMELINE : input.cursor, at: input.at, limit: input.limit };
      // Index-backed pages read at most limit+1 rows along one index: cheap enough for the main connection.
      if (isIndexBackedPage(input.filter)) return { ...deps.cases.read((db) => readTimelinePage(db, request)), ranOn: 'main' };
      const value = await readerForCase().run({ kind: 'page', request }, input.client);
      return { ...value, ranOn: 'reader' };
    },
    histogram(input) {
      return readerForCase().run({ kind: 'histogram', filter: input.filter, buckets: input.buckets }, input.client);
    },
    facets(input) {
      return readerForCase().run({ kind: 'facets', filter: input.filter, fields: input.fields, limit: input.limit }, input.client);
    },
    event: (id) => deps.cases.read((db) => readEventDetail(db, id)),
    bookmark: (input) => write(['bookmarks'], () => deps.cases.write('timeline.bookmark', { ...input, ...stamp() })),
    tag: (input) => write(['event_tags'], () => deps.cases.write('timeline.tag', { ...input, ...stamp() })),
    note: (input) =>
      write(['notes'], () => deps.cases.write('timeline.note', input.action === 'delete' ? input : { ...input, ...stamp() })),
    workProduct: (eventId) => deps.cases.read((db) => readWorkProduct(db, eventId)),
    saveView: (input) => write(['saved_views'], () => deps.cases.write('timeline.views.save', { ...input, ...stamp() })),
    listViews: () => deps.cases.read((db) => listSavedViews(db)),
    deleteView: (id) => write(['saved_views'], () => deps.cases.write('timeline.views.delete', { id })),
    timeZones: () => deps.cases.read((db) => readMailboxTimeZones(db)),
    async closeReader() {
      const old = reader;
      reader = null;
      await old?.close();
    },
  };
}
