import { z } from 'zod';
import { normaliseId, normaliseIdentity, normaliseIp } from './event-entities.js';

/**
 * The normalised timeline event: one shape for every log family, so the timeline, the rules and
 * the exports read one vocabulary. Field names are the case-database column names (snake_case)
 * on purpose — a rule, a filter and a SQL column then say the same word.
 *
 * Normalised columns are derived and can be re-derived; `raw` is the record exactly as received
 * and never changes.
 */

/** Log family: what the record *is*, whichever channel brought it. De-duplication is per family. */
export const eventSources = ['ual', 'signin', 'directory_audit', 'azure_activity', 'devops_audit'] as const;
export const EventSource = z.enum(eventSources);
export type EventSource = z.infer<typeof EventSource>;

/**
 * How `raw` is spelled: the channel's shape of the record, so a reader knows how to parse it.
 * The same UAL record arrives as the Management Activity API object, inside a Graph audit-query
 * record, or as a JSON string inside an Exchange Online search row.
 */
export const rawFormats = [
  'ual.management_api',
  'ual.graph_audit_query',
  'ual.exo_search',
  'signin.graph',
  'signin.azure_monitor',
  'directory_audit.graph',
  'directory_audit.azure_monitor',
  'azure_activity.arm',
  'azure_activity.azure_monitor',
  'devops_audit.rest',
] as const;
export const RawFormat = z.enum(rawFormats);
export type RawFormat = z.infer<typeof RawFormat>;

/**
 * How a page (one API response or one export file) is laid out and which normaliser reads its
 * records. `azure_monitor` is a diagnostic export that may mix sign-in, audit and activity records.
 */
export const pageFormats = [
  'ual.management_api',
  'ual.graph_audit_query',
  'ual.exo_search',
  'signin.graph',
  'directory_audit.graph',
  'azure_activity.arm',
  'devops_audit.rest',
  'azure_monitor',
  'snapshot.graph',
  'snapshot.exo',
] as const;
export const PageFormat = z.enum(pageFormats);
export type PageFormat = z.infer<typeof PageFormat>;

/**
 * Pages that are evidence but not timeline records: configuration read from Graph collections
 * and Exchange cmdlet results (the tenant snapshot, a mailbox's regional settings). Their objects
 * are counted and kept; they never become events.
 */
export const snapshotPageFormats = ['snapshot.graph', 'snapshot.exo'] as const satisfies readonly PageFormat[];
export type SnapshotPageFormat = (typeof snapshotPageFormats)[number];
export type TimelinePageFormat = Exclude<PageFormat, SnapshotPageFormat>;

export function isSnapshotPageFormat(format: PageFormat): format is SnapshotPageFormat {
  return (snapshotPageFormats as readonly string[]).includes(format);
}

/** Outcome in one vocabulary; the source's own code stays in `result_code`. Null: the record states none. */
export const EventResult = z.enum(['success', 'failure', 'partial']);
export type EventResult = z.infer<typeof EventResult>;

export const actorTypes = ['user', 'guest', 'app', 'service_principal', 'managed_identity', 'system'] as const;
export const ActorType = z.enum(actorTypes);
export type ActorType = z.infer<typeof ActorType>;

/** Optional text: absent is null, never the empty string, so "has a value" has one test. */
const optionalText = z.string().min(1).nullable();

/** Text that must already be in its entity spelling (see event-entities.ts). */
const spelled = (normalise: (text: string) => string | null, what: string) =>
  optionalText.refine((v) => v === null || normalise(v) === v, { message: `not in normalised ${what} spelling` });

export const NormalisedEvent = z.object({
  /** Event time, UTC milliseconds since the epoch. */
  ts: z.number().int(),
  /** The record's own time text, kept because sources differ in precision and zone spelling. */
  ts_source: z.string().min(1),
  source: EventSource,
  raw_format: RawFormat,
  /** The service's id of the record; with `source`, the de-duplication key. */
  record_id: z.string().min(1).refine((v) => normaliseId(v) === v, { message: 'not in normalised id spelling' }),
  workload: optionalText,
  record_type: optionalText,
  operation: z.string().min(1),
  result: EventResult.nullable(),
  result_code: optionalText,
  actor: spelled(normaliseIdentity, 'identity'),
  actor_id: spelled(normaliseId, 'id'),
  actor_type: ActorType.nullable(),
  ip: spelled(normaliseIp, 'IP'),
  user_agent: optionalText,
  app_id: spelled(normaliseId, 'id'),
  app_name: optionalText,
  target: spelled(normaliseIdentity, 'identity'),
  session_id: spelled(normaliseId, 'id'),
  correlation_id: spelled(normaliseId, 'id'),
  country: optionalText,
  city: optionalText,
  asn: z.number().int().nonnegative().nullable(),
  /**
   * Name → value of the record's name/value lists (UAL Parameters, ModifiedProperties,
   * ExtendedProperties, …) and a few scalar fields rules test, for addressing as
   * `param.<Name>`. First occurrence of a name wins; order and duplicates survive in `raw`.
   */
  params: z.record(z.string().min(1), z.string()),
  /** The record's JSON text exactly as received (a byte-for-byte slice of its page). */
  raw: z.string().min(1),
});
export type NormalisedEvent = z.infer<typeof NormalisedEvent>;

/** Where an event's raw came from: the stored page and its index (0-based) among the page's records. */
export const PageRef = z.object({
  page_id: z.number().int().positive(),
  position: z.number().int().nonnegative(),
});
export type PageRef = z.infer<typeof PageRef>;

/** A stored event: the normalised record plus its row id (the keyset tiebreaker) and provenance. */
export const TimelineEvent = NormalisedEvent.extend({
  id: z.number().int().positive(),
  page_ref: PageRef,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const pageCompressions = ['none', 'gzip'] as const;
export const PageCompression = z.enum(pageCompressions);

/** A path inside the case's `raw/` folder: relative, forward slashes, no way out of the folder. */
export const RawFilePath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.includes(':') && !p.split('/').some((s) => s === '..' || s === '.' || s === ''), {
    message: 'must be a relative path inside the raw/ folder (forward slashes, no "..")',
  });

/**
 * One response page as received: the evidence unit. Its bytes are on disk under `raw/`, hashed
 * as received; this row says how and by whom it was fetched. URL and body never carry secrets.
 */
export const RawPage = z.object({
  job_id: z.number().int().positive().nullable(),
  window_id: z.number().int().positive().nullable(),
  /** API family that answered, e.g. `graph`, `exo`, `management_api`, `arm`, `devops`, `import`. */
  service: z.string().min(1),
  /** How the page's records are read; with the bytes on disk, enough to normalise the page again. */
  format: PageFormat,
  method: z.string().min(1),
  url: z.string().min(1),
  request_body: z.string().nullable(),
  /** HTTP status; null for pages read from an imported file. */
  status: z.number().int().nullable(),
  /** ISO 8601 UTC, e.g. `2025-03-01T10:22:31.123Z`. */
  received_at: z.iso.datetime(),
  account: z.string().nullable(),
  tenant_id: z.string().nullable(),
  client_id: z.string().nullable(),
  file_path: RawFilePath,
  byte_size: z.number().int().nonnegative(),
  /** SHA-256 (lower-case hex) of the bytes as received, before any compression for storage. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  compression: PageCompression,
  /** Records the page held (stored, duplicate or rejected alike). */
  record_count: z.number().int().nonnegative(),
});
export type RawPage = z.infer<typeof RawPage>;

export const StoredRawPage = RawPage.extend({ id: z.number().int().positive() });
export type StoredRawPage = z.infer<typeof StoredRawPage>;
