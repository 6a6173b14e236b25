import { useState } from 'react';
import type { JobProgress } from '../../../src-shared/ipc/contract.js';
import { useEvent } from '../../api/use-event.js';

const active: ReadonlySet<JobProgress['status']> = new Set(['queued', 'running', 'paused']);
export const isActive = (job: JobProgress) => active.has(job.status);

/** Finished jobs stay listed as summary lines; only the newest few, so the bar stays one line. */
const keepFinished = 5;

/**
 * Background jobs as last reported by `job.progress`. Only jobs reported since this page loaded are
 * known: the contract has no command to list jobs already running.
 */
export function useJobs(): JobProgress[] {
  const [jobs, setJobs] = useState<JobProgress[]>([]);
  useEvent('job.progress', (update) =>
    setJobs((previous) => {
      const others = previous.filter((job) => job.jobId !== update.jobId);
      const next = [update, ...others];
      const finished = next.filter((job) => !isActive(job));
      const dropped = new Set(finished.slice(keepFinished).map((job) => job.jobId));
      return next.filter((job) => !dropped.has(job.jobId));
    }),
  );
  // Running work first; within each group, the most recently updated first.
  return [...jobs.filter(isActive), ...jobs.filter((job) => !isActive(job))];
}
