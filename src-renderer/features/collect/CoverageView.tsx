import type { CollectJob } from '../../../src-shared/domain/collection.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { CoverageLegend, CoverageStrip } from './CoverageStrip.js';
import { windowsSummary } from './coverage-summary.js';
import { useCoverage } from './use-collect.js';

/** A job's ledger: one strip per channel, filling in as windows finish. */
export function CoverageView({ job }: { job: CollectJob }) {
  const coverage = useCoverage(job.id);
  return (
    <section className="coverage-view" aria-label={`Coverage of job ${job.id}`}>
      <div className="coverage-view-head">
        <h3>Coverage</h3>
        <span className="coverage-windows" data-testid="windows-summary">
          {windowsSummary(job.windows)}
        </span>
        <CoverageLegend />
      </div>
      {coverage.isPending ? <p className="muted">Reading the ledger…</p> : null}
      {coverage.isError ? <ErrorAlert title={`Could not read the coverage of job ${job.id}`} error={coverage.error} /> : null}
      {coverage.data && coverage.data.length === 0 ? (
        <p className="muted">
          {job.rangeStart === null ? 'A point-in-time snapshot has no time windows to cover.' : 'No window is in the ledger yet: the job has not planned its windows.'}
        </p>
      ) : null}
      {coverage.data?.map((strip) => <CoverageStrip key={`${strip.source}:${strip.channel}`} strip={strip} />)}
    </section>
  );
}
