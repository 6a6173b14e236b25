import './auth.css';
import { useCallback, useRef, useState } from 'react';
import type { AuthSessionInfo } from '../../../src-shared/domain/auth.js';
import { describeError } from '../../api/describe-error.js';
import { cacheProtectionShort } from './sign-in-texts.js';
import { SignInDialog } from './SignInDialog.js';
import { useAuthStatus, useSignOut } from './use-auth.js';

/** The tenant as asked when it names one; otherwise the tenant id the account resolved to. */
const tenantOf = (session: AuthSessionInfo) => (session.tenant === 'organizations' || session.tenant === 'common' ? session.account.tenantId : session.tenant);

/**
 * The header's sign-in state: who is signed in, to which tenant and cloud, with Sign out; or
 * "Not signed in" with the way to sign in. Always visible, so nobody collects with the wrong account.
 */
export function AccountStatus() {
  const status = useAuthStatus();
  const signOut = useSignOut();
  const [dialogOpen, setDialogOpen] = useState(false);
  const signInButton = useRef<HTMLButtonElement>(null);
  const signOutButton = useRef<HTMLButtonElement>(null);
  // Back to "Sign in…" after closing; to "Sign out" when the dialog closed because sign-in succeeded.
  const returnFocus = useCallback(() => (signInButton.current ?? signOutButton.current)?.focus(), []);

  let body;
  if (status.isPending) body = <span className="muted">Reading sign-in…</span>;
  else if (status.isError) body = <span title={describeError(status.error).message}>Sign-in status unavailable</span>;
  else if (status.data.session) {
    const { session } = status.data;
    body = (
      <>
        <dl className="header-facts" aria-label="Signed-in account" title={`Token cache: ${cacheProtectionShort[status.data.cacheProtection]}`}>
          <div>
            <dt>Account</dt>
            <dd className="header-account-name" title={session.account.username}>
              {session.account.username}
            </dd>
          </div>
          <div>
            <dt>Tenant</dt>
            <dd className="mono header-tenant" title={tenantOf(session)}>
              {tenantOf(session)}
            </dd>
          </div>
          <div>
            <dt>Cloud</dt>
            <dd title={session.cloudLabel}>{session.cloudLabel}</dd>
          </div>
        </dl>
        <button ref={signOutButton} type="button" className="button button-quiet" onClick={() => signOut.mutate({})} disabled={signOut.isPending}>
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </>
    );
  } else {
    body = (
      <>
        <span className={status.data.pending ? 'header-pending' : 'muted'}>{status.data.pending ? 'Signing in…' : 'Not signed in'}</span>
        <button ref={signInButton} type="button" className="button" onClick={() => setDialogOpen(true)}>
          {status.data.pending ? 'Show sign-in' : 'Sign in…'}
        </button>
      </>
    );
  }

  return (
    <div className="header-account" data-testid="header-account">
      {body}
      {signOut.error ? (
        <span role="status" className="header-error">
          Sign-out failed: {describeError(signOut.error).message}
        </span>
      ) : null}
      <SignInDialog open={dialogOpen} onOpenChange={setDialogOpen} returnFocus={returnFocus} />
    </div>
  );
}
