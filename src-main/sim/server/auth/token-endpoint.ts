import { createHash } from 'node:crypto';
import { z } from 'zod';
import { json, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { parseScopes, type ScopeRequest } from './resources.js';
import { stsError } from './sts-errors.js';
import { findAccount, formFields, guidSchema, resolvesToTenant, type StsContext } from './sts-context.js';
import type { SimAccount } from './token-service.js';

/**
 * `/{tenant}/oauth2/v2.0/devicecode` and `/{tenant}/oauth2/v2.0/token`: the device-code,
 * authorization-code (with PKCE) and refresh-token grants, with the identity platform's error
 * answers (`authorization_pending` while the user has not approved, `invalid_grant` for a code
 * used twice, a PKCE mismatch or an expired refresh token).
 */
const deviceCodeBody = z.object({ client_id: z.string(), scope: z.string().default('openid profile offline_access') });
const tokenBody = z.discriminatedUnion('grant_type', [
  z.object({ grant_type: z.enum(['device_code', 'urn:ietf:params:oauth:grant-type:device_code']), client_id: z.string(), device_code: z.string().min(1), scope: z.string().optional() }),
  z.object({
    grant_type: z.literal('authorization_code'),
    client_id: z.string(),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    code_verifier: z.string().optional(),
    scope: z.string().optional(),
  }),
  z.object({ grant_type: z.literal('refresh_token'), client_id: z.string(), refresh_token: z.string().min(1), scope: z.string().optional() }),
]);

export function tokenEndpointRoutes(ctx: StsContext): Route[] {
  return [
    { method: 'POST', pattern: '/:tenant/oauth2/v2.0/devicecode', handler: (req) => deviceCode(ctx, req) },
    { method: 'POST', pattern: '/:tenant/oauth2/v2.0/token', handler: (req) => token(ctx, req) },
  ];
}

function tenantError(ctx: StsContext, tenant: string): SimResponse {
  return stsError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`, ctx.now());
}

function clientError(ctx: StsContext, clientId: string): SimResponse {
  return stsError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${ctx.tenantId}'.`, ctx.now());
}

function scopeError(ctx: StsContext, scope: string): SimResponse | ScopeRequest {
  const parsed = parseScopes(scope);
  if (parsed.ok) return parsed.value;
  if (parsed.kind === 'multiple-resources') {
    return stsError(400, 'invalid_scope', 28000, 'Provided value for the input parameter scope is not valid because it contains more than one resource.', ctx.now());
  }
  return stsError(400, 'invalid_resource', 500011, `The resource principal named ${parsed.detail} was not found in the tenant named ${ctx.tenantId}.`, ctx.now());
}

function deviceCode(ctx: StsContext, req: SimRequest): SimResponse {
  const tenant = req.params['tenant'] ?? '';
  if (!resolvesToTenant(ctx, tenant)) return tenantError(ctx, tenant);
  const parsed = deviceCodeBody.safeParse(formFields(req.body));
  if (!parsed.success) return stsError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.", ctx.now());
  if (!guidSchema.safeParse(parsed.data.client_id).success) return clientError(ctx, parsed.data.client_id);
  const scopes = scopeError(ctx, parsed.data.scope);
  if ('status' in scopes) return scopes;
  const account = ctx.accounts[0] as SimAccount;
  const grant = ctx.grants.createDeviceCode({
    clientId: parsed.data.client_id,
    scope: parsed.data.scope,
    lifetimeSeconds: ctx.limits.deviceCodeLifetimeSeconds,
    autoApprove: ctx.autoApprove,
    accountId: account.id,
  });
  const verificationUri = `${ctx.loginBase()}/devicelogin`;
  return json(200, {
    user_code: grant.userCode,
    device_code: grant.deviceCode,
    verification_uri: verificationUri,
    expires_in: ctx.limits.deviceCodeLifetimeSeconds,
    interval: ctx.limits.deviceCodeIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${grant.userCode} to authenticate.`,
  });
}

function token(ctx: StsContext, req: SimRequest): SimResponse {
  const tenant = req.params['tenant'] ?? '';
  if (!resolvesToTenant(ctx, tenant)) return tenantError(ctx, tenant);
  const fields = formFields(req.body);
  if (!fields['grant_type']) return stsError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.", ctx.now());
  const parsed = tokenBody.safeParse(fields);
  if (!parsed.success) {
    const known = ['device_code', 'urn:ietf:params:oauth:grant-type:device_code', 'authorization_code', 'refresh_token'];
    if (!known.includes(fields['grant_type'])) {
      return stsError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${fields['grant_type']}'.`, ctx.now());
    }
    const missing = parsed.error.issues[0]?.path.join('.') ?? 'unknown';
    return stsError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${missing}'.`, ctx.now());
  }
  const body = parsed.data;
  if (!guidSchema.safeParse(body.client_id).success) return clientError(ctx, body.client_id);
  switch (body.grant_type) {
    case 'authorization_code':
      return redeemAuthCode(ctx, body);
    case 'refresh_token':
      return redeemRefreshToken(ctx, body);
    default:
      return redeemDeviceCode(ctx, body);
  }
}

