import { useMemo, useState } from 'react';
import { CollectSourceId, collectSourceLabels, jobProgressStatus, type CollectJob } from '../../../src-shared/domain/collection.js';
import type { JobProgress } from '../../../src-shared/ipc/contract.js';
import { useCommandQuery } from '../../api/use-command.js';
import { useEvent } from '../../api/use-event.js';
import { useCurrentCase } from '../case/index.js';
import { jobLine, type JobLine } from './job-line.js';

export type { JobLine } from './job-line.js';

const active: ReadonlySet<JobProgress['status']> = new Set(['queued', 'running', 'paused']);
export const isActive = (job: Pick<JobLine, 'status'>) => active.has(job.status);

/** Finished jobs stay listed as summary lines; only the newest few, so the bar stays one line. */
const keepFinished = 5;

interface Reported {
  progress: JobProgress;
  /** When this window heard it, to tell it apart from an older or newer read of the jobs list. */
  at: number;
}

/**
 * Background jobs for the status bar, on every page. Seeded from `collect.jobs` when a case is
 * open, so jobs started before this page loaded (or from the CLI) are listed too; then kept current
 * by `job.progress`. For a job known both ways, whichever was heard last wins.
 */
export function useJobs(): { jobs: JobLine[]; seedError: Error | null } {
  const current = useCurrentCase();
  const caseOpen = current.data !== null && current.data !== undefined;
  // Same query key as the Collect page's list, so one read serves both; no case table declared:
  // progress events keep the bar current between reads (see the Collect page's throttle).
  const seed = useCommandQuery('collect.jobs', {}, { tables: [], enabled: caseOpen });
  const [reported, setReported] = useState<ReadonlyMap<string, Reported>>(new Map());

  useEvent('job.progress', (progress) => setReported((previous) => new Map(previous).set(progress.jobId, { progress, at: Date.now() })));
  // Jobs belong to a case: another case (or none) starts from its own list.
  useEvent('case.changed', () => setReported(new Map()));

  const seeded = caseOpen ? seed.data : undefined;
  const seededAt = seed.dataUpdatedAt;
  const jobs = useMemo(() => merge(seeded ?? [], seededAt, reported), [seeded, seededAt, reported]);
  return { jobs, seedError: caseOpen ? seed.error : null };
}

/** Collection jobs report their source as their kind; other kinds are shown as they come. */
const labelOfKind = (kind: string): string => {
  const source = CollectSourceId.safeParse(kind);
  return source.success ? collectSourceLabels[source.data] : kind;
};

function merge(seeded: readonly CollectJob[], seededAt: number, reported: ReadonlyMap<string, Reported>): JobLine[] {
  const lines: { line: JobLine; heardAt: number }[] = [];
  const seen = new Set<string>();
  seeded.forEach((job, index) => {
    const id = String(job.id);
    seen.add(id);
    const heard = reported.get(id);
    const fromList = jobLine.fromCollectJob(job, jobProgressStatus[job.status]);
    lines.push(
      heard && heard.at >= seededAt
        ? { line: jobLine.fromProgress(heard.progress, job.label), heardAt: heard.at }
        : // The list is newest first; keep that order among jobs heard of only through it.
          { line: fromList, heardAt: seededAt - index },
    );
  });
  for (const [id, heard] of reported) {
    if (!seen.has(id)) lines.push({ line: jobLine.fromProgress(heard.progress, labelOfKind(heard.progress.kind)), heardAt: heard.at });
  }
  // Running work first; within each group, the most recently heard of first.
  lines.sort((a, b) => Number(isActive(b.line)) - Number(isActive(a.line)) || b.heardAt - a.heardAt);
  const finished = lines.filter(({ line }) => !isActive(line));
  const dropped = new Set(finished.slice(keepFinished).map(({ line }) => line.jobId));
  return lines.filter(({ line }) => !dropped.has(line.jobId)).map(({ line }) => line);
}
