import { readinessCheckLabels, ReadinessCheckId, type ReadinessCheck, type ReadinessRun, type ReadinessSource } from '../../../src-shared/domain/readiness.js';
import { statusWords, rollOffText, rollOffUrgent, sortByUrgency, utcDate } from './readiness-format.js';
import { StatusBadge } from './StatusBadge.js';

export interface CellRef {
  source: ReadinessSource;
  check: ReadinessCheck;
  /** The cell's button, which gets the focus back when the drawer closes. */
  opener?: HTMLElement;
}

function Cell({ source, check, onOpen }: CellRef & { onOpen(ref: CellRef): void }) {
  const label = `${source.label}, ${readinessCheckLabels[check.check]}: ${statusWords[check.status]}. ${check.summary}`;
  return (
    <td className={`matrix-cell cell-${check.status}`}>
      <button type="button" className="cell-button" onClick={(event) => onOpen({ source, check, opener: event.currentTarget })} aria-label={label} aria-haspopup="dialog" title={check.summary}>
        <StatusBadge status={check.status} />
        <span className="cell-summary">{check.summary}</span>
      </button>
    </td>
  );
}

/**
 * Sources × checks, most urgent source first. Each cell is a button that opens the calls behind
 * it; each row ends with how far back the source reaches and when the period start rolls off.
 */
export function ReadinessMatrix({ run, onOpen }: { run: ReadinessRun; onOpen(ref: CellRef): void }) {
  const rows = sortByUrgency(run);
  return (
    <div className="table-scroll matrix-wrap">
      <table className="table matrix" aria-label="Readiness matrix">
        <thead>
          <tr>
            <th scope="col" className="matrix-source-col">
              Source <span className="muted">(most urgent first)</span>
            </th>
            {ReadinessCheckId.options.map((id) => (
              <th scope="col" key={id}>
                {readinessCheckLabels[id]}
              </th>
            ))}
            <th scope="col">Earliest recoverable (UTC)</th>
            <th scope="col">Rolls off</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((source) => (
            <tr key={source.source} data-source={source.source}>
              <th scope="row" className="matrix-source">
                <span className="matrix-source-label">{source.label}</span>
                <span className="matrix-overall">
                  overall <StatusBadge status={source.overall} />
                </span>
              </th>
              {ReadinessCheckId.options.map((id) => {
                const check = source.checks.find((c) => c.check === id);
                return check ? (
                  <Cell key={id} source={source} check={check} onOpen={onOpen} />
                ) : (
                  <td key={id} className="muted">
                    not reported
                  </td>
                );
              })}
              <td className="mono nowrap" title={source.history.earliestRecoverable ?? undefined}>
                {source.history.earliestRecoverable ? `${utcDate(source.history.earliestRecoverable)} UTC` : source.overall === 'notApplicable' ? 'n/a' : 'unknown'}
              </td>
              <td className={rollOffUrgent(source.history) ? 'rolloff rolloff-urgent' : 'rolloff'}>{rollOffText(source.history, source.overall)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
