import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { TagName, TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { Note, SavedView } from '../../../../src-shared/ipc/contract-timeline.js';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import { noteFromRow, viewFromRow, type NoteRow, type ViewRow } from './timeline-work-product.js';

/**
 * Writer ops for the analyst's work product. Arguments cross from the main thread, so each op
 * checks them again; `author` and `at` are supplied by the core (the case examiner, the clock),
 * never by the renderer.
 */

const Stamp = { author: z.string().min(1).max(200), at: z.iso.datetime() };
const EventIds = z.array(z.number().int().positive()).min(1).max(1000);

export const BookmarkArgs = z.object({ eventIds: EventIds, bookmarked: z.boolean(), ...Stamp });
export const TagArgs = z.object({ eventIds: EventIds, tag: TagName, action: z.enum(['add', 'remove']), ...Stamp });
const NoteBody = z.string().trim().min(1).max(20_000);
export const NoteArgs = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), eventId: z.number().int().positive().nullable(), body: NoteBody, ...Stamp }),
  z.object({ action: z.literal('edit'), id: z.number().int().positive(), body: NoteBody, ...Stamp }),
  z.object({ action: z.literal('delete'), id: z.number().int().positive() }),
]);
export const SaveViewArgs = z.object({ name: z.string().trim().min(1).max(200), filter: TimelineFilter, ...Stamp });

function parse<T extends z.ZodType>(schema: T, args: unknown, op: string): z.output<T> {
  const r = schema.safeParse(args);
  if (!r.success) throw new CoreError('validation', `${op} refused: ${r.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** Refuses ids that name no event, so work product never points at nothing. */
function assertEventsExist(db: Database, ids: readonly number[]): void {
  const wanted = [...new Set(ids)];
  const found = new Set(db.prepare('SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(wanted)) as number[]);
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) throw new CoreError('validation', `no event with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''} in this case`);
}

export function setBookmarks(db: Database, input: z.input<typeof BookmarkArgs>): { changed: number } {
  const a = parse(BookmarkArgs, input, 'bookmark');
  return db.transaction(() => {
    assertEventsExist(db, a.eventIds);
    const statement = a.bookmarked
      ? db.prepare('INSERT INTO bookmarks (event_id, author, created_at) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING')
      : db.prepare('DELETE FROM bookmarks WHERE event_id = ?');
    let changed = 0;
    for (const id of new Set(a.eventIds)) changed += (a.bookmarked ? statement.run(id, a.author, a.at) : statement.run(id)).changes;
    return { changed };
  })();
}

export function setTags(db: Database, input: z.input<typeof TagArgs>): { tag: string; changed: number } {
  const a = parse(TagArgs, input, 'tag');
  return db.transaction(() => {
    assertEventsExist(db, a.eventIds);
    const statement =
      a.action === 'add'
        ? db.prepare('INSERT INTO event_tags (event_id, tag, author, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (event_id, tag) DO NOTHING')
        : db.prepare('DELETE FROM event_tags WHERE event_id = ? AND tag = ?');
    let changed = 0;
    for (const id of new Set(a.eventIds)) changed += (a.action === 'add' ? statement.run(id, a.tag, a.author, a.at) : statement.run(id, a.tag)).changes;
    return { tag: a.tag, changed };
  })();
}

const selectNote = 'SELECT id, event_id, body, author, created_at, updated_at FROM notes WHERE id = ?';

/** Adds, edits or deletes a note; a deleted note is returned as it was, an absent one as null. */
export function writeNote(db: Database, input: z.input<typeof NoteArgs>): { note: Note | null } {
  const a = parse(NoteArgs, input, 'note');
  return db.transaction(() => {
    if (a.action === 'add') {
      if (a.eventId !== null) assertEventsExist(db, [a.eventId]);
      const id = db.prepare('INSERT INTO notes (event_id, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(a.eventId, a.body, a.author, a.at, a.at)
        .lastInsertRowid;
      return { note: noteFromRow(db.prepare(selectNote).get(id) as NoteRow) };
    }
    const before = db.prepare(selectNote).get(a.id) as NoteRow | undefined;
    if (a.action === 'delete') {
      db.prepare('DELETE FROM notes WHERE id = ?').run(a.id);
      return { note: before ? noteFromRow(before) : null };
    }
    if (!before) throw new CoreError('validation', `no note with id ${a.id} in this case`);
    // The note keeps its first author; the edit time says it changed. Authorship of edits is one examiner for now.
    db.prepare('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(a.body, a.at, a.id);
    return { note: noteFromRow(db.prepare(selectNote).get(a.id) as NoteRow) };
  })();
}

/** Creates a view, or gives an existing view of the same name the new filter. */
export function saveView(db: Database, input: z.input<typeof SaveViewArgs>): SavedView {
  const a = parse(SaveViewArgs, input, 'save view');
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO saved_views (name, filter, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, updated_at = excluded.updated_at`,
    ).run(a.name, JSON.stringify(a.filter), a.author, a.at, a.at);
    return viewFromRow(db.prepare('SELECT id, name, filter, author, created_at, updated_at FROM saved_views WHERE name = ?').get(a.name) as ViewRow);
  })();
}

export function deleteView(db: Database, input: { id: number }): { deleted: boolean } {
  const a = parse(z.object({ id: z.number().int().positive() }), input, 'delete view');
  return { deleted: db.prepare('DELETE FROM saved_views WHERE id = ?').run(a.id).changes > 0 };
}
