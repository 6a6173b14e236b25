import type { GraphSignIn } from '../../data/types.js';
import { SimHttpError, type SimRequest } from '../http/sim-http.js';
import type { SimApiContext } from '../sim-context.js';
import { graphError } from './graph-errors.js';

/**
 * A user's `signInActivity` (last interactive and non-interactive sign-in), which Graph returns
 * only when asked for by `$select`, and only to a caller with AuditLog.Read.All in a tenant with
 * Entra ID P1 — without the licence the whole users request is refused.
 */
export interface SignInActivity {
  lastSignInDateTime: string | null;
  lastSignInRequestId: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  lastNonInteractiveSignInRequestId: string | null;
}

export function signInActivityByUser(signIns: readonly GraphSignIn[]): Map<string, SignInActivity> {
  const byUser = new Map<string, SignInActivity>();
  for (const s of signIns) {
    if (!s.userId || !(s.signInEventTypes.includes('interactiveUser') || s.signInEventTypes.includes('nonInteractiveUser'))) continue;
    const a = byUser.get(s.userId) ?? { lastSignInDateTime: null, lastSignInRequestId: null, lastNonInteractiveSignInDateTime: null, lastNonInteractiveSignInRequestId: null };
    if (s.isInteractive) {
      if (a.lastSignInDateTime === null || Date.parse(s.createdDateTime) > Date.parse(a.lastSignInDateTime)) {
        a.lastSignInDateTime = s.createdDateTime;
        a.lastSignInRequestId = s.id;
      }
    } else if (a.lastNonInteractiveSignInDateTime === null || Date.parse(s.createdDateTime) > Date.parse(a.lastNonInteractiveSignInDateTime)) {
      a.lastNonInteractiveSignInDateTime = s.createdDateTime;
      a.lastNonInteractiveSignInRequestId = s.id;
    }
    byUser.set(s.userId, a);
  }
  return byUser;
}

export function requireSignInActivityAccess(ctx: SimApiContext, req: SimRequest): void {
  const scopes = new Set(req.auth?.scopes ?? []);
  if (!scopes.has('AuditLog.Read.All')) {
    throw new SimHttpError(graphError(403, 'Authentication_MSGraphPermissionMissing', 'Calling principal does not have required MSGraph permissions AuditLog.Read.All', req));
  }
  if (!ctx.profile.hasEntraP1) {
    throw new SimHttpError(graphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license", req));
  }
}
