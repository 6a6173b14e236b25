import { useId } from 'react';
import type { CollectSourceId, CollectSourceOption } from '../../../src-shared/domain/collection.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';

interface SourceCardProps {
  option: CollectSourceOption;
  checked: boolean;
  onToggle(source: CollectSourceId, checked: boolean): void;
}

/**
 * One source as a card: its checkbox, and everything that decides whether to tick it — why it is
 * blocked, how far back it still reaches, and what to expect. All of it is tied to the checkbox
 * (aria-describedby), so a screen reader hears the reason with the disabled control.
 */
function SourceCard({ option, checked, onToggle }: SourceCardProps) {
  const id = useId();
  const described = [
    option.blockedReason ? `${id}-blocked` : null,
    option.earliestRecoverable ? `${id}-earliest` : null,
    option.warnings.length > 0 ? `${id}-warnings` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={`source-card${option.available ? '' : ' source-blocked'}${checked ? ' source-chosen' : ''}`} data-source={option.source}>
      <div className="source-check">
        <input
          id={id}
          type="checkbox"
          checked={checked && option.available}
          disabled={!option.available}
          onChange={(event) => onToggle(option.source, event.target.checked)}
          aria-describedby={described || undefined}
        />
        <label htmlFor={id} className="source-label">
          {option.label}
        </label>
        <span className="source-id mono">{option.source}</span>
      </div>
      {option.blockedReason ? (
        <p id={`${id}-blocked`} className="source-reason">
          <strong>{option.available ? 'Note:' : 'Unavailable:'}</strong> {option.blockedReason}
        </p>
      ) : null}
      {option.earliestRecoverable ? (
        <p id={`${id}-earliest`} className="source-earliest">
          Recoverable from <Timestamp iso={option.earliestRecoverable} labelled />
        </p>
      ) : null}
      {option.warnings.length > 0 ? (
        <ul id={`${id}-warnings`} className="source-warnings" aria-label={`${option.label}: warnings`}>
          {option.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export interface SourceChecklistProps {
  options: readonly CollectSourceOption[];
  chosen: readonly CollectSourceId[];
  onChange(chosen: CollectSourceId[]): void;
  error?: string | undefined;
}

/** The sources the case can collect now, each with its readiness verdict; blocked ones cannot be ticked. */
export function SourceChecklist({ options, chosen, onChange, error }: SourceChecklistProps) {
  const errorId = useId();
  const available = options.filter((option) => option.available).map((option) => option.source);
  // Keep the order of the list, whatever order the boxes were ticked in.
  const ordered = (sources: readonly CollectSourceId[]) => options.map((o) => o.source).filter((s) => sources.includes(s));
  const toggle = (source: CollectSourceId, checked: boolean) => onChange(ordered(checked ? [...chosen, source] : chosen.filter((s) => s !== source)));
  return (
    <fieldset className="sources" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="field-label">Sources</legend>
      <div className="sources-actions">
        <button type="button" className="button button-quiet" onClick={() => onChange(ordered(available))} disabled={available.length === 0}>
          Choose all available
        </button>
        <button type="button" className="button button-quiet" onClick={() => onChange([])} disabled={chosen.length === 0}>
          Clear
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <ul className="source-list">
        {options.map((option) => (
          <SourceCard key={option.source} option={option} checked={chosen.includes(option.source)} onToggle={toggle} />
        ))}
      </ul>
    </fieldset>
  );
}
