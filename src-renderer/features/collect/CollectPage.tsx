import './collect.css';
import type { CollectOptions } from '../../../src-shared/domain/collection.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';
import { PageHead } from '../../shared/ui/PageHead.js';
import { CaseGate } from '../case/index.js';
import { CollectForm } from './CollectForm.js';
import { JobsSection } from './JobsSection.js';
import { StartOutcome } from './StartOutcome.js';
import { useCollectOptions, useStartCollect } from './use-collect.js';

const whatItDoes =
  'Collects the chosen sources into the case, one job per source. Every time window is recorded in a ledger that proves it complete or says why not; ' +
  'a cancelled or failed job resumes where the ledger stops.';

/** Why sources may be unavailable, and the one step that changes it. */
function ReadinessNotice({ options }: { options: CollectOptions }) {
  if (!options.signedIn) {
    return (
      <p className="notice" role="note">
        <strong>Not signed in.</strong> Collection reads the tenant with your account, so no source can start yet. <a href="#/readiness">Sign in on the Readiness page</a>{' '}
        (or with Sign in… in the header).
      </p>
    );
  }
  if (options.readinessRunAt === null) {
    return (
      <p className="notice" role="note">
        <strong>No readiness check in this case yet.</strong> It decides which sources this tenant can give and how far back. <a href="#/readiness">Run readiness</a>
      </p>
    );
  }
  return (
    <p className="muted">
      Availability from the readiness check of <Timestamp iso={options.readinessRunAt} labelled />. <a href="#/readiness">Re-check on the Readiness page</a>
    </p>
  );
}

/** What can be collected now, the form, and what the last Start did. */
function StartPanel() {
  const options = useCollectOptions();
  const start = useStartCollect();
  if (options.isPending) return <p className="muted">Reading which sources this case can collect…</p>;
  if (options.isError) return <ErrorAlert title="Could not read which sources can be collected" error={options.error} />;
  return (
    <div className="stack">
      <ReadinessNotice options={options.data} />
      <CollectForm options={options.data} starting={start.isPending} onStart={(request) => start.mutate(request)} />
      {start.isError ? <ErrorAlert title="Collection did not start" error={start.error} /> : null}
      {start.data && !start.isPending ? <StartOutcome result={start.data} /> : null}
    </div>
  );
}

/**
 * The Collect page: with a case open, the sources (each disabled with its readiness reason), the
 * options of the chosen ones and the range, then every job of the case with its progress,
 * coverage strips and log. Without a case it says to open one.
 */
export function CollectPage() {
  const head = <PageHead title="Collect" />;
  const noCase = (
    <section className="panel collect-intro" aria-label="About Collect">
      <p>{whatItDoes}</p>
      <p className="collect-next">
        <strong>Open a case first:</strong> everything collected is stored in a case, with its provenance. <a href="#/case">Go to Case</a>
      </p>
    </section>
  );
  return (
    <CaseGate head={head} noCase={noCase}>
      {(openCase) => (
        <>
          {head}
          <p className="lead">{whatItDoes}</p>
          {/* Keyed by case: another case's last Start and opened rows mean nothing here. */}
          <StartPanel key={openCase.dir} />
          <JobsSection key={`jobs:${openCase.dir}`} />
        </>
      )}
    </CaseGate>
  );
}
