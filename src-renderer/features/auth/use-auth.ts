import { useQueryClient } from '@tanstack/react-query';
import type { CloudId } from '../../../src-shared/domain/clouds.js';
import { commandKey, useCommandMutation, useCommandQuery } from '../../api/use-command.js';

export const authStatusKey = commandKey('auth.status', {});

/** Who is signed in (never a token), whether a sign-in waits for the user, and where the token cache lives. */
export function useAuthStatus() {
  return useCommandQuery('auth.status', {}, { tables: [] });
}

/** The clouds the core knows, with their URLs; the demo cloud appears once the host runs a simulator. */
export function useClouds() {
  return useCommandQuery('auth.clouds', {}, { tables: [], staleTime: Infinity });
}

/** The app registration, permissions and roles a tenant in `cloud` has to grant. */
export function useAuthRequirements(cloud: CloudId) {
  return useCommandQuery('auth.requirements', { cloud }, { tables: [], staleTime: Infinity });
}

/** Forgets the account and deletes the token cache; the header shows "Not signed in" at once. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useCommandMutation('auth.signOut', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: authStatusKey }),
  });
}

/** Opens an allow-listed address (sign-in pages, documentation) in the system browser, through the core. */
export function useOpenExternal() {
  return useCommandMutation('shell.openExternal');
}
