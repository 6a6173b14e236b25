import { z } from 'zod';
import { EventSource, PageCompression, PageFormat, TimelineEvent } from '../domain/event.js';
import { TagName, TimelineCursorText, TimelineFilter, emptyFilter } from '../domain/timeline-filter.js';

/**
 * Timeline commands: the query engine (pages, histogram, facets, one event with provenance) and
 * the analyst's work product (bookmarks, tags, notes, saved views). Spread into `commands` of
 * contract.ts. Writes emit `db.changed` naming the tables they touched.
 */

const Empty = z.object({}).strict();
const EventId = z.number().int().positive();
const UtcMs = z.number().int().min(-8.64e15).max(8.64e15);
const IsoTime = z.string().min(1);

/**
 * Who is asking, for superseding: a newer heavy request (page, histogram, facets) with the same
 * `client` cancels the older one still running. Without it, requests are never cancelled.
 */
const ClientKey = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only');

export const PAGE_LIMIT_MAX = 1000;

export const TimelinePageInput = z
  .object({
    filter: TimelineFilter.default(emptyFilter),
    /** Continue from a cursor of an earlier page (its `next` or `prev`). */
    cursor: TimelineCursorText.optional(),
    /** Jump: the first page at or after this time. */
    at: UtcMs.optional(),
    /** Jump: the last page of the result (reading backwards from its end). */
    end: z.literal(true).optional(),
    limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(200),
    client: ClientKey.optional(),
  })
  .strict()
  .refine((i) => i.cursor === undefined || i.at === undefined, { message: 'give either a cursor or a time to jump to, not both', path: ['at'] })
  .refine((i) => i.end === undefined || (i.cursor === undefined && i.at === undefined), { message: 'the last page needs no cursor or time', path: ['end'] });

/** A table row: the normalised event without its raw record and params (the event panel has those). */
export const TimelineRow = TimelineEvent.omit({ raw: true, params: true }).extend({
  bookmarked: z.boolean(),
  tags: z.array(z.string()),
  notes: z.number().int().nonnegative(),
});
export type TimelineRow = z.infer<typeof TimelineRow>;

