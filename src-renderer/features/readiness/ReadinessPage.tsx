import './readiness.css';
import { useState } from 'react';
import type { AuthSessionInfo } from '../../../src-shared/domain/auth.js';
import type { ReadinessRun, ReadinessRunInput } from '../../../src-shared/domain/readiness.js';
import { CallError } from '../../api/client.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { PageHead } from '../../shared/ui/PageHead.js';
import { SignInPanel, useAuthStatus } from '../auth/index.js';
import { CaseGate } from '../case/index.js';
import { CheckDrawer } from './CheckDrawer.js';
import { ReadinessMatrix, type CellRef } from './ReadinessMatrix.js';
import { RecheckBar } from './RecheckBar.js';
import { useLatestReadiness, useRunReadiness } from './use-readiness.js';

const whatItShows =
  'For each log source: whether this account may read it, whether the tenant records it, and how far back it reaches — ' +
  'licence, privilege, audit setting and history, with the calls behind every verdict.';

/** The run was made as someone else (or in another tenant) than the account signed in now. */
function otherIdentity(run: ReadinessRun, session: AuthSessionInfo | null): boolean {
  return session !== null && (run.account !== session.account.username || run.tenantId !== session.account.tenantId);
}

function RunErrorAlert({ error }: { error: unknown }) {
  const notSignedIn = error instanceof CallError && error.info.code === 'not_signed_in';
  return (
    <div className="stack">
      <ErrorAlert title="The readiness check did not finish" error={error} />
      {notSignedIn ? <p className="muted">Sign in again (header, Sign in…) and re-check.</p> : null}
    </div>
  );
}

/** The matrix of the newest run with its re-check bar and the drawer for one cell. */
function Board({ session }: { session: AuthSessionInfo | null }) {
  const latest = useLatestReadiness(true);
  const runCheck = useRunReadiness();
  const [cell, setCell] = useState<CellRef | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);

  if (latest.isPending) return <p className="muted">Reading the last readiness check of this case…</p>;
  const run = runCheck.data ?? latest.data ?? null;
  // Signed out with nothing saved: the sign-in panel above is all there is to do.
  if (!session && !run && !latest.error) return null;
  const start = (input: ReadinessRunInput) => {
    setStartedAt(Date.now());
    runCheck.mutate(input);
  };

  return (
    <div className="stack">
      {latest.error ? <ErrorAlert title="Could not read the saved readiness check" error={latest.error} /> : null}
      <RecheckBar run={run} session={session} running={runCheck.isPending} startedAt={startedAt} onRun={start} />
      {runCheck.error ? <RunErrorAlert error={runCheck.error} /> : null}
      {run && otherIdentity(run, session) ? (
        <p className="notice" role="note">
          This check was made as <span className="mono">{run.account}</span> in tenant <span className="mono">{run.tenantId}</span>; you are signed in as{' '}
          <span className="mono">{session?.account.username}</span>. Re-check to see what this account can read.
        </p>
      ) : null}
      {run ? (
        <ReadinessMatrix run={run} onOpen={setCell} />
      ) : latest.isSuccess ? (
        <p className="panel muted">No readiness check has been run in this case yet. Run one to see which sources this tenant can give you.</p>
      ) : null}
      <CheckDrawer cell={cell} onClose={() => setCell(null)} />
    </div>
  );
}

/**
 * The Readiness page: with a case open and an account signed in, the sources × checks matrix of
 * the newest run. Without a case it says to open one; signed out it shows the sign-in panel (and
 * any run already saved in the case, which stays readable as evidence).
 */
export function ReadinessPage() {
  // Hooks are called here, not in the gate's children: that function runs only with a case open.
  const status = useAuthStatus();
  const head = <PageHead title="Readiness" />;
  const noCase = (
    <section className="panel readiness-intro" aria-label="About Readiness">
      <p>{whatItShows}</p>
      <p className="readiness-next">
        <strong>Open a case first:</strong> every readiness check is saved into the case as evidence. <a href="#/case">Go to Case</a>
      </p>
    </section>
  );
  const session = status.data?.session ?? null;
  return (
    <CaseGate head={head} noCase={noCase}>
      {() => (
        <>
          {head}
          <p className="lead">{whatItShows}</p>
          {status.isPending ? <p className="muted">Reading the sign-in status…</p> : null}
          {status.isError ? <ErrorAlert title="Could not read the sign-in status" error={status.error} /> : null}
          {status.data && !status.data.signedIn ? (
            <section className="panel sign-in-section" aria-labelledby="readiness-sign-in-title">
              <h2 id="readiness-sign-in-title">Sign in to check readiness</h2>
              <p className="muted">Readiness asks the tenant itself, with your account. Sign in to the tenant of this case.</p>
              <SignInPanel />
            </section>
          ) : null}
          {status.data ? <Board session={session} /> : null}
        </>
      )}
    </CaseGate>
  );
}
