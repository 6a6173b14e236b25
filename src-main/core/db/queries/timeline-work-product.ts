import { TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { Note, SavedView, WorkProduct } from '../../../../src-shared/ipc/contract-timeline.js';
import type { ReadDb } from './timeline-statements.js';
import { prepareCached } from './timeline-statements.js';

/** Reads of the analyst's work product (migration 0004). Writes are writer ops in timeline-work-writes.ts. */

export interface NoteRow {
  id: number;
  event_id: number | null;
  body: string;
  author: string;
  created_at: string;
  updated_at: string;
}

export const noteFromRow = (r: NoteRow): Note => ({
  id: r.id,
  eventId: r.event_id,
  body: r.body,
  author: r.author,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Bookmarks, tags (with per-tag counts) and notes of the case, oldest first; with `eventId`,
 * only that event's (case notes are then left out: they belong to no event).
 */
export function readWorkProduct(db: ReadDb, eventId?: number): WorkProduct {
  const one = eventId !== undefined;
  const where = one ? 'WHERE event_id = ?' : '';
  const args = one ? [eventId] : [];
  const bookmarks = (prepareCached(db, `SELECT event_id, author, created_at FROM bookmarks ${where} ORDER BY created_at, event_id`).all(...args) as {
    event_id: number;
    author: string;
    created_at: string;
  }[]).map((r) => ({ eventId: r.event_id, author: r.author, createdAt: r.created_at }));
  const tags = (prepareCached(db, `SELECT event_id, tag, author, created_at FROM event_tags ${where} ORDER BY created_at, event_id, tag`).all(...args) as {
    event_id: number;
    tag: string;
    author: string;
    created_at: string;
  }[]).map((r) => ({ eventId: r.event_id, tag: r.tag, author: r.author, createdAt: r.created_at }));
  const tagCounts = prepareCached(db, `SELECT tag, count(*) AS count FROM event_tags ${where} GROUP BY tag ORDER BY count DESC, tag`).all(...args) as {
    tag: string;
    count: number;
  }[];
  const notes = (prepareCached(db, `SELECT id, event_id, body, author, created_at, updated_at FROM notes ${where} ORDER BY created_at, id`).all(...args) as NoteRow[]).map(
    noteFromRow,
  );
  return { bookmarks, tags, tagCounts, notes };
}

export interface ViewRow {
  id: number;
  name: string;
  filter: string;
  author: string;
  created_at: string;
  updated_at: string;
}

/**
 * A stored view as the contract shape. Its filter is parsed again: a view saved by an older
 * build still opens (the filter only grows by optional fields), and one that cannot be read is
 * shown with the reason instead of failing the whole list.
 */
export function viewFromRow(r: ViewRow): SavedView {
  let problem: string | null = null;
  let filter: SavedView['filter'] = null;
  try {
    const parsed = TimelineFilter.safeParse(JSON.parse(r.filter));
    if (parsed.success) filter = parsed.data;
    else problem = `the saved filter is not valid here: ${parsed.error.issues[0]?.message ?? 'rejected'}`;
  } catch (e) {
    problem = `the saved filter is not JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { id: r.id, name: r.name, filter, problem, author: r.author, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function listSavedViews(db: ReadDb): SavedView[] {
  return (prepareCached(db, 'SELECT id, name, filter, author, created_at, updated_at FROM saved_views ORDER BY name, id').all() as ViewRow[]).map(viewFromRow);
}
