import type { CollectJob } from '../../../src-shared/domain/collection.js';
import type { JobProgress } from '../../../src-shared/ipc/contract.js';
import { windowProgress } from '../collect/index.js';

/** One job as the status bar shows it, whichever way it was heard of. */
export interface JobLine {
  jobId: string;
  /** What the job is, in words: a collection job's source label, else the progress event's kind. */
  label: string;
  status: JobProgress['status'];
  done: number;
  total: number | null;
  note: string;
}

export const jobLine = {
  fromProgress(progress: JobProgress, label: string): JobLine {
    return { jobId: progress.jobId, label, status: progress.status, done: progress.done, total: progress.total, note: progress.note };
  },
  /** A stored job, measured in windows as the Collect page's bar measures it. */
  fromCollectJob(job: CollectJob, status: JobProgress['status']): JobLine {
    const { done, total } = windowProgress(job.windows);
    return { jobId: String(job.id), label: job.label, status, done, total: total > 0 ? total : null, note: job.error ?? job.note ?? '' };
  },
};
