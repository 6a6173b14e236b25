import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CaseInfo } from '../../../src-shared/domain/case.js';
import { isStaleAfter } from '../../api/invalidation.js';
import { commandKey, useCommandMutation, useCommandQuery } from '../../api/use-command.js';

const currentKey = commandKey('case.current', {});

/** The open case with its custody log, or null. Reads case metadata and the custody log. */
export function useCurrentCase() {
  return useCommandQuery('case.current', {});
}

/** Recent cases live in the per-user configuration, not in any case table. */
export function useRecentCases() {
  return useCommandQuery('case.recent', {}, { tables: [] });
}

/**
 * After this window opened, created or closed a case, show the answer at once and re-ask
 * everything case-scoped; the core's `case.changed` event would do the same a moment later.
 */
function caseSwitched(queryClient: QueryClient, info: CaseInfo | null) {
  queryClient.setQueryData(currentKey, info);
  void queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== 'case.current' && isStaleAfter({ name: 'case.changed', payload: { dir: info?.dir ?? null } }, query),
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useCommandMutation('case.create', { onSuccess: (info) => caseSwitched(queryClient, info) });
}

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useCommandMutation('case.open', { onSuccess: (info) => caseSwitched(queryClient, info) });
}

export function useCloseCase() {
  const queryClient = useQueryClient();
  return useCommandMutation('case.close', { onSuccess: () => caseSwitched(queryClient, null) });
}

export function useForgetRecent() {
  const queryClient = useQueryClient();
  return useCommandMutation('case.forgetRecent', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['case.recent'] }),
  });
}

export function usePickFolder() {
  return useCommandMutation('shell.pickFolder');
}
