import type { Database } from 'better-sqlite3';
import {
  eventSources,
  type ActorType,
  type EventResult,
  type EventSource,
  type PageFormat,
  type RawFormat,
  type StoredRawPage,
  type TimelineEvent,
} from '../../../../src-shared/domain/event.js';

/** An `events` row as SQLite returns it. */
export interface EventRow {
  id: number;
  ts: number;
  ts_source: string;
  source: string;
  raw_format: string;
  record_id: string;
  workload: string | null;
  record_type: string | null;
  operation: string;
  result: string | null;
  result_code: string | null;
  actor: string | null;
  actor_id: string | null;
  actor_type: string | null;
  ip: string | null;
  user_agent: string | null;
  app_id: string | null;
  app_name: string | null;
  target: string | null;
  session_id: string | null;
  correlation_id: string | null;
  country: string | null;
  city: string | null;
  asn: number | null;
  params: string;
  raw: string;
  page_id: number;
  position: number;
}

type PageRow = Omit<StoredRawPage, 'format' | 'compression'> & { format: string; compression: string };

/**
 * A row as the shared event type. Rows were validated on the way in (ingest), and the enum
 * columns are unconstrained in SQL only so new values can be added without a table rebuild;
 * reading them back as the shared types is therefore sound.
 */
export function eventFromRow(row: EventRow): TimelineEvent {
  const { page_id, position, params, ...rest } = row;
  return {
    ...rest,
    source: row.source as EventSource,
    raw_format: row.raw_format as RawFormat,
    result: row.result as EventResult | null,
    actor_type: row.actor_type as ActorType | null,
    params: JSON.parse(params) as Record<string, string>,
    page_ref: { page_id, position },
  };
}

/** Events stored per source; every source is listed, zero when the case has none. */
export function countEventsBySource(db: Database): Record<EventSource, number> {
  const counts = Object.fromEntries(eventSources.map((s) => [s, 0])) as Record<EventSource, number>;
  const rows = db.prepare('SELECT source, count(*) AS n FROM events GROUP BY source').all() as { source: string; n: number }[];
  for (const { source, n } of rows) if (source in counts) counts[source as EventSource] = n;
  return counts;
}

/** One event with the page it came from (provenance view), or null. */
export function getEventWithPage(db: Database, id: number): { event: TimelineEvent; page: StoredRawPage } | null {
  const row = db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  if (!row) return null;
  const page = db.prepare('SELECT * FROM raw_pages WHERE id = ?').get(row.page_id) as PageRow;
  return {
    event: eventFromRow(row),
    page: { ...page, format: page.format as PageFormat, compression: page.compression as StoredRawPage['compression'] },
  };
}
