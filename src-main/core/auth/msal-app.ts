import { LogLevel, PublicClientApplication, type ICachePlugin } from '@azure/msal-node';
import type { Logger } from '../ports.js';
import type { CloudConnection } from './cloud-connection.js';

/**
 * One MSAL public client per (cloud, tenant, client id). Personal data in MSAL's log lines is
 * off, and lines MSAL marks as containing it are dropped anyway: logs must never carry tokens,
 * codes or account names from the identity platform's responses.
 */
export interface MsalAppSpec {
  connection: CloudConnection;
  tenant: string;
  clientId: string;
  /** Omitted while a sign-in is in progress: the tokens stay in memory until it succeeds. */
  cachePlugin?: ICachePlugin;
  logger: Logger;
}

export function authorityFor(connection: CloudConnection, tenant: string): string {
  const login = connection.profile.endpoints.login.value;
  if (!login) throw new Error(`${connection.profile.label} has no sign-in authority`);
  return `${login}/${encodeURIComponent(tenant)}`;
}

export function createMsalApp(spec: MsalAppSpec): PublicClientApplication {
  return new PublicClientApplication({
    auth: {
      clientId: spec.clientId,
      authority: authorityFor(spec.connection, spec.tenant),
      knownAuthorities: spec.connection.profile.knownAuthorities,
    },
    ...(spec.cachePlugin ? { cache: { cachePlugin: spec.cachePlugin } } : {}),
    system: {
      networkClient: spec.connection.msalNetwork,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) spec.logger.warn(`sign-in library: ${message}`);
        },
      },
    },
  });
}
