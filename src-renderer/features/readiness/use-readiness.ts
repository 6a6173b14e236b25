import { useQueryClient } from '@tanstack/react-query';
import { commandKey, useCommandMutation, useCommandQuery } from '../../api/use-command.js';

const latestKey = commandKey('readiness.latest', {});

/** The newest readiness run saved in the open case, or null; refreshed when a run is saved. */
export function useLatestReadiness(enabled: boolean) {
  return useCommandQuery('readiness.latest', {}, { tables: ['readiness_runs'], enabled });
}

/** Runs every check against the signed-in tenant; the core saves the run into the case. */
export function useRunReadiness() {
  const queryClient = useQueryClient();
  return useCommandMutation('readiness.run', {
    onSuccess: (run) => {
      queryClient.setQueryData(latestKey, run);
      // The run also wrote a custody entry; the Case page re-reads it.
      void queryClient.invalidateQueries({ queryKey: ['case.current'] });
    },
  });
}