export const TimelinePage = z.object({
  /** Rows in time order (ts, then id), whichever way the page was read. */
  rows: z.array(TimelineRow),
  /** Cursor for the rows before the first row; null when there are none. */
  prev: z.string().nullable(),
  /** Cursor for the rows after the last row; null when there are none. */
  next: z.string().nullable(),
  /** Where the query ran: index-backed simple pages on the main read connection, the rest in the reader thread. */
  ranOn: z.enum(['main', 'reader']),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

export const TimelineHistogramInput = z
  .object({
    filter: TimelineFilter.default(emptyFilter),
    /** About how many buckets the chart wants; the bucket size comes from a fixed ladder (1 s … 7 d). */
    buckets: z.number().int().min(10).max(500).default(100),
    client: ClientKey.optional(),
  })
  .strict();

const SourceCounts = z.record(EventSource, z.number().int().nonnegative());

export const TimelineHistogram = z.object({
  /** The visible range: the filter's, else the matching events' first and last time. Null: nothing matches. */
  from: UtcMs.nullable(),
  to: UtcMs.nullable(),
  bucketMs: z.number().int().positive(),
  /** Every bucket from the one holding `from` to the one holding `to`, aligned to multiples of bucketMs. */
  buckets: z.array(z.object({ start: UtcMs, total: z.number().int().nonnegative(), counts: SourceCounts })),
  total: z.number().int().nonnegative(),
  bySource: SourceCounts,
});
export type TimelineHistogram = z.infer<typeof TimelineHistogram>;

export const facetFields = ['actor', 'ip', 'operation', 'country', 'app', 'source', 'result', 'workload'] as const;
export const FacetField = z.enum(facetFields);
export type FacetField = z.infer<typeof FacetField>;

export const TimelineFacetsInput = z
  .object({
    filter: TimelineFilter.default(emptyFilter),
    fields: z.array(FacetField).min(1).max(facetFields.length).default([...facetFields]),
    limit: z.number().int().min(1).max(100).default(10),
    client: ClientKey.optional(),
  })
  .strict();

export const Facet = z.object({
  field: FacetField,
  /** Most frequent values first (ties by value); `label` is a display name where one exists (apps). */
  values: z.array(z.object({ value: z.string(), label: z.string().nullable(), count: z.number().int().positive() })),
  /** How many different values the matching events hold. */
  distinct: z.number().int().nonnegative(),
  /** Matching events without a value in this field. */
  missing: z.number().int().nonnegative(),
});
export type Facet = z.infer<typeof Facet>;

export const TimelineFacets = z.object({ total: z.number().int().nonnegative(), facets: z.array(Facet) });
export type TimelineFacets = z.infer<typeof TimelineFacets>;

export const Bookmark = z.object({ eventId: EventId, author: z.string(), createdAt: IsoTime });
export const TagUse = z.object({ eventId: EventId, tag: z.string(), author: z.string(), createdAt: IsoTime });
export const Note = z.object({
  id: z.number().int().positive(),
  /** Null: a note on the case rather than on one event. */
  eventId: EventId.nullable(),
  body: z.string(),
  author: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Note = z.infer<typeof Note>;

export const WorkProduct = z.object({
  bookmarks: z.array(Bookmark),
  tags: z.array(TagUse),
  tagCounts: z.array(z.object({ tag: z.string(), count: z.number().int().positive() })),
  notes: z.array(Note),
});
export type WorkProduct = z.infer<typeof WorkProduct>;

export const EventProvenance = z.object({
  pageId: z.number().int().positive(),
  /** The record's index (0-based) among the page's records. */
  position: z.number().int().nonnegative(),
  service: z.string(),
  format: PageFormat,
  method: z.string(),
  url: z.string(),
  requestBody: z.string().nullable(),
  status: z.number().int().nullable(),
  receivedAt: IsoTime,
  /** SHA-256 of the page's bytes as received; the file is raw/<filePath> in the case folder. */
  sha256: z.string(),
  byteSize: z.number().int().nonnegative(),
  compression: PageCompression,
  filePath: z.string(),
  recordCount: z.number().int().nonnegative(),
  jobId: z.number().int().positive().nullable(),
  windowId: z.number().int().positive().nullable(),
  account: z.string().nullable(),
  tenantId: z.string().nullable(),
});

export const TimelineEventDetail = z.object({
  event: TimelineEvent,
  /** UAL only: the AuditData record, parsed from whichever channel's spelling brought it. */
  auditData: z.record(z.string(), z.unknown()).nullable(),
  provenance: EventProvenance,
  workProduct: WorkProduct,
});
export type TimelineEventDetail = z.infer<typeof TimelineEventDetail>;

const NoteBody = z.string().trim().min(1).max(20_000);

/** A mailbox's own time zone as Exchange reported it, with the IANA zone it maps to (null: an id this build does not know). */
export const MailboxTimeZone = z.object({
  mailbox: z.string().min(1),
  windowsZone: z.string().min(1),
  iana: z.string().min(1).nullable(),
  /** The raw page the zone was read from; null when no stored page carries it. */
  pageId: z.number().int().positive().nullable(),
  collectedAt: IsoTime,
});
export type MailboxTimeZone = z.infer<typeof MailboxTimeZone>;

export const SavedView = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** Null when the stored filter no longer parses (then `problem` says why). */
  filter: TimelineFilter.nullable(),
  problem: z.string().nullable(),
  author: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type SavedView = z.infer<typeof SavedView>;

export const timelineCommands = {
  /** One page of matching events in (ts, id) order, read forwards or backwards from a cursor or a time. */
  'timeline.page': { input: TimelinePageInput, output: TimelinePage },
  /** Matching events counted per time bucket and source. */
  'timeline.histogram': { input: TimelineHistogramInput, output: TimelineHistogram },
  /** Top values per field among the matching events. */
  'timeline.facets': { input: TimelineFacetsInput, output: TimelineFacets },
  /** One event: normalised fields, raw JSON, parsed AuditData, provenance and work product; null if absent. */
  'timeline.event': { input: z.object({ id: EventId }).strict(), output: TimelineEventDetail.nullable() },
  /** Stars or unstars events. `changed` counts events whose state changed. */
  'timeline.bookmark': {
    input: z.object({ eventIds: z.array(EventId).min(1).max(1000), bookmarked: z.boolean() }).strict(),
    output: z.object({ changed: z.number().int().nonnegative() }),
  },
  'timeline.tag': {
    input: z.object({ eventIds: z.array(EventId).min(1).max(1000), tag: TagName, action: z.enum(['add', 'remove']) }).strict(),
    output: z.object({ tag: z.string(), changed: z.number().int().nonnegative() }),
  },
  /** Adds a note to an event (or to the case with `eventId: null`), edits or deletes one. */
  'timeline.note': {
    input: z.discriminatedUnion('action', [
      z.object({ action: z.literal('add'), eventId: EventId.nullable(), body: NoteBody }).strict(),
      z.object({ action: z.literal('edit'), id: z.number().int().positive(), body: NoteBody }).strict(),
      z.object({ action: z.literal('delete'), id: z.number().int().positive() }).strict(),
    ]),
    output: z.object({ note: Note.nullable() }),
  },
  /** The case's bookmarks, tags and notes; with `eventId`, only that event's. */
  'timeline.workProduct': { input: z.object({ eventId: EventId.optional() }).strict(), output: WorkProduct },
  /** Saves a filter under a name; an existing view of that name gets the new filter. */
  'timeline.views.save': {
    input: z.object({ name: z.string().trim().min(1).max(200), filter: TimelineFilter }).strict(),
    output: SavedView,
  },
  'timeline.views.list': { input: Empty, output: z.array(SavedView) },
  'timeline.views.delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Mailboxes whose own time zone the case knows, so times can be shown as that mailbox's owner saw them. */
  'timeline.timeZones': { input: Empty, output: z.array(MailboxTimeZone) },
} as const;
