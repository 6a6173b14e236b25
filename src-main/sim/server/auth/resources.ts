import type { ServiceName } from '../http/sim-http.js';

/**
 * The resources (token audiences) the simulated identity platform issues tokens for. Scopes use
 * the real resource identifiers (`https://graph.microsoft.com/.default`), exactly as against the
 * real cloud; only the base URLs of the APIs differ.
 */
export interface SimResource {
  service: Exclude<ServiceName, 'login'>;
  /** `aud` claim written into access tokens. */
  audience: string;
  /** Prefixes a scope may use to name this resource (URI forms and the resource's app id). */
  identifiers: string[];
  /** Every `aud` value the API accepts (the real APIs accept URI and app-id forms). */
  acceptedAudiences: string[];
  /** Delegated permissions granted when `.default` is requested (the tenant's admin consent). */
  consentedScopes: string[];
}

export const SIM_RESOURCES: readonly SimResource[] = [
  {
    service: 'graph',
    audience: 'https://graph.microsoft.com',
    identifiers: ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'],
    acceptedAudiences: ['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000'],
    consentedScopes: [
      'AuditLog.Read.All', 'AuditLogsQuery.Read.All', 'Directory.Read.All', 'Organization.Read.All', 'Policy.Read.All',
      'RoleManagement.Read.Directory', 'User.Read',
    ],
  },
  {
    service: 'exo',
    audience: 'https://outlook.office365.com',
    identifiers: ['https://outlook.office365.com', 'https://outlook.office.com', '00000002-0000-0ff1-ce00-000000000000'],
    acceptedAudiences: ['https://outlook.office365.com', 'https://outlook.office365.com/', 'https://outlook.office.com', '00000002-0000-0ff1-ce00-000000000000'],
    consentedScopes: ['Exchange.Manage'],
  },
  {
    service: 'mgmt',
    audience: 'https://manage.office.com',
    identifiers: ['https://manage.office.com', 'c5393580-f805-4401-95e8-94b7a6ef2fc2'],
    acceptedAudiences: ['https://manage.office.com', 'https://manage.office.com/', 'c5393580-f805-4401-95e8-94b7a6ef2fc2'],
    consentedScopes: ['ActivityFeed.Read', 'ActivityFeed.ReadDlp', 'ServiceHealth.Read'],
  },
  {
    service: 'arm',
    audience: 'https://management.azure.com',
    identifiers: ['https://management.azure.com', 'https://management.core.windows.net', '797f4846-ba00-4fd7-ba43-dac1f8f63013'],
    acceptedAudiences: [
      'https://management.azure.com', 'https://management.azure.com/', 'https://management.core.windows.net',
      'https://management.core.windows.net/', '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    ],
    consentedScopes: ['user_impersonation'],
  },
  {
    service: 'devops',
    audience: '499b84ac-1321-427f-aa17-267ca6975798',
    identifiers: ['499b84ac-1321-427f-aa17-267ca6975798', 'https://app.vssps.visualstudio.com'],
    acceptedAudiences: ['499b84ac-1321-427f-aa17-267ca6975798'],
    consentedScopes: ['user_impersonation'],
  },
];

export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export function resourceForService(service: ServiceName): SimResource | undefined {
  return SIM_RESOURCES.find((r) => r.service === service);
}

export interface ScopeRequest {
  resource: SimResource;
  /** Permissions named for the resource, without the resource prefix ('.default' kept). */
  permissions: string[];
  /** The scope strings as requested (for echoing back in the token response). */
  requested: string[];
  offlineAccess: boolean;
}

export type ScopeParseResult = { ok: true; value: ScopeRequest } | { ok: false; kind: 'multiple-resources' | 'unknown-resource'; detail: string };

/**
 * Splits a space-separated scope parameter into OIDC scopes and one resource's permissions.
 * Like Entra, scopes of two resources in one request are refused, and a request with only OIDC
 * scopes (or bare names) gets Microsoft Graph.
 */
export function parseScopes(scopeParam: string): ScopeParseResult {
  const scopes = scopeParam.split(/\s+/).filter((s) => s.length > 0);
  const resourceScopes = scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  const graph = SIM_RESOURCES[0] as SimResource;
  let resource: SimResource | null = null;
  const permissions: string[] = [];
  for (const scope of resourceScopes) {
    const match = matchResource(scope);
    if (match === 'unknown') return { ok: false, kind: 'unknown-resource', detail: scope };
    const found = match ?? { resource: graph, permission: scope };
    if (resource && resource !== found.resource) return { ok: false, kind: 'multiple-resources', detail: scopeParam };
    resource = found.resource;
    permissions.push(found.permission);
  }
  return {
    ok: true,
    value: {
      resource: resource ?? graph,
      permissions: permissions.length > 0 ? permissions : ['User.Read'],
      requested: resourceScopes,
      offlineAccess: scopes.some((s) => s.toLowerCase() === 'offline_access'),
    },
  };
}

function matchResource(scope: string): { resource: SimResource; permission: string } | 'unknown' | null {
  for (const resource of SIM_RESOURCES) {
    for (const identifier of resource.identifiers) {
      if (scope.toLowerCase().startsWith(`${identifier.toLowerCase()}/`)) {
        // ARM's legacy form has a double slash: https://management.core.windows.net//.default
        const permission = scope.slice(identifier.length).replace(/^\/+/, '');
        return { resource, permission };
      }
    }
  }
  // A URI or GUID prefix we do not host is an unknown resource; a bare name is a Graph permission.
  if (/^https?:\/\//i.test(scope) || /^[0-9a-f-]{36}\//i.test(scope)) return 'unknown';
  return null;
}

/** The `scp` values a token carries: named permissions as asked, `.default` expands to the consent. */
export function grantedPermissions(request: ScopeRequest): string[] {
  const granted = new Set<string>();
  for (const permission of request.permissions) {
    if (permission === '.default') request.resource.consentedScopes.forEach((s) => granted.add(s));
    else granted.add(permission);
  }
  return [...granted];
}
