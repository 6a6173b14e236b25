import { z } from 'zod';
import { html, json, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { parseScopes } from './resources.js';
import { authorizePage, deviceCodeConfirmPage, deviceCodeEntryPage, formPostPage, messagePage } from './sign-in-pages.js';
import { findAccount, formFields, guidSchema, resolvesToTenant, type StsContext } from './sts-context.js';

/**
 * Discovery documents and the pages a person uses to sign in: `/authorize` (account picker →
 * form_post of code+state to the app's loopback redirect URI) and `/devicelogin` (enter the code,
 * confirm, approve). MSAL is pointed here with authority `https://127.0.0.1:PORT/{tenant}` and the
 * host listed in `knownAuthorities`, so it fetches `/{tenant}/v2.0/.well-known/openid-configuration`.
 */
const AUTHORIZE_PAGE_LIFETIME_SECONDS = 600;

const authorizeQuery = z.object({
  client_id: guidSchema,
  response_type: z.literal('code'),
  redirect_uri: z.string().refine(isLoopbackRedirect, 'redirect_uri must be an http loopback address (http://localhost:PORT)'),
  scope: z.string().default('openid profile'),
  state: z.string().optional(),
  nonce: z.string().optional(),
  code_challenge: z.string().min(43).max(128).optional(),
  code_challenge_method: z.enum(['S256', 'plain']).optional(),
  response_mode: z.enum(['form_post', 'query']).default('query'),
  login_hint: z.string().optional(),
});

const authorizeForm = z.object({ request_id: z.string().min(1), account: z.string().optional(), action: z.enum(['approve', 'deny']) });
const deviceEntryForm = z.object({ user_code: z.string().default('') });
const deviceConfirmForm = z.object({ user_code: z.string().min(1), account: z.string().optional(), action: z.enum(['approve', 'deny']) });

export function signInRoutes(ctx: StsContext): Route[] {
  const openIdConfiguration = (req: SimRequest): SimResponse => {
    const tenant = req.params['tenant'] ?? '';
    if (!resolvesToTenant(ctx, tenant)) {
      return json(400, { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.`, error_codes: [90002] });
    }
    const base = ctx.loginBase();
    // Multi-tenant aliases answer with a {tenantid} placeholder in the issuer, as Entra does.
    const issuerTenant = ['organizations', 'common'].includes(tenant.toLowerCase()) ? '{tenantid}' : ctx.tenantId;
    return json(200, {
      token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/${issuerTenant}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'email'],
      tenant_region_scope: 'EU',
      cloud_instance_name: '127.0.0.1',
      cloud_graph_host_name: '127.0.0.1',
      msgraph_host: '127.0.0.1',
    });
  };
  const keys = (): SimResponse => json(200, ctx.jwks());

  return [
    { method: 'GET', pattern: '/:tenant/v2.0/.well-known/openid-configuration', handler: openIdConfiguration },
    { method: 'GET', pattern: '/:tenant/discovery/v2.0/keys', handler: keys },
    { method: 'GET', pattern: '/:tenant/discovery/keys', handler: keys },
    { method: 'GET', pattern: '/:tenant/oauth2/v2.0/authorize', handler: (req) => showAuthorize(ctx, req) },
    { method: 'POST', pattern: '/:tenant/oauth2/v2.0/authorize', handler: (req) => submitAuthorize(ctx, req) },
    { method: 'GET', pattern: '/:tenant/oauth2/v2.0/logout', handler: () => html(200, messagePage('Signed out', 'You have signed out of the simulated cloud.')) },
    { method: 'GET', pattern: '/devicelogin', handler: () => html(200, deviceCodeEntryPage('/devicelogin', null)) },
    { method: 'POST', pattern: '/devicelogin', handler: (req) => enterDeviceCode(ctx, req) },
    { method: 'POST', pattern: '/devicelogin/confirm', handler: (req) => confirmDeviceCode(ctx, req) },
  ];
}

function isLoopbackRedirect(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

function errorPage(code: number, message: string): SimResponse {
  return html(400, messagePage('Sorry, but we’re having trouble signing you in.', `AADSTS${code}: ${message}`));
}

function showAuthorize(ctx: StsContext, req: SimRequest): SimResponse {
  const tenant = req.params['tenant'] ?? '';
  if (!resolvesToTenant(ctx, tenant)) return errorPage(90002, `Tenant '${tenant}' not found.`);
  const parsed = authorizeQuery.safeParse(Object.fromEntries(req.url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorPage(900144, `Invalid request: ${issue?.path.join('.') ?? 'request'} — ${issue?.message ?? 'invalid'}.`);
  }
  const q = parsed.data;
  const scopes = parseScopes(q.scope);
  if (!scopes.ok) return errorPage(scopes.kind === 'multiple-resources' ? 28000 : 500011, `The scope '${scopes.detail}' is not valid.`);
  if (q.code_challenge_method && !q.code_challenge) return errorPage(900144, "The request must contain 'code_challenge' when 'code_challenge_method' is given.");
  const request = ctx.grants.saveAuthorizeRequest(
    {
      tenant,
      clientId: q.client_id,
      redirectUri: q.redirect_uri,
      scope: q.scope,
      state: q.state ?? null,
      nonce: q.nonce ?? null,
      codeChallenge: q.code_challenge ?? null,
      codeChallengeMethod: q.code_challenge ? (q.code_challenge_method ?? 'plain') : null,
      responseMode: q.response_mode,
      loginHint: q.login_hint ?? null,
    },
    AUTHORIZE_PAGE_LIFETIME_SECONDS,
  );
  return html(
    200,
    authorizePage({ action: `/${encodeURIComponent(tenant)}/oauth2/v2.0/authorize`, requestId: request.id, accounts: ctx.accounts, loginHint: request.loginHint, clientId: request.clientId, scope: request.scope }),
  );
}

function submitAuthorize(ctx: StsContext, req: SimRequest): SimResponse {
  const parsed = authorizeForm.safeParse(formFields(req.body));
  if (!parsed.success) return errorPage(900144, 'The sign-in form was incomplete. Start the sign-in again.');
  const request = ctx.grants.takeAuthorizeRequest(parsed.data.request_id);
  if (!request) return errorPage(50058, 'This sign-in page has expired or was already used. Start the sign-in again from the app.');
  const fields: Record<string, string> = {};
  if (parsed.data.action === 'deny') {
    fields['error'] = 'access_denied';
    fields['error_description'] = 'AADSTS65004: User declined to consent to access the app.';
  } else {
    const account = findAccount(ctx, parsed.data.account ?? '');
    if (!account) return errorPage(50034, 'The selected account does not exist in this tenant.');
    const grant = ctx.grants.createAuthCode(
      {
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        scope: request.scope,
        nonce: request.nonce,
        codeChallenge: request.codeChallenge,
        codeChallengeMethod: request.codeChallengeMethod,
        accountId: account.id,
      },
      ctx.limits.authCodeLifetimeSeconds,
    );
    fields['code'] = grant.code;
    fields['client_info'] = Buffer.from(JSON.stringify({ uid: account.id, utid: ctx.tenantId })).toString('base64url');
  }
  if (request.state !== null) fields['state'] = request.state;
  if (request.responseMode === 'form_post') return html(200, formPostPage(request.redirectUri, fields));
  const target = new URL(request.redirectUri);
  for (const [k, v] of Object.entries(fields)) target.searchParams.set(k, v);
  return { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' }, body: '' };
}

function enterDeviceCode(ctx: StsContext, req: SimRequest): SimResponse {
  const parsed = deviceEntryForm.safeParse(formFields(req.body));
  const userCode = parsed.success ? parsed.data.user_code : '';
  const grant = ctx.grants.findByUserCode(userCode);
  if (!grant || grant.status !== 'pending' || grant.expiresAtMs <= ctx.now().getTime()) {
    return html(200, deviceCodeEntryPage('/devicelogin', 'That code didn’t work. Check the code and try again.'));
  }
  return html(200, deviceCodeConfirmPage({ action: '/devicelogin/confirm', userCode: grant.userCode, accounts: ctx.accounts, clientId: grant.clientId, scope: grant.scope }));
}

function confirmDeviceCode(ctx: StsContext, req: SimRequest): SimResponse {
  const parsed = deviceConfirmForm.safeParse(formFields(req.body));
  if (!parsed.success) return html(400, deviceCodeEntryPage('/devicelogin', 'The form was incomplete. Enter the code again.'));
  const grant = ctx.grants.findByUserCode(parsed.data.user_code);
  if (!grant || grant.status !== 'pending' || grant.expiresAtMs <= ctx.now().getTime()) {
    return html(200, deviceCodeEntryPage('/devicelogin', 'That code has expired or was already used.'));
  }
  if (parsed.data.action === 'deny') {
    grant.status = 'declined';
    return html(200, messagePage('Sign-in cancelled', 'You declined the sign-in. You can close this window.'));
  }
  const account = findAccount(ctx, parsed.data.account ?? '');
  if (!account) return html(400, deviceCodeEntryPage('/devicelogin', 'Pick an account to continue.'));
  grant.status = 'approved';
  grant.accountId = account.id;
  return html(200, messagePage('You have signed in', 'You have signed in to the application on your device. You may now close this window.'));
}
