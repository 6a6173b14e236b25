import { readFileSync } from 'node:fs';
import type { AccountInfo, AuthenticationResult, PublicClientApplication } from '@azure/msal-node';
import type { z } from 'zod';
import type { AuthStatus, DeviceCodePrompt, SignInInput, SignInMethod } from '../../../src-shared/domain/auth.js';
import { resourceLabels, type ResourceId } from '../../../src-shared/domain/clouds.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { isAllowedExternalUrl } from '../security/external-urls.js';
import type { BrowserLauncher, Clock, DemoCloudConfig, Logger, NetworkSettings, SecretStore } from '../ports.js';
import { assertCertificate } from '../net/tls-trust.js';
import { clearStoredSession, readStoredSession, storeSignedInSession, type StoredSession } from './auth-session.js';
import { openCloudConnection, type CloudConnection, type DemoEndpoint } from './cloud-connection.js';
import { DEFAULT_CLIENT } from './default-client.js';
import { createMsalApp } from './msal-app.js';
import { describeAuthFailure, isTransientAuthFailure, silentFailure } from './msal-errors.js';
import { startDeviceCodeSignIn, startInteractiveSignIn, type SignInFlow } from './sign-in-flows.js';
import { createSecretStoreCachePlugin } from './token-cache-plugin.js';

export type ParsedSignInInput = z.output<typeof SignInInput>;

/** An access token for core code only (collection jobs, readiness). Never sent to a host or logged. */
export interface AccessToken {
  accessToken: string;
  expiresOn: Date | null;
}

/** The signed-in session with a live connection to its cloud. */
export interface ActiveSession {
  session: StoredSession;
  connection: CloudConnection;
  getAccessToken(resource: ResourceId, options?: { forceRefresh?: boolean }): Promise<AccessToken>;
}

export interface AuthService {
  status(): Promise<AuthStatus>;
  signIn(input: ParsedSignInInput): Promise<AuthStatus>;
  /** Stops a sign-in waiting for the user; false when none is waiting. */
  cancel(): boolean;
  signOut(): Promise<boolean>;
  /** The current session, or `not_signed_in`. */
  active(): Promise<ActiveSession>;
  getAccessToken(resource: ResourceId, options?: { forceRefresh?: boolean }): Promise<AccessToken>;
  /** Loopback origins of the demo cloud in use (signed in, signing in, or started by the host): sign-in pages the browser may open. */
  trustedOrigins(): Promise<string[]>;
  shutdown(): void;
}

export interface AuthServiceDeps {
  secrets: SecretStore;
  network: NetworkSettings;
  demoCloud?: DemoCloudConfig;
  browser: BrowserLauncher;
  logger: Logger;
  clock: Clock;
  onDeviceCode(prompt: DeviceCodePrompt): void;
  onChanged(status: AuthStatus): void;
  /** Appends to the open case's custody log; does nothing when no case is open. */
  recordCustody(action: string, detail: Record<string, unknown>): Promise<void>;
  interactiveTimeoutMs?: number;
}

const SILENT_ATTEMPTS = 3;

interface PendingSignIn {
  method: SignInMethod;
  origins: string[];
  flow: SignInFlow | null;
  cancelled: boolean;
}

interface LiveSession {
  key: string;
  session: StoredSession;
  connection: CloudConnection;
  app: PublicClientApplication;
}

/**
 * Sign-in, silent token renewal and sign-out. One session at a time: signing in to another
 * tenant replaces the previous session, but only once the new sign-in has succeeded (the new
 * tokens stay in memory until then). Tokens exist only in MSAL's cache, which is persisted
 * through the `SecretStore` and nowhere else.
 */
