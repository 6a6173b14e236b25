import type { CollectJob } from '../../../src-shared/domain/collection.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';
import { CoverageView } from './CoverageView.js';
import { JobLog } from './JobLog.js';
import { jobRangeText } from './job-format.js';

/** Shown as facts of their own (Range) or by the row itself (the source). */
const shownElsewhere: ReadonlySet<string> = new Set(['source', 'range']);

const labelOf = (item: unknown): string | null =>
  typeof item === 'object' && item !== null && typeof (item as { label?: unknown }).label === 'string' ? (item as { label: string }).label : null;

/**
 * A stored parameter as one line: lists joined, named entries (the UAL searches a preset expanded
 * into) by their names and count, other objects as compact JSON; nothing hidden.
 */
function paramText(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '(all)';
    const labels = value.map(labelOf);
    if (labels.every((label) => label !== null)) return `${value.length} ${value.length === 1 ? 'search' : 'searches'}: ${labels.map((l) => l || '(single search)').join(', ')}`;
    return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join(', ');
  }
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The facts of one job: what was asked, when it ran, then its coverage and its log. */
export function JobDetails({ job, logVersion }: { job: CollectJob; logVersion: number }) {
  const params = Object.entries(job.params).filter(([key]) => !shownElsewhere.has(key));
  return (
    <div className="job-details">
      <dl className="facts job-facts">
        <dt>Range</dt>
        <dd className="mono">{jobRangeText(job)}</dd>
        <dt>Runs</dt>
        <dd>{job.runs}</dd>
        <dt>Created</dt>
        <dd className="mono">
          <Timestamp iso={job.createdAt} labelled />
        </dd>
        <dt>Started</dt>
        <dd className="mono">{job.startedAt ? <Timestamp iso={job.startedAt} labelled /> : 'not yet'}</dd>
        <dt>Finished</dt>
        <dd className="mono">{job.finishedAt ? <Timestamp iso={job.finishedAt} labelled /> : 'not yet'}</dd>
      </dl>
      {params.length > 0 ? (
        <dl className="kv job-params" aria-label={`What job ${job.id} was asked for`}>
          {params.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd className="mono break">{paramText(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <CoverageView job={job} />
      <JobLog jobId={job.id} version={logVersion} />
    </div>
  );
}
