import { useMutation, useQuery, type UseMutationOptions } from '@tanstack/react-query';
import type { CommandInput, CommandName, CommandOutput } from '../../src-shared/ipc/contract.js';
import { useClient } from './client-context.js';
import './query-meta.js';

/** Every command query is keyed `[name, input]`, so invalidation can match on the command name. */
export const commandKey = <K extends CommandName>(name: K, input: CommandInput<K>) => [name, input] as const;

export interface CommandQueryOptions {
  /** Case tables behind the answer (see CommandQueryMeta). */
  tables?: readonly string[];
  enabled?: boolean;
  staleTime?: number;
}

/** A read-only command as a TanStack query. Errors arrive as CallError or ConnectionError. */
export function useCommandQuery<K extends CommandName>(name: K, input: CommandInput<K>, options: CommandQueryOptions = {}) {
  const client = useClient();
  return useQuery({
    queryKey: commandKey(name, input),
    queryFn: () => client.call(name, input),
    meta: options.tables ? { tables: options.tables } : {},
    enabled: options.enabled ?? true,
    staleTime: options.staleTime ?? 0,
  });
}

/** A command with effects as a TanStack mutation; the caller decides what to refresh on success. */
export function useCommandMutation<K extends CommandName>(
  name: K,
  options: Omit<UseMutationOptions<CommandOutput<K>, Error, CommandInput<K>>, 'mutationFn'> = {},
) {
  const client = useClient();
  return useMutation({ ...options, mutationFn: (input: CommandInput<K>) => client.call(name, input) });
}
