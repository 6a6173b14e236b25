import { useState } from 'react';
import type { RecentCase } from '../../../src-shared/domain/case.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';
import { useForgetRecent, useOpenCase, useRecentCases } from './use-case.js';

/** Cases this user opened before; opening one is a click, forgetting one leaves the folder alone. */
export function RecentCases() {
  const recent = useRecentCases();
  const open = useOpenCase();
  const forget = useForgetRecent();
  // Which entry the last open/forget was about, so its error is shown against the right case.
  const [target, setTarget] = useState<RecentCase | null>(null);

  const openCase = (entry: RecentCase) => {
    setTarget(entry);
    forget.reset();
    open.mutate({ dir: entry.dir });
  };
  const forgetCase = (entry: RecentCase) => {
    setTarget(entry);
    open.reset();
    forget.mutate({ dir: entry.dir });
  };

  return (
    <section className="panel" aria-labelledby="recent-cases-title">
      <h2 id="recent-cases-title">Recent cases</h2>
      {recent.isPending ? <p className="muted">Reading recent cases…</p> : null}
      {recent.isError ? <ErrorAlert title="Could not read the recent cases list" error={recent.error} /> : null}
      {recent.data?.length === 0 ? <p className="muted">No recent cases. Cases you create or open appear here.</p> : null}
      {open.error && target ? <ErrorAlert title={`Could not open “${target.name}”`} error={open.error} /> : null}
      {forget.error && target ? <ErrorAlert title={`Could not forget “${target.name}”`} error={forget.error} /> : null}
      {recent.data && recent.data.length > 0 ? (
        <ul className="recent-list">
          {recent.data.map((entry) => (
            <li key={entry.dir} className="recent-item">
              <button type="button" className="recent-open" onClick={() => openCase(entry)} disabled={open.isPending}>
                <span className="recent-name">{entry.name}</span>
                <span className="recent-dir mono">{entry.dir}</span>
                <span className="recent-when">
                  Last opened <Timestamp iso={entry.lastOpenedAt} labelled />
                </span>
              </button>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Forget ${entry.name}`}
                title="Remove from this list; the case folder is not touched"
                onClick={() => forgetCase(entry)}
                disabled={forget.isPending}
              >
                Forget
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
