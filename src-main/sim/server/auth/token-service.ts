import { randomUUID } from 'node:crypto';
import type { AccessContext, ServiceName } from '../http/sim-http.js';
import type { JwtSigner } from './jwt.js';
import { base64UrlJson } from './jwt.js';
import { grantedPermissions, resourceForService, type ScopeRequest } from './resources.js';

/**
 * Mints and checks the simulated identity platform's tokens. Access tokens follow the shape of
 * Entra v1 access tokens (the kind Graph, EXO, ARM and DevOps receive); ID tokens are v2; refresh
 * tokens are signed too (opaque to clients), so they stay valid across a restart that keeps the
 * state folder, and they redeem for any resource — as a real Entra refresh token does.
 */
export interface SimAccount {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roleTemplateIds: string[];
}

export interface TokenServiceDeps {
  signer: JwtSigner;
  tenantId: string;
  /** `https://127.0.0.1:PORT` — the authority host, used as the ID-token issuer. */
  loginBase: () => string;
  nowMs: () => number;
  accessTokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
}

export interface TokenResponseBody {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token: string;
  client_info: string;
}

export interface RefreshGrant {
  accountId: string;
  clientId: string;
}

export type AccessCheck =
  | { ok: true; context: AccessContext }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'wrong-audience'; detail: string };

export interface TokenService {
  issue(input: { account: SimAccount; clientId: string; scopes: ScopeRequest; nonce?: string | undefined }): TokenResponseBody;
  redeemRefreshToken(token: string): RefreshGrant | 'invalid' | 'expired';
  checkAccessToken(authorization: string | undefined, service: ServiceName): AccessCheck;
}

export function createTokenService(deps: TokenServiceDeps): TokenService {
  const seconds = (): number => Math.floor(deps.nowMs() / 1000);

  return {
    issue({ account, clientId, scopes, nonce }) {
      const iat = seconds();
      const exp = iat + deps.accessTokenLifetimeSeconds;
      const scp = grantedPermissions(scopes);
      const [givenName, ...rest] = account.displayName.split(' ');
      const accessToken = deps.signer.sign({
        aud: scopes.resource.audience,
        iss: `https://sts.windows.net/${deps.tenantId}/`,
        iat,
        nbf: iat,
        exp,
        acr: '1',
        amr: ['pwd', 'mfa'],
        appid: clientId,
        appidacr: '0',
        family_name: rest.join(' '),
        given_name: givenName ?? '',
        idtyp: 'user',
        ipaddr: '127.0.0.1',
        name: account.displayName,
        oid: account.id,
        scp: scp.join(' '),
        sub: account.id,
        tid: deps.tenantId,
        unique_name: account.userPrincipalName,
        upn: account.userPrincipalName,
        uti: randomUUID().replace(/-/g, ''),
        ver: '1.0',
        wids: account.roleTemplateIds,
      });
      const idToken = deps.signer.sign({
        ver: '2.0',
        iss: `${deps.loginBase()}/${deps.tenantId}/v2.0`,
        sub: account.id,
        aud: clientId,
        iat,
        nbf: iat,
        exp,
        name: account.displayName,
        oid: account.id,
        preferred_username: account.userPrincipalName,
        tid: deps.tenantId,
        // The nonce only appears when the authorize request carried one; MSAL rejects a surprise nonce.
        ...(nonce ? { nonce } : {}),
      });
      const refreshToken = deps.signer.sign({
        typ: 'sim-refresh',
        sub: account.id,
        tid: deps.tenantId,
        cid: clientId,
        iat,
        exp: iat + deps.refreshTokenLifetimeSeconds,
        jti: randomUUID(),
      });
      const resourceScopes = scp.map((p) => `${scopes.resource.identifiers[0]}/${p}`);
      const echoed = new Set([...resourceScopes, ...scopes.requested]);
      return {
        token_type: 'Bearer',
        scope: [...echoed].join(' '),
        expires_in: deps.accessTokenLifetimeSeconds,
        ext_expires_in: deps.accessTokenLifetimeSeconds,
        access_token: accessToken,
        ...(scopes.offlineAccess ? { refresh_token: refreshToken } : {}),
        id_token: idToken,
        client_info: base64UrlJson({ uid: account.id, utid: deps.tenantId }),
      };
    },

    redeemRefreshToken(token) {
      const verified = deps.signer.verify(token);
      const claims = verified?.claims;
      if (!claims || claims['typ'] !== 'sim-refresh' || claims['tid'] !== deps.tenantId) return 'invalid';
      const sub = claims['sub'];
      const cid = claims['cid'];
      const exp = claims['exp'];
      if (typeof sub !== 'string' || typeof cid !== 'string' || typeof exp !== 'number') return 'invalid';
      if (exp <= seconds()) return 'expired';
      return { accountId: sub, clientId: cid };
    },

    checkAccessToken(authorization, service) {
      const resource = resourceForService(service);
      if (!resource) return { ok: false, reason: 'wrong-audience', detail: `no resource for ${service}` };
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match) return { ok: false, reason: 'missing', detail: 'no bearer token' };
      const token = match[1] as string;
      if (token.split('.').length !== 3) return { ok: false, reason: 'malformed', detail: 'not a JWT' };
      const verified = deps.signer.verify(token);
      if (!verified) return { ok: false, reason: 'bad-signature', detail: 'signature validation failed' };
      const c = verified.claims;
      const aud = typeof c['aud'] === 'string' ? c['aud'] : '';
      const exp = typeof c['exp'] === 'number' ? c['exp'] : 0;
      const nbf = typeof c['nbf'] === 'number' ? c['nbf'] : 0;
      const now = seconds();
      if (exp <= now) return { ok: false, reason: 'expired', detail: new Date(exp * 1000).toISOString() };
      if (nbf > now) return { ok: false, reason: 'not-yet-valid', detail: new Date(nbf * 1000).toISOString() };
      if (!resource.acceptedAudiences.includes(aud)) return { ok: false, reason: 'wrong-audience', detail: aud };
      const str = (key: string): string => (typeof c[key] === 'string' ? (c[key] as string) : '');
      const wids = Array.isArray(c['wids']) ? c['wids'].filter((w): w is string => typeof w === 'string') : [];
      return {
        ok: true,
        context: {
          tenantId: str('tid'),
          objectId: str('oid'),
          upn: str('upn'),
          name: str('name'),
          appId: str('appid'),
          audience: aud,
          scopes: str('scp').split(' ').filter((s) => s.length > 0),
          roleTemplateIds: wids,
        },
      };
    },
  };
}
