import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobLogLine } from '../../../src-shared/domain/collection.js';
import { useClient } from '../../api/client-context.js';

/** Lines asked for per call; a long log arrives in several calls, oldest first. */
export const LOG_PAGE = 200;
/** Lines kept on screen; older ones stay in the case (job_log) and are only dropped from view. */
export const LOG_KEEP = 2000;

export interface JobLogState {
  lines: JobLogLine[];
  /** Lines read but no longer shown (beyond LOG_KEEP). */
  dropped: number;
  loaded: boolean;
  error: unknown;
}

/**
 * A job's log, read incrementally: each time `version` changes only the lines after the last one
 * seen are asked for (`afterId`), so following a long job costs one small call per refresh.
 * Calls never overlap; a refresh asked for during a call runs once the call is done.
 */
export function useJobLog(jobId: number, version: number): JobLogState {
  const client = useClient();
  const [state, setState] = useState<JobLogState>({ lines: [], dropped: 0, loaded: false, error: null });
  const cursor = useRef(0);
  const busy = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);

  const load = useCallback(async (): Promise<void> => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      for (;;) {
        const page = await client.call('collect.log', { jobId, afterId: cursor.current, limit: LOG_PAGE });
        if (!alive.current) return;
        const fresh = page.filter((line) => line.id > cursor.current);
        const last = fresh[fresh.length - 1];
        if (last) {
          cursor.current = last.id;
          setState((previous) => {
            const all = [...previous.lines, ...fresh];
            const drop = Math.max(0, all.length - LOG_KEEP);
            return { lines: drop > 0 ? all.slice(drop) : all, dropped: previous.dropped + drop, loaded: true, error: null };
          });
        }
        if (page.length < LOG_PAGE) break;
      }
      setState((previous) => (previous.loaded && previous.error === null ? previous : { ...previous, loaded: true, error: null }));
    } catch (error) {
      if (alive.current) setState((previous) => ({ ...previous, loaded: true, error }));
    } finally {
      busy.current = false;
      if (again.current && alive.current) {
        again.current = false;
        void load();
      }
    }
  }, [client, jobId]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
    };
  }, [load, version]);

  return state;
}
