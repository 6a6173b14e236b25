import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { NetworkError } from '../net/http-client.js';

/**
 * Turns MSAL's failures into contract errors with a message a responder can act on. The
 * identity platform's AADSTS text is kept (it names the cause: consent missing, app blocked,
 * tenant not found); MSAL's trace and correlation ids are dropped from the first line.
 */
export function describeAuthFailure(e: unknown): string {
  if (e instanceof AuthError) {
    const text = (e.errorMessage || e.message || e.errorCode).split(/\r?\n/)[0]?.replace(/\s*Trace ID:.*$/i, '').trim() ?? '';
    return text ? `${e.errorCode}: ${text}` : e.errorCode;
  }
  if (e instanceof NetworkError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

// Refresh token gone or expired, account removed, password changed: only a new sign-in helps.
const SIGN_IN_AGAIN = /AADSTS(700082|70043|50173|50078|50076|50079|700084|50133|50034)\b|no_tokens_found|no_account_found|bad_token/i;

/** A token could not be obtained. `transient`: no answer from the identity platform (worth retrying). */
export class TokenError extends CoreError {
  constructor(
    code: 'not_signed_in' | 'sign_in_failed',
    message: string,
    readonly transient: boolean,
  ) {
    super(code, message);
  }
}

export function isTransientAuthFailure(e: unknown): boolean {
  return e instanceof NetworkError || (e instanceof AuthError && e.errorCode === 'network_error');
}

/** For silent token requests: `not_signed_in` when only a new sign-in can help, `sign_in_failed` otherwise. */
export function silentFailure(e: unknown, what: string): CoreError {
  if (e instanceof CoreError) return e;
  const text = describeAuthFailure(e);
  if (isTransientAuthFailure(e)) return new TokenError('sign_in_failed', `${what}: the identity platform did not answer (${text}).`, true);
  if (e instanceof InteractionRequiredAuthError && (SIGN_IN_AGAIN.test(text) || SIGN_IN_AGAIN.test(e.subError ?? ''))) {
    return new TokenError('not_signed_in', `${what}: the sign-in has expired; sign in again (${text}).`, false);
  }
  if (e instanceof AuthError && /no_tokens_found|no_account_found/i.test(e.errorCode)) {
    return new TokenError('not_signed_in', `${what}: the token cache holds no usable sign-in; sign in again.`, false);
  }
  return new TokenError('sign_in_failed', `${what}: ${text}`, false);
}
