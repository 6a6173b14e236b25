import { useId, useState, type FormEvent } from 'react';
import type { AuthSessionInfo } from '../../../src-shared/domain/auth.js';
import { ReadinessRunInput, type ReadinessRun } from '../../../src-shared/domain/readiness.js';
import { useNow } from '../../shared/lib/use-now.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';
import { utcDate } from './readiness-format.js';

const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * Re-check with the period of interest (which turns retention into "rolls off in N days"), the
 * time and account of the last check, and a running indicator. The core sends no progress for a
 * readiness run, so the bar shows elapsed time rather than a made-up percentage.
 */
export function RecheckBar({
  run,
  session,
  running,
  startedAt,
  onRun,
}: {
  run: ReadinessRun | null;
  session: AuthSessionInfo | null;
  running: boolean;
  startedAt: number | null;
  onRun(input: ReadinessRunInput): void;
}) {
  const periodId = useId();
  const [period, setPeriod] = useState(() => (run?.periodStart ? utcDate(run.periodStart) : ''));
  const [periodError, setPeriodError] = useState<string | null>(null);
  const now = useNow(running);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = period.trim();
    if (day && !ReadinessRunInput.safeParse({ periodStart: day }).success) {
      setPeriodError('Enter a date as YYYY-MM-DD, e.g. 2025-02-10.');
      return;
    }
    if (day > todayUtc()) {
      setPeriodError('The period cannot start in the future.');
      return;
    }
    setPeriodError(null);
    onRun(day ? { periodStart: day } : {});
  };

  const elapsed = startedAt === null ? 0 : Math.max(0, Math.round((now - startedAt) / 1000));
  return (
    <form className="recheck" aria-label="Readiness check" onSubmit={submit} noValidate>
      <div className="recheck-period">
        <label htmlFor={periodId} className="field-label">
          Period of interest starts (UTC date)
        </label>
        {/* A text field rather than type="date": the browser's date picker shows the local format (11/08/2026), which misreads. */}
        <input
          id={periodId}
          type="text"
          inputMode="numeric"
          spellCheck={false}
          placeholder="YYYY-MM-DD"
          className="input mono"
          value={period}
          onChange={(e) => {
            setPeriod(e.target.value);
            setPeriodError(null);
          }}
          aria-invalid={periodError ? true : undefined}
          aria-describedby={`${periodId}-hint${periodError ? ` ${periodId}-error` : ''}`}
        />
        <p id={`${periodId}-hint`} className="field-hint">
          YYYY-MM-DD, the first day the investigation must cover; gives each source its “rolls off in N days”. Leave empty for retention only.
        </p>
        {periodError ? (
          <p id={`${periodId}-error`} className="field-error">
            {periodError}
          </p>
        ) : null}
      </div>
      <div className="recheck-action">
        <button type="submit" className="button button-primary" disabled={running || session === null}>
          {running ? 'Checking…' : run ? 'Re-check' : 'Run readiness check'}
        </button>
        {running ? (
          <p role="status" className="recheck-running">
            <progress aria-label="Readiness check in progress" /> Asking {session ? session.cloudLabel : 'the tenant'} about every source… {elapsed} s
          </p>
        ) : null}
      </div>
      <p className="recheck-last" data-testid="last-checked">
        {run ? (
          <>
            Last checked <Timestamp iso={run.finishedAt} labelled /> as <span className="mono">{run.account}</span>
            <span className="muted">
              {' '}
              · tenant <span className="mono">{run.tenantId}</span> · client <span className="mono">{run.clientId}</span>
            </span>
          </>
        ) : (
          'Not checked yet in this case.'
        )}
      </p>
    </form>
  );
}
