import { useState, type RefObject } from 'react';
import { emptyFilter, type TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import { addSearchTerm, filterChips, removeChip, type FilterEdit } from './filter-edit.js';

interface Props {
  filter: TimelineFilter;
  describeTime(ms: number): string;
  onChange(filter: TimelineFilter): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The active filter as removable chips, and the free-text box (`/` focuses it). */
export function FilterBar({ filter, describeTime, onChange, searchRef }: Props) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const chips = filterChips(filter, describeTime);
  const apply = (edit: FilterEdit) => {
    if (!edit.ok) {
      setProblem(edit.message);
      return false;
    }
    setProblem(null);
    onChange(edit.filter);
    return true;
  };

  return (
    <div className="tl-filterbar">
      <form
        role="search"
        aria-label="Search events"
        className="tl-search"
        onSubmit={(e) => {
          e.preventDefault();
          if (apply(addSearchTerm(filter, text))) setText('');
        }}
      >
        <input
          ref={searchRef}
          className="input"
          type="search"
          aria-label="Search text"
          placeholder="Search events (/) — words or &quot;a phrase&quot;; -word excludes"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
        <button type="submit" className="button">
          Add
        </button>
      </form>
      <ul className="chips" aria-label="Active filter">
        {chips.length === 0 ? <li className="muted chips-empty">No filter: every event of the case</li> : null}
        {chips.map((chip) => (
          <li key={chip.key} className={`chip${chip.kind === 'value' && chip.side === 'exclude' ? ' chip-exclude' : ''}`}>
            <span className="chip-label" title={chip.label}>
              {chip.label}
            </span>
            <button type="button" className="chip-remove" aria-label={`Remove filter: ${chip.label}`} onClick={() => onChange(removeChip(filter, chip))}>
              ×
            </button>
          </li>
        ))}
        {chips.length > 1 ? (
          <li>
            <button type="button" className="button button-quiet" onClick={() => onChange(emptyFilter())}>
              Clear all
            </button>
          </li>
        ) : null}
      </ul>
      {problem ? (
        <p role="alert" className="alert alert-error tl-filter-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