export function createAuthService(deps: AuthServiceDeps): AuthService {
  let pending: PendingSignIn | null = null;
  let live: LiveSession | null = null;

  const sessionKey = (s: StoredSession) => JSON.stringify([s.cloud, s.tenant, s.clientId, s.account.homeAccountId, s.demo?.baseUrl ?? '', s.demo?.caCertPem ?? '']);

  const toStatus = (session: StoredSession | null): AuthStatus => ({
    signedIn: session !== null,
    pending: pending?.method ?? null,
    session: session
      ? { cloud: session.cloud, cloudLabel: session.cloudLabel, tenant: session.tenant, clientId: session.clientId, method: session.method, signedInAt: session.signedInAt, account: session.account }
      : null,
    cacheProtection: deps.secrets.protection,
  });

  const status = async () => toStatus(await readStoredSession(deps.secrets));
  const announce = async () => deps.onChanged(await status());

  function dropLive(): void {
    live?.connection.close();
    live = null;
  }

  /** The session as stored now (another process may have signed in or out meanwhile). */
  async function activeApp(): Promise<LiveSession> {
    const session = await readStoredSession(deps.secrets);
    if (!session) {
      dropLive();
      throw new CoreError('not_signed_in', 'No account is signed in. Sign in first (cirrus signin, or the Sign in page).');
    }
    const key = sessionKey(session);
    if (live?.key === key) return live;
    dropLive();
    const connection = openCloudConnection(session.cloud, session.demo, deps.network);
    const app = createMsalApp({ connection, tenant: session.tenant, clientId: session.clientId, cachePlugin: createSecretStoreCachePlugin(deps.secrets), logger: deps.logger });
    live = { key, session, connection, app };
    return live;
  }

  async function cachedAccount(app: PublicClientApplication, session: StoredSession): Promise<AccountInfo> {
    const accounts = await app.getAllAccounts();
    const account = accounts.find((a) => a.homeAccountId === session.account.homeAccountId);
    if (!account) throw new CoreError('not_signed_in', 'The token cache no longer holds the signed-in account; sign in again.');
    return account;
  }

  // Parallel callers asking for the same resource share one request: one refresh, one cache write.
  const inFlight = new Map<string, Promise<AccessToken>>();
  function getAccessToken(resource: ResourceId, options: { forceRefresh?: boolean } = {}): Promise<AccessToken> {
    const key = `${resource}|${options.forceRefresh ? 'force' : ''}`;
    const running = inFlight.get(key);
    if (running) return running;
    const request = acquireSilently(resource, options).finally(() => inFlight.delete(key));
    inFlight.set(key, request);
    return request;
  }

  async function acquireSilently(resource: ResourceId, options: { forceRefresh?: boolean }): Promise<AccessToken> {
    const { app, session, connection } = await activeApp();
    const scope = connection.profile.scopes[resource].value;
    if (!scope) throw new CoreError('unsupported', `${resourceLabels[resource]} is not offered in ${connection.profile.label}.`);
    const account = await cachedAccount(app, session);
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await app.acquireTokenSilent({ account, scopes: [scope], forceRefresh: options.forceRefresh ?? false });
        return { accessToken: r.accessToken, expiresOn: r.expiresOn };
      } catch (e) {
        // A refresh that got no answer is tried again; refusals are final.
        if (attempt < SILENT_ATTEMPTS && isTransientAuthFailure(e)) {
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
          continue;
        }
        throw silentFailure(e, `Token for ${resourceLabels[resource]}`);
      }
    }
  }

  function resolveDemo(input: ParsedSignInInput): DemoEndpoint | null {
    if (input.cloud !== 'sim') return null;
    if (input.demo) {
      let caCertPem: string | undefined;
      if (input.demo.caCertPath) {
        try {
          caCertPem = readFileSync(input.demo.caCertPath, 'utf8');
        } catch (e) {
          throw new CoreError('validation', `${input.demo.caCertPath}: cannot read the simulator's CA certificate (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
        }
        assertCertificate(caCertPem, `${input.demo.caCertPath}`);
      }
      return { baseUrl: input.demo.baseUrl.replace(/\/+$/, ''), ...(caCertPem ? { caCertPem } : {}) };
    }
    if (deps.demoCloud) return { baseUrl: deps.demoCloud.baseUrl.replace(/\/+$/, ''), ...(deps.demoCloud.caCertPem ? { caCertPem: deps.demoCloud.caCertPem } : {}) };
    throw new CoreError('validation', 'The demo cloud needs a running simulator: give its address (https://127.0.0.1:PORT) and its CA certificate file.');
  }

  async function runSignIn(input: ParsedSignInInput, slot: PendingSignIn): Promise<AuthStatus> {
    const demo = resolveDemo(input);
    const connection = openCloudConnection(input.cloud, demo, deps.network);
    const clientId = input.clientId ?? DEFAULT_CLIENT.clientId;
    // No cache plugin: until the sign-in succeeds its tokens live only in this object.
    const app = createMsalApp({ connection, tenant: input.tenant, clientId, logger: deps.logger });
    const graphScope = connection.profile.scopes.graph.value;
    if (!graphScope) throw new CoreError('unsupported', `${connection.profile.label} has no Microsoft Graph scope.`);
    slot.origins = connection.extraOrigins;
    try {
      const flow =
        input.method === 'deviceCode'
          ? startDeviceCodeSignIn(app, { scopes: [graphScope], onPrompt: deps.onDeviceCode, now: () => deps.clock.now() })
          : startInteractiveSignIn(app, {
              scopes: [graphScope],
              timeoutMs: deps.interactiveTimeoutMs ?? 10 * 60_000,
              openBrowser: async (url) => {
                if (!isAllowedExternalUrl(url, connection.extraOrigins)) {
                  throw new CoreError('forbidden', `Refusing to open the sign-in page ${new URL(url).origin}: it is not a Microsoft sign-in host of ${connection.profile.label}.`);
                }
                // A host that cannot open a browser shows the address instead (CLI, headless browser mode); keep waiting either way.
                await deps.browser.open(url, { extraOrigins: connection.extraOrigins });
              },
            });
      slot.flow = flow;
      if (slot.cancelled) flow.cancel('Sign-in cancelled.');
      let result: AuthenticationResult;
      try {
        result = await flow.result;
      } catch (e) {
        if (e instanceof CoreError) throw e;
        throw new CoreError('sign_in_failed', `Sign-in to ${connection.profile.label} failed: ${describeAuthFailure(e)}`);
      }
      const account = result.account;
      if (!account) throw new CoreError('sign_in_failed', 'The identity platform answered without an account.');
      const session: StoredSession = {
        version: 1,
        cloud: input.cloud,
        cloudLabel: connection.profile.label,
        tenant: input.tenant,
        clientId,
        method: input.method,
        signedInAt: deps.clock.now().toISOString(),
        account: { username: account.username, name: account.name ?? '', tenantId: account.tenantId, homeAccountId: account.homeAccountId },
        demo,
      };
      const previous = await readStoredSession(deps.secrets);
      dropLive();
      await storeSignedInSession(deps.secrets, session, app.getTokenCache().serialize());
      if (previous) await deps.recordCustody('auth.signedOut', { ...custodyIdentity(previous), reason: 'replaced by a new sign-in' });
      await deps.recordCustody('auth.signedIn', custodyIdentity(session));
      return toStatus(session);
    } finally {
      connection.close();
    }
  }

  return {
    status,

    async signIn(input) {
      if (pending) throw new CoreError('busy', 'A sign-in is already waiting for the user; finish or cancel it first.');
      const slot: PendingSignIn = { method: input.method, origins: [], flow: null, cancelled: false };
      pending = slot;
      await announce();
      try {
        return await runSignIn(input, slot);
      } finally {
        pending = null;
        await announce();
      }
    },

    cancel() {
      if (!pending) return false;
      pending.cancelled = true;
      pending.flow?.cancel('Sign-in cancelled.');
      return true;
    },

    async signOut() {
      const session = await readStoredSession(deps.secrets);
      if (session) {
        try {
          const { app } = await activeApp();
          const cache = app.getTokenCache();
          for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
        } catch (e) {
          // The files are removed below either way; a damaged cache must not block sign-out.
          deps.logger.warn('clearing the token cache before sign-out failed', { error: e instanceof Error ? e.message : String(e) });
        }
      }
      dropLive();
      await clearStoredSession(deps.secrets);
      if (!session) return false;
      await deps.recordCustody('auth.signedOut', custodyIdentity(session));
      await announce();
      return true;
    },

    async active() {
      const { session, connection } = await activeApp();
      return { session, connection, getAccessToken };
    },

    getAccessToken,

    async trustedOrigins() {
      const origins = new Set<string>(pending?.origins ?? []);
      const session = await readStoredSession(deps.secrets);
      if (session?.demo) origins.add(new URL(session.demo.baseUrl).origin);
      if (deps.demoCloud) origins.add(new URL(deps.demoCloud.baseUrl).origin);
      return [...origins];
    },

    shutdown() {
      pending?.flow?.cancel('Cirrus is shutting down.');
      dropLive();
    },
  };
}

/** Who signed in where: the custody log records identities, never tokens. */
function custodyIdentity(s: StoredSession): Record<string, unknown> {
  return { account: s.account.username, tenantId: s.account.tenantId, cloud: s.cloud, clientId: s.clientId, method: s.method, signedInAt: s.signedInAt };
}
