import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useEvent } from '../../api/use-event.js';
import { createThrottle } from './throttle.js';
import { jobsKey } from './use-collect.js';

/** At most two reads of the jobs list per second, however many progress events arrive. */
export const REFRESH_INTERVAL_MS = 500;

/** Case tables a collection job writes as it goes; `db.changed` naming one of them means "re-read". */
const collectionTables: ReadonlySet<string> = new Set(['collection_jobs', 'collection_windows', 'job_log']);

interface Versions {
  /** Bumped when something changed that names no job (a `db.changed`). */
  all: number;
  byJob: ReadonlyMap<number, number>;
}

const coverageJobId = (key: readonly unknown[]): number | undefined => {
  const input = key[1];
  return typeof input === 'object' && input !== null && typeof (input as { jobId?: unknown }).jobId === 'number' ? (input as { jobId: number }).jobId : undefined;
};

/**
 * Keeps the Collect page current while jobs run without flooding the core: `job.progress` and
 * `db.changed` (collection tables) only mark what is stale, and a throttle re-reads the jobs list,
 * the coverage of the jobs that moved, and bumps their log version (the log reads only new lines).
 * Returns the log version of a job, which changes whenever its log may have grown.
 */
export function useCollectRefresh(intervalMs = REFRESH_INTERVAL_MS): (jobId: number) => number {
  const queryClient = useQueryClient();
  const stale = useRef<{ all: boolean; ids: Set<number> }>({ all: false, ids: new Set() });
  const [versions, setVersions] = useState<Versions>({ all: 0, byJob: new Map() });

  const throttle = useMemo(
    () =>
      createThrottle(() => {
        const { all, ids } = stale.current;
        stale.current = { all: false, ids: new Set() };
        void queryClient.invalidateQueries({ queryKey: jobsKey });
        void queryClient.invalidateQueries({
          queryKey: ['collect.coverage'],
          predicate: (query) => {
            const id = coverageJobId(query.queryKey);
            return all || (id !== undefined && ids.has(id));
          },
        });
        setVersions((previous) => {
          if (all) return { all: previous.all + 1, byJob: previous.byJob };
          const byJob = new Map(previous.byJob);
          for (const id of ids) byJob.set(id, (byJob.get(id) ?? 0) + 1);
          return { all: previous.all, byJob };
        });
      }, intervalMs),
    [queryClient, intervalMs],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);

  useEvent('job.progress', (progress) => {
    // Collection jobs report their numeric id as text; any other id cannot be matched to a row.
    const id = Number(progress.jobId);
    if (Number.isSafeInteger(id) && id > 0) stale.current.ids.add(id);
    else stale.current.all = true;
    throttle.request();
  });
  useEvent('db.changed', (change) => {
    if (!change.tables.some((table) => collectionTables.has(table))) return;
    stale.current.all = true;
    throttle.request();
  });

  return useCallback((jobId: number) => versions.all + (versions.byJob.get(jobId) ?? 0), [versions]);
}
