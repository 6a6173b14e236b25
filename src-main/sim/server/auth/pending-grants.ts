import { randomBytes, randomInt } from 'node:crypto';

/**
 * In-memory state of sign-ins in progress: device codes waiting for the user, sign-in pages
 * waiting for a form post, and authorization codes waiting to be redeemed. Codes are random
 * (crypto), not seeded: they are credentials, not simulated data.
 */
export type DeviceCodeStatus = 'pending' | 'approved' | 'declined' | 'redeemed';

export interface DeviceCodeGrant {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  expiresAtMs: number;
  status: DeviceCodeStatus;
  accountId: string | null;
}

export interface AuthorizeRequest {
  id: string;
  tenant: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain' | null;
  responseMode: 'form_post' | 'query';
  loginHint: string | null;
  expiresAtMs: number;
}

export interface AuthCodeGrant {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain' | null;
  accountId: string;
  expiresAtMs: number;
}

export interface PendingGrants {
  createDeviceCode(input: { clientId: string; scope: string; lifetimeSeconds: number; autoApprove: boolean; accountId: string }): DeviceCodeGrant;
  findDeviceCode(deviceCode: string): DeviceCodeGrant | undefined;
  findByUserCode(userCode: string): DeviceCodeGrant | undefined;
  saveAuthorizeRequest(input: Omit<AuthorizeRequest, 'id' | 'expiresAtMs'>, lifetimeSeconds: number): AuthorizeRequest;
  takeAuthorizeRequest(id: string): AuthorizeRequest | undefined;
  createAuthCode(input: Omit<AuthCodeGrant, 'code' | 'expiresAtMs'>, lifetimeSeconds: number): AuthCodeGrant;
  /** One-time: a code is gone after the first redemption attempt, successful or not. */
  takeAuthCode(code: string): AuthCodeGrant | undefined;
}

// Letters and digits that cannot be confused with each other when typed from a screen.
const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function createPendingGrants(nowMs: () => number): PendingGrants {
  const deviceCodes = new Map<string, DeviceCodeGrant>();
  const authorizeRequests = new Map<string, AuthorizeRequest>();
  const authCodes = new Map<string, AuthCodeGrant>();

  const sweep = (): void => {
    const now = nowMs();
    // Keep expired device codes a while so polling clients get `expired_token`, not `bad_verification_code`.
    for (const [k, v] of deviceCodes) if (v.expiresAtMs + 3_600_000 < now) deviceCodes.delete(k);
    for (const [k, v] of authorizeRequests) if (v.expiresAtMs < now) authorizeRequests.delete(k);
    for (const [k, v] of authCodes) if (v.expiresAtMs < now) authCodes.delete(k);
  };

  return {
    createDeviceCode({ clientId, scope, lifetimeSeconds, autoApprove, accountId }) {
      sweep();
      let userCode = '';
      do {
        userCode = Array.from({ length: 9 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('');
      } while ([...deviceCodes.values()].some((g) => g.userCode === userCode));
      const grant: DeviceCodeGrant = {
        deviceCode: randomBytes(32).toString('base64url'),
        userCode,
        clientId,
        scope,
        expiresAtMs: nowMs() + lifetimeSeconds * 1000,
        status: autoApprove ? 'approved' : 'pending',
        accountId: autoApprove ? accountId : null,
      };
      deviceCodes.set(grant.deviceCode, grant);
      return grant;
    },
    findDeviceCode: (deviceCode) => deviceCodes.get(deviceCode),
    findByUserCode(userCode) {
      const normalized = userCode.replace(/[\s-]/g, '').toUpperCase();
      return [...deviceCodes.values()].find((g) => g.userCode === normalized);
    },
    saveAuthorizeRequest(input, lifetimeSeconds) {
      sweep();
      const request: AuthorizeRequest = { ...input, id: randomBytes(24).toString('base64url'), expiresAtMs: nowMs() + lifetimeSeconds * 1000 };
      authorizeRequests.set(request.id, request);
      return request;
    },
    takeAuthorizeRequest(id) {
      const request = authorizeRequests.get(id);
      authorizeRequests.delete(id);
      return request && request.expiresAtMs >= nowMs() ? request : undefined;
    },
    createAuthCode(input, lifetimeSeconds) {
      sweep();
      const grant: AuthCodeGrant = { ...input, code: randomBytes(48).toString('base64url'), expiresAtMs: nowMs() + lifetimeSeconds * 1000 };
      authCodes.set(grant.code, grant);
      return grant;
    },
    takeAuthCode(code) {
      const grant = authCodes.get(code);
      authCodes.delete(code);
      return grant && grant.expiresAtMs >= nowMs() ? grant : undefined;
    },
  };
}
