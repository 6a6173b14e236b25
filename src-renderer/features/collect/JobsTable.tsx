import { Fragment } from 'react';
import type { CollectJob } from '../../../src-shared/domain/collection.js';
import { JobDetails } from './JobDetails.js';
import { canCancel, canResume, etaText, formatCount, formatRate, jobRangeText, jobStatusWords, throttledText, utcMinute, windowProgress } from './job-format.js';

export interface JobsTableProps {
  jobs: readonly CollectJob[];
  expanded: ReadonlySet<number>;
  onToggle(jobId: number): void;
  onCancel(job: CollectJob): void;
  onResume(job: CollectJob): void;
  /** The job a cancel or resume is on its way for; its buttons wait. */
  busyJobId: number | null;
  logVersion(jobId: number): number;
}

const COLUMNS = 10;

/** The range with each end kept on one line (a date must never break at its hyphens). */
function JobRange({ job }: { job: CollectJob }) {
  if (job.rangeStart === null || job.rangeEnd === null) return <>{jobRangeText(job)}</>;
  return (
    <>
      <span className="nowrap">{utcMinute(job.rangeStart)}</span> – <span className="nowrap">{utcMinute(job.rangeEnd)} UTC</span>
    </>
  );
}

function WindowsBar({ job }: { job: CollectJob }) {
  const { done, total } = windowProgress(job.windows);
  const name = `Windows of job ${job.id} (${job.label})`;
  return (
    <div className="job-progress">
      {total > 0 ? (
        <progress max={total} value={done} aria-label={name} />
      ) : job.status === 'running' ? (
        // Running before any window is planned: a bar without a value says "working, size unknown".
        <progress aria-label={name} />
      ) : null}
      <span className="mono nowrap">{total > 0 ? `${formatCount(done)} / ${formatCount(total)} windows` : 'no windows yet'}</span>
    </div>
  );
}

function JobRow({ job, open, busy, onToggle, onCancel, onResume, logVersion }: { job: CollectJob; open: boolean; busy: boolean; logVersion: number } & Pick<JobsTableProps, 'onToggle' | 'onCancel' | 'onResume'>) {
  const detailsId = `job-${job.id}-details`;
  return (
    <Fragment>
      <tr className={`job-row job-${job.status}`} data-job-id={job.id}>
        <th scope="row" className="job-name">
          <span className="job-label">{job.label}</span>
          <span className="job-sub muted">
            #{job.id} · <JobRange job={job} />
          </span>
        </th>
        <td>
          <span className={`job-state state-${job.status}`}>{jobStatusWords[job.status]}</span>
          {job.error ? <span className="job-error">{job.error}</span> : job.note ? <span className="job-sub muted">{job.note}</span> : null}
        </td>
        <td>
          <WindowsBar job={job} />
        </td>
        <td className="num mono nowrap">
          {formatCount(job.recordsFetched)}
          <span className="muted"> / {formatCount(job.recordsStored)}</span>
        </td>
        <td className="num mono">{formatCount(job.duplicates)}</td>
        <td className="num mono nowrap">{formatRate(job.rate)}</td>
        <td className="num mono nowrap">{etaText(job)}</td>
        <td className="num mono nowrap">{throttledText(job.throttledMs)}</td>
        <td className="num mono">{formatCount(job.retries)}</td>
        <td className="job-actions">
          {canCancel(job.status) ? (
            <button type="button" className="button" disabled={busy} onClick={() => onCancel(job)} aria-label={`Cancel job ${job.id} (${job.label})`}>
              Cancel
            </button>
          ) : null}
          {canResume(job.status) ? (
            <button type="button" className="button" disabled={busy} onClick={() => onResume(job)} aria-label={`Resume job ${job.id} (${job.label})`}>
              Resume
            </button>
          ) : null}
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} details of job ${job.id} (${job.label})`}
            onClick={() => onToggle(job.id)}
          >
            {open ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="job-detail-row" id={detailsId}>
          <td colSpan={COLUMNS}>
            <JobDetails job={job} logVersion={logVersion} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

/** One row per job, newest first: progress, counts, rate, ETA, throttling, and what can be done next. */
export function JobsTable({ jobs, expanded, onToggle, onCancel, onResume, busyJobId, logVersion }: JobsTableProps) {
  return (
    <div className="table-scroll jobs-wrap">
      <table className="table jobs-table" aria-label="Collection jobs">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col" className="num">
              Records fetched / stored
            </th>
            <th scope="col" className="num">
              Duplicates
            </th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              ETA
            </th>
            <th scope="col" className="num">
              Throttled
            </th>
            <th scope="col" className="num">
              Retries
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow
              key={job.id}
              job={job}
              open={expanded.has(job.id)}
              busy={busyJobId === job.id}
              onToggle={onToggle}
              onCancel={onCancel}
              onResume={onResume}
              logVersion={logVersion(job.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
