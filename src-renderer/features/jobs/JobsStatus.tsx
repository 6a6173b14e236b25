import type { JobProgress } from '../../../src-shared/ipc/contract.js';
import { isActive, useJobs } from './use-jobs.js';

const count = (job: JobProgress) => (job.total === null ? `${job.done}` : `${job.done}/${job.total}`);

function Job({ job }: { job: JobProgress }) {
  return (
    <li className={`job job-${job.status}`}>
      <span className="job-kind">{job.kind}</span> <span className="job-status">{job.status}</span>{' '}
      <span className="mono">{count(job)}</span>
      {isActive(job) && job.total !== null && job.total > 0 ? (
        <progress className="job-bar" max={job.total} value={job.done} aria-label={`${job.kind} progress`} />
      ) : null}
      {job.note ? <span className="job-note"> · {job.note}</span> : null}
    </li>
  );
}

/** The status bar's job list: what is running now and how the last jobs ended. */
export function JobsStatus() {
  const jobs = useJobs();
  if (jobs.length === 0) return <span className="muted">No background jobs</span>;
  return (
    <ul className="jobs" aria-label="Background jobs">
      {jobs.map((job) => (
        <Job key={job.jobId} job={job} />
      ))}
    </ul>
  );
}
