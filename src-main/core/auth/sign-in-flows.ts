import { request as httpRequest } from 'node:http';
import type { AuthenticationResult, DeviceCodeRequest, PublicClientApplication } from '@azure/msal-node';
import type { DeviceCodePrompt } from '../../../src-shared/domain/auth.js';
import { CoreError } from '../../../src-shared/ipc/result.js';

/**
 * The two ways a person signs in, each cancellable. MSAL has no cancel for the browser flow, so
 * cancelling answers MSAL's own loopback listener with an OAuth error (as the identity platform
 * would after "Cancel"): the listener closes and nothing is left listening on the machine.
 */
export interface SignInFlow {
  result: Promise<AuthenticationResult>;
  cancel(reason: string): void;
}

const SUCCESS_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Cirrus</title><p style="font-family:sans-serif">Signed in to Cirrus. You can close this tab and return to Cirrus.</p>';
const ERROR_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Cirrus</title><p style="font-family:sans-serif">The sign-in did not complete. Return to Cirrus for the reason.</p>';

export interface InteractiveOptions {
  scopes: string[];
  /** Called with the authorize URL; throws to refuse it (allow-list), resolves once handed to a browser. */
  openBrowser(url: string): Promise<void>;
  /** The sign-in is abandoned after this long without an answer from the browser. */
  timeoutMs: number;
  loginHint?: string;
}

export function startInteractiveSignIn(app: PublicClientApplication, options: InteractiveOptions): SignInFlow {
  let loopback: { redirectUri: string; state: string } | null = null;
  let cancelled: string | null = null;
  let rejectCancelled: (e: CoreError) => void = () => {};
  const cancelledPromise = new Promise<never>((_, reject) => (rejectCancelled = reject));
  cancelledPromise.catch(() => {});

  const msal = app.acquireTokenInteractive({
    scopes: options.scopes,
    prompt: 'select_account',
    ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    successTemplate: SUCCESS_PAGE,
    errorTemplate: ERROR_PAGE,
    openBrowser: async (url) => {
      if (cancelled) throw new CoreError('cancelled', cancelled);
      const parsed = new URL(url);
      const redirectUri = parsed.searchParams.get('redirect_uri');
      const state = parsed.searchParams.get('state');
      if (redirectUri && state) loopback = { redirectUri, state };
      await options.openBrowser(url);
    },
  });

  const timer = setTimeout(() => cancel(`No answer from the browser within ${Math.round(options.timeoutMs / 60_000)} minutes; sign-in abandoned.`), options.timeoutMs);
  timer.unref();

  function cancel(reason: string): void {
    if (cancelled) return;
    cancelled = reason;
    rejectCancelled(new CoreError('cancelled', reason));
    if (loopback) answerLoopbackWithError(loopback.redirectUri, loopback.state);
  }

  const result = Promise.race([msal, cancelledPromise]).finally(() => clearTimeout(timer));
  // MSAL's promise rejects after a cancel too; that rejection is expected and handled by the race.
  msal.catch(() => {});
  return { result, cancel };
}

/** Posts `error=access_denied` with the right state to MSAL's loopback listener so it shuts down. */
function answerLoopbackWithError(redirectUri: string, state: string): void {
  const body = new URLSearchParams({ error: 'access_denied', error_description: 'Cancelled in Cirrus.', state }).toString();
  const url = new URL(redirectUri);
  // Only MSAL's own listener on this machine is ever contacted here.
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(url.hostname)) return;
  const req = httpRequest({
    host: '127.0.0.1',
    port: url.port,
    path: '/',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
  });
  req.on('error', () => {});
  req.end(body);
}

export interface DeviceCodeOptions {
  scopes: string[];
  onPrompt(prompt: DeviceCodePrompt): void;
  now(): Date;
}

export function startDeviceCodeSignIn(app: PublicClientApplication, options: DeviceCodeOptions): SignInFlow {
  let rejectCancelled: (e: CoreError) => void = () => {};
  const cancelledPromise = new Promise<never>((_, reject) => (rejectCancelled = reject));
  cancelledPromise.catch(() => {});
  const request: DeviceCodeRequest = {
    scopes: options.scopes,
    deviceCodeCallback: (r) => {
      options.onPrompt({
        userCode: r.userCode,
        verificationUri: r.verificationUri,
        expiresAt: new Date(options.now().getTime() + r.expiresIn * 1000).toISOString(),
        message: r.message,
      });
    },
  };
  const msal = app.acquireTokenByDeviceCode(request).then((r) => {
    if (!r) throw new CoreError('sign_in_failed', 'The device-code sign-in ended without a token.');
    return r;
  });
  msal.catch(() => {});
  return {
    result: Promise.race([msal, cancelledPromise]),
    cancel(reason) {
      // MSAL checks this flag before each poll, so its loop ends within one polling interval.
      request.cancel = true;
      rejectCancelled(new CoreError('cancelled', reason));
    },
  };
}
