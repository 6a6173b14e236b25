import { useState } from 'react';
import type { CollectJob } from '../../../src-shared/domain/collection.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { JobsTable } from './JobsTable.js';
import { useCancelJob, useCollectJobs, useResumeJob } from './use-collect.js';
import { useCollectRefresh } from './use-collect-refresh.js';

/** The case's collection jobs, kept current on a throttle while they run; cancel, resume, details. */
export function JobsSection() {
  const jobs = useCollectJobs();
  const logVersion = useCollectRefresh();
  const cancel = useCancelJob();
  const resume = useResumeJob();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [action, setAction] = useState<{ verb: 'cancel' | 'resume'; job: CollectJob } | null>(null);

  const toggle = (jobId: number) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(jobId)) next.delete(jobId);
      else next.add(jobId);
      return next;
    });
  const run = (verb: 'cancel' | 'resume', job: CollectJob) => {
    setAction({ verb, job });
    (verb === 'cancel' ? cancel : resume).mutate({ jobId: job.id });
  };
  const failed = action?.verb === 'cancel' ? cancel.error : action?.verb === 'resume' ? resume.error : null;
  const busyJobId = cancel.isPending || resume.isPending ? (action?.job.id ?? null) : null;

  return (
    <section className="stack" aria-labelledby="collect-jobs-title">
      <h2 id="collect-jobs-title">Jobs</h2>
      {failed && action ? <ErrorAlert title={`Could not ${action.verb} job ${action.job.id} (${action.job.label})`} error={failed} /> : null}
      {jobs.isPending ? <p className="muted">Reading the jobs of this case…</p> : null}
      {jobs.isError ? <ErrorAlert title="Could not read the collection jobs of this case" error={jobs.error} /> : null}
      {jobs.data && jobs.data.length === 0 ? <p className="panel muted">No collection has been started in this case yet.</p> : null}
      {jobs.data && jobs.data.length > 0 ? (
        <JobsTable
          jobs={jobs.data}
          expanded={expanded}
          onToggle={toggle}
          onCancel={(job) => run('cancel', job)}
          onResume={(job) => run('resume', job)}
          busyJobId={busyJobId}
          logVersion={logVersion}
        />
      ) : null}
    </section>
  );
}