function issue(ctx: StsContext, account: SimAccount, clientId: string, scope: string, nonce?: string): SimResponse {
  const scopes = scopeError(ctx, scope);
  if ('status' in scopes) return scopes;
  return json(200, ctx.tokens.issue({ account, clientId, scopes, nonce }), { 'cache-control': 'no-store', pragma: 'no-cache' });
}

function redeemDeviceCode(ctx: StsContext, body: { client_id: string; device_code: string; scope?: string | undefined }): SimResponse {
  const grant = ctx.grants.findDeviceCode(body.device_code);
  const now = ctx.now();
  if (!grant || grant.clientId !== body.client_id) {
    return stsError(400, 'bad_verification_code', 70000, 'The provided device code is not valid for this application.', now);
  }
  if (grant.expiresAtMs <= now.getTime()) {
    return stsError(400, 'expired_token', 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired.", now);
  }
  switch (grant.status) {
    case 'pending':
      return stsError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.', now);
    case 'declined':
      return stsError(400, 'authorization_declined', 70000, 'The user declined the sign-in request.', now);
    case 'redeemed':
      return stsError(400, 'invalid_grant', 70000, 'The provided device code has already been redeemed.', now);
    case 'approved': {
      const account = grant.accountId ? findAccount(ctx, grant.accountId) : undefined;
      if (!account) return stsError(400, 'invalid_grant', 70000, 'The account that approved this code no longer exists.', now);
      grant.status = 'redeemed';
      return issue(ctx, account, body.client_id, body.scope ?? grant.scope);
    }
  }
}

function redeemAuthCode(
  ctx: StsContext,
  body: { client_id: string; code: string; redirect_uri: string; code_verifier?: string | undefined; scope?: string | undefined },
): SimResponse {
  const now = ctx.now();
  const grant = ctx.grants.takeAuthCode(body.code);
  if (!grant) {
    return stsError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity, or was already redeemed. Send a new interactive authorization request for this user and resource.', now);
  }
  if (grant.clientId !== body.client_id) {
    return stsError(400, 'invalid_grant', 70000, 'The authorization code was issued to a different application.', now);
  }
  if (grant.redirectUri !== body.redirect_uri) {
    return stsError(400, 'invalid_grant', 50148, 'The redirect_uri specified in the token request must match the one used in the authorization request.', now);
  }
  if (grant.codeChallenge !== null) {
    const verifier = body.code_verifier ?? '';
    const derived = grant.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
    if (verifier.length === 0 || derived !== grant.codeChallenge) {
      return stsError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.', now);
    }
  }
  const account = findAccount(ctx, grant.accountId);
  if (!account) return stsError(400, 'invalid_grant', 70000, 'The account that signed in no longer exists.', now);
  return issue(ctx, account, body.client_id, body.scope ?? grant.scope, grant.nonce ?? undefined);
}

function redeemRefreshToken(ctx: StsContext, body: { client_id: string; refresh_token: string; scope?: string | undefined }): SimResponse {
  const now = ctx.now();
  const grant = ctx.tokens.redeemRefreshToken(body.refresh_token);
  if (grant === 'expired') {
    return stsError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.', now, { suberror: 'bad_token' });
  }
  if (grant === 'invalid') return stsError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.', now, { suberror: 'bad_token' });
  if (grant.clientId !== body.client_id) {
    return stsError(400, 'invalid_grant', 70000, 'The refresh token was issued to a different application.', now, { suberror: 'bad_token' });
  }
  const account = findAccount(ctx, grant.accountId);
  if (!account) return stsError(400, 'invalid_grant', 50034, 'The user account does not exist in the directory.', now);
  return issue(ctx, account, body.client_id, body.scope ?? 'openid profile offline_access');
}
