import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CollectJob } from '../../../src-shared/domain/collection.js';
import { commandKey, useCommandMutation, useCommandQuery } from '../../api/use-command.js';
import { useEvent } from '../../api/use-event.js';

export const jobsKey = commandKey('collect.jobs', {});
const optionsKey = commandKey('collect.options', {});

/**
 * What can be collected now. It follows the newest readiness run (a case table) and the signed-in
 * account, which is not in any case table, so a sign-in or sign-out re-asks it explicitly.
 */
export function useCollectOptions() {
  const queryClient = useQueryClient();
  useEvent('auth.changed', () => void queryClient.invalidateQueries({ queryKey: optionsKey }));
  return useCommandQuery('collect.options', {}, { tables: ['readiness_runs'] });
}

/**
 * Every job of the open case. Declared as reading no case table on purpose: collection changes its
 * tables many times a second, and the Collect page re-asks on a throttle (use-collect-refresh)
 * rather than on every `db.changed`. A case switch still refreshes it.
 */
export function useCollectJobs(enabled = true) {
  return useCommandQuery('collect.jobs', {}, { tables: [], enabled });
}

/** One job's ledger as strips; refreshed by the same throttle as the jobs list. */
export function useCoverage(jobId: number) {
  return useCommandQuery('collect.coverage', { jobId }, { tables: [] });
}

/** Puts a job the core just returned into the cached list, so the row changes before the next read. */
function replaceJobs(queryClient: QueryClient, changed: readonly CollectJob[]) {
  queryClient.setQueryData<CollectJob[]>(jobsKey, (previous) => {
    const byId = new Map(changed.map((job) => [job.id, job]));
    const kept = (previous ?? []).map((job) => byId.get(job.id) ?? job);
    const known = new Set(kept.map((job) => job.id));
    // New jobs first: the list is newest first, as the core sends it.
    return [...changed.filter((job) => !known.has(job.id)).sort((a, b) => b.id - a.id), ...kept];
  });
  void queryClient.invalidateQueries({ queryKey: jobsKey });
}

export function useStartCollect() {
  const queryClient = useQueryClient();
  return useCommandMutation('collect.start', {
    onSuccess: (result) => {
      replaceJobs(queryClient, result.jobs);
      // The start is written to the custody log; the Case page re-reads it.
      void queryClient.invalidateQueries({ queryKey: ['case.current'] });
    },
  });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useCommandMutation('collect.cancel', { onSuccess: (job) => replaceJobs(queryClient, [job]) });
}

export function useResumeJob() {
  const queryClient = useQueryClient();
  return useCommandMutation('collect.resume', { onSuccess: (job) => replaceJobs(queryClient, [job]) });
}
