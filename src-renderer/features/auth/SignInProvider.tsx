import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { DeviceCodePrompt, SignInInput, SignInMethod } from '../../../src-shared/domain/auth.js';
import { useCommandMutation } from '../../api/use-command.js';
import { useEvent } from '../../api/use-event.js';
import { initialSignInValues, type SignInValues } from './sign-in-form.js';
import { authStatusKey } from './use-auth.js';

export interface SignInController {
  /** Starts a sign-in; it resolves only once the user has finished in the browser or entered the code. */
  start(input: SignInInput): void;
  /** Asks the core to stop the sign-in that is waiting for the user. */
  cancel(): void;
  /** The method of a sign-in this window started and that has not ended yet. */
  running: SignInMethod | null;
  /** The newest device-code prompt of the running sign-in (the core sends it once, as an event). */
  prompt: DeviceCodePrompt | null;
  /** Why the last sign-in from this window failed (or that it was cancelled); null otherwise. */
  error: Error | null;
  cancelling: boolean;
  cancelError: Error | null;
  /** Forgets the outcome of the last sign-in (its error). */
  reset(): void;
  /** What the form holds, kept here so a cancelled or failed sign-in does not make the user type it again. */
  values: SignInValues;
  setValues(update: (previous: SignInValues) => SignInValues): void;
}

const SignInContext = createContext<SignInController | null>(null);

/**
 * Holds the one sign-in this window can run, so the header's dialog and the Readiness page show
 * the same progress, prompt and error whichever started it, and closing a dialog loses nothing.
 */
export function SignInProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [prompt, setPrompt] = useState<DeviceCodePrompt | null>(null);
  const [values, setValues] = useState<SignInValues>(initialSignInValues);
  const signIn = useCommandMutation('auth.signIn', {
    onSuccess: (status) => queryClient.setQueryData(authStatusKey, status),
    onSettled: () => setPrompt(null),
  });
  const cancelMutation = useCommandMutation('auth.cancel');

  useEvent('auth.deviceCode', setPrompt);
  // A sign-in that ended elsewhere (cancelled from the CLI, timed out) takes its prompt with it.
  useEvent('auth.changed', (status) => {
    if (status.pending !== 'deviceCode') setPrompt(null);
  });

  const { mutate: mutateSignIn, reset: resetSignIn } = signIn;
  const { mutate: mutateCancel, reset: resetCancel } = cancelMutation;
  const start = useCallback(
    (input: SignInInput) => {
      setPrompt(null);
      resetCancel();
      mutateSignIn(input);
    },
    [mutateSignIn, resetCancel],
  );
  const cancel = useCallback(() => mutateCancel({}), [mutateCancel]);
  const reset = useCallback(() => {
    resetSignIn();
    resetCancel();
  }, [resetSignIn, resetCancel]);

  const running = signIn.isPending ? (signIn.variables?.method ?? null) : null;
  const value = useMemo<SignInController>(
    () => ({
      start,
      cancel,
      running,
      prompt,
      error: signIn.error,
      cancelling: cancelMutation.isPending,
      cancelError: cancelMutation.error,
      reset,
      values,
      setValues,
    }),
    [start, cancel, running, prompt, signIn.error, cancelMutation.isPending, cancelMutation.error, reset, values],
  );
  return <SignInContext.Provider value={value}>{children}</SignInContext.Provider>;
}

export function useSignIn(): SignInController {
  const controller = useContext(SignInContext);
  if (!controller) throw new Error('useSignIn must be used inside <SignInProvider>.');
  return controller;
}
