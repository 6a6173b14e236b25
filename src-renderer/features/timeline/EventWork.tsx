import { useState } from 'react';
import { TagName } from '../../../src-shared/domain/timeline-filter.js';
import type { WorkProduct } from '../../../src-shared/ipc/contract-timeline.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { useNote, useTag } from './use-timeline-data.js';

interface Props {
  eventId: number;
  work: WorkProduct;
  /** Updates the table's copy of the row at once; the core's change event refreshes it too. */
  onTagged(tag: string, action: 'add' | 'remove'): void;
  onNoted(delta: number): void;
}

/** Tags and notes of one event, edited in place. */
export function EventWork({ eventId, work, onTagged, onNoted }: Props) {
  const tag = useTag();
  const note = useNote();
  const [tagText, setTagText] = useState('');
  const [tagProblem, setTagProblem] = useState<string | null>(null);
  const [noteText, setNoteText] = useState('');
  const tags = work.tags.filter((t) => t.eventId === eventId);
  const notes = work.notes.filter((n) => n.eventId === eventId);

  const addTag = () => {
    const parsed = TagName.safeParse(tagText);
    if (!parsed.success) {
      setTagProblem(parsed.error.issues[0]?.message ?? 'Not a tag.');
      return;
    }
    setTagProblem(null);
    tag.mutate({ eventIds: [eventId], tag: parsed.data, action: 'add' }, { onSuccess: (r) => { setTagText(''); onTagged(r.tag, 'add'); } });
  };

  return (
    <>
      <section className="detail-section" aria-label="Tags">
        <h3>Tags</h3>
        <ul className="chips">
          {tags.length === 0 ? <li className="muted">No tags</li> : null}
          {tags.map((t) => (
            <li key={t.tag} className="chip" title={`by ${t.author}, ${t.createdAt}`}>
              <span className="chip-label">{t.tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${t.tag}`}
                onClick={() => tag.mutate({ eventIds: [eventId], tag: t.tag, action: 'remove' }, { onSuccess: () => onTagged(t.tag, 'remove') })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="field-row"
          aria-label="Add a tag"
          onSubmit={(e) => {
            e.preventDefault();
            addTag();
          }}
        >
          <input className="input" aria-label="New tag" placeholder="e.g. persistence" value={tagText} onChange={(e) => setTagText(e.target.value)} maxLength={64} />
          <button type="submit" className="button" disabled={tag.isPending || tagText.trim() === ''}>
            Add tag
          </button>
        </form>
        {tagProblem ? <p role="alert" className="alert alert-error">{tagProblem}</p> : null}
        {tag.error ? <ErrorAlert title="The tag was not changed" error={tag.error} /> : null}
      </section>
      <section className="detail-section" aria-label="Notes">
        <h3>Notes</h3>
        {notes.length === 0 ? <p className="muted">No notes</p> : null}
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id} className="note">
              <p className="note-body">{n.body}</p>
              <p className="note-meta muted">
                {n.author}, {n.updatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}
                <button type="button" className="button button-quiet" onClick={() => note.mutate({ action: 'delete', id: n.id }, { onSuccess: () => onNoted(-1) })}>
                  Delete
                </button>
              </p>
            </li>
          ))}
        </ul>
        <form
          className="stack"
          aria-label="Add a note"
          onSubmit={(e) => {
            e.preventDefault();
            if (noteText.trim() === '') return;
            note.mutate({ action: 'add', eventId, body: noteText }, { onSuccess: () => { setNoteText(''); onNoted(1); } });
          }}
        >
          <textarea className="input" aria-label="New note" rows={3} value={noteText} onChange={(e) => setNoteText(e.target.value)} maxLength={20_000} />
          <button type="submit" className="button" disabled={note.isPending || noteText.trim() === ''}>
            Add note
          </button>
        </form>
        {note.error ? <ErrorAlert title="The note was not saved" error={note.error} /> : null}
      </section>
    </>
  );
}
