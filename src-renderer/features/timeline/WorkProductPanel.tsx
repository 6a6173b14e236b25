import type { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { useWorkProduct } from './use-timeline-data.js';

interface Props {
  onOpenEvent(eventId: number): void;
  /** Narrows the timeline: bookmarked events, or events with a tag. */
  onFilter(change: Partial<TimelineFilter>): void;
}

/** The case's bookmarks, tags and notes, each leading back to its events. */
export function WorkProductPanel({ onOpenEvent, onFilter }: Props) {
  const work = useWorkProduct(true);
  const w = work.data;
  return (
    <section className="tl-work" aria-label="Bookmarks, tags and notes">
      {work.isPending ? <p className="muted">Reading bookmarks, tags and notes…</p> : null}
      {work.error ? <ErrorAlert title="Could not read bookmarks, tags and notes" error={work.error} /> : null}
      {w ? (
        <>
          <div className="work-group">
            <h3>
              Bookmarks <span className="muted">({w.bookmarks.length})</span>
            </h3>
            {w.bookmarks.length > 0 ? (
              <button type="button" className="button button-small" onClick={() => onFilter({ bookmarked: true })}>
                Show only bookmarked events
              </button>
            ) : (
              <p className="muted">None yet: press <kbd>b</kbd> on an event, or its star.</p>
            )}
            <ul className="work-list">
              {w.bookmarks.slice(0, 50).map((b) => (
                <li key={b.eventId}>
                  <button type="button" className="link-button" onClick={() => onOpenEvent(b.eventId)}>
                    Event {b.eventId}
                  </button>{' '}
                  <span className="muted">by {b.author}</span>
                </li>
              ))}
            </ul>
          </div>
          <div className="work-group">
            <h3>
              Tags <span className="muted">({w.tagCounts.length})</span>
            </h3>
            {w.tagCounts.length === 0 ? (
              <p className="muted">No tags yet.</p>
            ) : (
              <button type="button" className="button button-small" onClick={() => onFilter({ tagged: true })}>
                Show only tagged events
              </button>
            )}
            <ul className="work-list">
              {w.tagCounts.map((t) => (
                <li key={t.tag}>
                  <button type="button" className="link-button" onClick={() => onFilter({ tags: { include: [t.tag], exclude: [] } })} aria-label={`Show events tagged ${t.tag}`}>
                    {t.tag}
                  </button>{' '}
                  <span className="muted">{t.count === 1 ? '1 event' : `${t.count.toLocaleString('en-GB')} events`}</span>
                </li>
              ))}
            </ul>
          </div>
          <div className="work-group">
            <h3>
              Notes <span className="muted">({w.notes.length})</span>
            </h3>
            {w.notes.length === 0 ? <p className="muted">No notes yet.</p> : null}
            <ul className="work-list">
              {w.notes.slice(0, 50).map((n) => (
                <li key={n.id}>
                  {n.eventId !== null ? (
                    <button type="button" className="link-button" onClick={() => onOpenEvent(n.eventId as number)}>
                      Event {n.eventId}
                    </button>
                  ) : (
                    <span className="muted">Case note</span>
                  )}
                  : {n.body.length > 120 ? `${n.body.slice(0, 120)}…` : n.body}
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
    </section>
  );
}
