import { useState } from 'react';
import type { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { useDeleteView, useSaveView, useSavedViews } from './use-timeline-data.js';

/** Saved views of the case: the current filter saved under a name, loaded back, or deleted. */
export function SavedViews({ filter, onLoad }: { filter: TimelineFilter; onLoad(filter: TimelineFilter): void }) {
  const views = useSavedViews(true);
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const list = views.data ?? [];
  const current = list.find((v) => String(v.id) === chosen);

  return (
    <section className="tl-views" aria-label="Saved views">
      <div className="field-row">
        <select className="input" aria-label="Saved view" value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={list.length === 0}>
          <option value="">{list.length === 0 ? 'No saved views' : 'Choose a saved view…'}</option>
          {list.map((v) => (
            <option key={v.id} value={String(v.id)}>
              {v.name}
              {v.filter === null ? ' (unreadable)' : ''}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!current?.filter} onClick={() => current?.filter && onLoad(current.filter)}>
          Load
        </button>
        <button
          type="button"
          className="button"
          disabled={!current || remove.isPending}
          onClick={() => current && remove.mutate({ id: current.id }, { onSuccess: () => setChosen('') })}
        >
          Delete
        </button>
      </div>
      {current?.problem ? <p className="muted">{current.problem}</p> : null}
      <form
        className="field-row"
        aria-label="Save the current filter as a view"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          save.mutate({ name, filter }, { onSuccess: (view) => { setName(''); setChosen(String(view.id)); } });
        }}
      >
        <input className="input" aria-label="View name" placeholder="Name for the current filter" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        <button type="submit" className="button" disabled={save.isPending || name.trim() === ''}>
          Save view
        </button>
      </form>
      {views.error ? <ErrorAlert title="Could not list the saved views" error={views.error} /> : null}
      {save.error ? <ErrorAlert title="The view was not saved" error={save.error} /> : null}
      {remove.error ? <ErrorAlert title="The view was not deleted" error={remove.error} /> : null}
    </section>
  );
}
