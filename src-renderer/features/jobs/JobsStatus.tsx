import { describeError } from '../../api/describe-error.js';
import { isActive, useJobs, type JobLine } from './use-jobs.js';

const count = (job: JobLine) => (job.total === null ? `${job.done}` : `${job.done}/${job.total}`);

function Job({ job }: { job: JobLine }) {
  return (
    <li className={`job job-${job.status}`} data-job-id={job.jobId}>
      <span className="job-kind">{job.label}</span> <span className="job-status">{job.status}</span>{' '}
      <span className="mono">{count(job)}</span>
      {isActive(job) && job.total !== null && job.total > 0 ? (
        <progress className="job-bar" max={job.total} value={job.done} aria-label={`${job.label} progress`} />
      ) : null}
      {job.note ? <span className="job-note"> · {job.note}</span> : null}
    </li>
  );
}

/** The status bar's job list: what is running now and how the last jobs ended. */
export function JobsStatus() {
  const { jobs, seedError } = useJobs();
  // Without the stored list, "no jobs" could be wrong: say the list is missing, and why on hover.
  if (jobs.length === 0 && seedError) return <span title={describeError(seedError).message}>Could not list this case’s jobs</span>;
  if (jobs.length === 0) return <span className="muted">No background jobs</span>;
  return (
    <ul className="jobs" aria-label="Background jobs">
      {jobs.map((job) => (
        <Job key={job.jobId} job={job} />
      ))}
    </ul>
  );
}
