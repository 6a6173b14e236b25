import { z } from 'zod';

/**
 * Microsoft clouds a responder can sign in to. Each is one set of base URLs and token scopes:
 * an app registration, an account and every API live in exactly one of them, and a token for
 * `graph.microsoft.com` is worthless against `graph.microsoft.us`. The demo cloud is the local
 * simulator; its URLs are only known once it runs.
 */
export const CloudId = z.enum(['global', 'usgov', 'usgovdod', 'china', 'sim']);
export type CloudId = z.infer<typeof CloudId>;

/** Token audiences Cirrus asks for. One token per resource: Entra refuses scopes of two resources in one request. */
export const ResourceId = z.enum(['graph', 'exo', 'mgmt', 'arm', 'devops']);
export type ResourceId = z.infer<typeof ResourceId>;

export const resourceLabels: Record<ResourceId, string> = {
  graph: 'Microsoft Graph',
  exo: 'Exchange Online admin API',
  mgmt: 'Office 365 Management Activity API',
  arm: 'Azure Resource Manager',
  devops: 'Azure DevOps',
};

/** A value with where it comes from; `value: null` means the cloud does not offer it (or it is not known to). */
export const Sourced = z.object({ value: z.string().nullable(), source: z.string() });
export type Sourced = z.infer<typeof Sourced>;

export const CloudEndpoints = z.object({
  /** Origin of the Entra authority (`https://login.microsoftonline.com`); the tenant is appended. */
  login: Sourced,
  graph: Sourced,
  exo: Sourced,
  mgmt: Sourced,
  arm: Sourced,
  /** `dev.azure.com`: organisation-scoped REST APIs. */
  devops: Sourced,
  /** `app.vssps.visualstudio.com`: profile and organisation discovery. */
  devopsVssps: Sourced,
  /** `auditservice.dev.azure.com`: the audit log. */
  devopsAudit: Sourced,
});
export type CloudEndpoints = z.infer<typeof CloudEndpoints>;

export const CloudProfile = z.object({
  id: CloudId,
  label: z.string(),
  endpoints: CloudEndpoints,
  /** The `.default` scope per resource, using that cloud's resource identifier. */
  scopes: z.object({ graph: Sourced, exo: Sourced, mgmt: Sourced, arm: Sourced, devops: Sourced }),
  /** Whether Graph's audit log query API (security/auditLog/queries) exists in this cloud. */
  graphAuditQuery: z.object({ value: z.boolean(), source: z.string() }),
  /** Authority hosts MSAL must trust without Microsoft instance discovery (only the simulator needs one). */
  knownAuthorities: z.array(z.string()),
});
export type CloudProfile = z.infer<typeof CloudProfile>;

const NOTES = 'Microsoft API notes';
const src = {
  nationalClouds: `Microsoft "national cloud deployments" page (${NOTES} §12)`,
  exoEnvironments: `ExchangeOnlineManagement environment hosts (${NOTES} §12; verify before relying)`,
  audiences: `token audiences table (${NOTES} §0.1)`,
  mgmtRoots: `Management Activity API roots (${NOTES} §5.1)`,
  arm: `Azure Resource Manager (${NOTES} §6, §12)`,
  devops: `Azure DevOps hosts (${NOTES} §7)`,
  devopsNational: `Azure DevOps is not offered in this cloud (${NOTES} §12, unverified)`,
  auditQueryGlobal: `Graph audit log query is global-cloud only (${NOTES} §3.1, §12)`,
  scopeRule: `scope uses the cloud's own resource host (${NOTES} §12)`,
} as const;

const v = (value: string | null, source: string): Sourced => ({ value, source });
const scope = (resourceUri: string | null, source: string): Sourced => v(resourceUri === null ? null : `${resourceUri}/.default`, source);

const DEVOPS_RESOURCE = '499b84ac-1321-427f-aa17-267ca6975798';

const globalCloud: CloudProfile = {
  id: 'global',
  label: 'Global (commercial, incl. US GCC)',
  endpoints: {
    login: v('https://login.microsoftonline.com', src.nationalClouds),
    graph: v('https://graph.microsoft.com', src.nationalClouds),
    exo: v('https://outlook.office365.com', `Exchange Online admin API (${NOTES} §4.2)`),
    // US GCC ("moderate") tenants use the global endpoints except this one: manage-gcc.office.com.
    mgmt: v('https://manage.office.com', `${src.mgmtRoots}; GCC tenants use https://manage-gcc.office.com`),
    arm: v('https://management.azure.com', src.arm),
    devops: v('https://dev.azure.com', src.devops),
    devopsVssps: v('https://app.vssps.visualstudio.com', src.devops),
    devopsAudit: v('https://auditservice.dev.azure.com', src.devops),
  },
  scopes: {
    graph: scope('https://graph.microsoft.com', src.audiences),
    exo: scope('https://outlook.office365.com', src.audiences),
    mgmt: scope('https://manage.office.com', src.audiences),
    arm: scope('https://management.azure.com', src.audiences),
    devops: scope(DEVOPS_RESOURCE, src.audiences),
  },
  graphAuditQuery: { value: true, source: src.auditQueryGlobal },
  knownAuthorities: [],
};

const noDevops = {
  devops: v(null, src.devopsNational),
  devopsVssps: v(null, src.devopsNational),
  devopsAudit: v(null, src.devopsNational),
};

const usGovCloud: CloudProfile = {
  id: 'usgov',
  label: 'US Government (GCC High)',
  endpoints: {
    login: v('https://login.microsoftonline.us', src.nationalClouds),
    graph: v('https://graph.microsoft.us', src.nationalClouds),
    exo: v('https://outlook.office365.us', src.exoEnvironments),
    mgmt: v('https://manage.office365.us', src.mgmtRoots),
    arm: v('https://management.usgovcloudapi.net', src.arm),
    ...noDevops,
  },
  scopes: {
    graph: scope('https://graph.microsoft.us', src.scopeRule),
    exo: scope('https://outlook.office365.us', src.scopeRule),
    mgmt: scope('https://manage.office365.us', src.scopeRule),
    arm: scope('https://management.usgovcloudapi.net', src.scopeRule),
    devops: scope(null, src.devopsNational),
  },
  graphAuditQuery: { value: false, source: src.auditQueryGlobal },
  knownAuthorities: [],
};

const usGovDodCloud: CloudProfile = {
  id: 'usgovdod',
  label: 'US Government DoD',
  endpoints: {
    login: v('https://login.microsoftonline.us', src.nationalClouds),
    graph: v('https://dod-graph.microsoft.us', src.nationalClouds),
    exo: v('https://webmail.apps.mil', src.exoEnvironments),
    mgmt: v('https://manage.protection.apps.mil', src.mgmtRoots),
    arm: v('https://management.usgovcloudapi.net', src.arm),
    ...noDevops,
  },
  scopes: {
    graph: scope('https://dod-graph.microsoft.us', src.scopeRule),
    exo: scope('https://webmail.apps.mil', src.scopeRule),
    mgmt: scope('https://manage.protection.apps.mil', src.scopeRule),
    arm: scope('https://management.usgovcloudapi.net', src.scopeRule),
    devops: scope(null, src.devopsNational),
  },
  graphAuditQuery: { value: false, source: src.auditQueryGlobal },
  knownAuthorities: [],
};

const chinaMgmt = `the Management Activity API host of this cloud is not verified (${NOTES} §12)`;
const chinaCloud: CloudProfile = {
  id: 'china',
  label: 'China (operated by 21Vianet)',
  endpoints: {
    login: v('https://login.chinacloudapi.cn', src.nationalClouds),
    graph: v('https://microsoftgraph.chinacloudapi.cn', src.nationalClouds),
    // Search-UnifiedAuditLog exists here but returns nothing (notes §4.1); readiness says so.
    exo: v('https://partner.outlook.cn', src.exoEnvironments),
    mgmt: v(null, chinaMgmt),
    arm: v('https://management.chinacloudapi.cn', src.arm),
    ...noDevops,
  },
  scopes: {
    graph: scope('https://microsoftgraph.chinacloudapi.cn', src.scopeRule),
    exo: scope('https://partner.outlook.cn', src.scopeRule),
    mgmt: scope(null, chinaMgmt),
    arm: scope('https://management.chinacloudapi.cn', src.scopeRule),
    devops: scope(null, src.devopsNational),
  },
  graphAuditQuery: { value: false, source: src.auditQueryGlobal },
  knownAuthorities: [],
};

/** The clouds with fixed URLs. The demo cloud is built from a running simulator with `demoCloud`. */
export const CLOUDS: Readonly<Record<Exclude<CloudId, 'sim'>, CloudProfile>> = {
  global: globalCloud,
  usgov: usGovCloud,
  usgovdod: usGovDodCloud,
  china: chinaCloud,
};

/** Base URLs of a running simulator, one per service (its `serviceUrls`). */
export const DemoServiceUrls = z.object({
  login: z.string(),
  graph: z.string(),
  exo: z.string(),
  mgmt: z.string(),
  arm: z.string(),
  devops: z.string(),
  devopsVssps: z.string(),
  devopsAudit: z.string(),
});
export type DemoServiceUrls = z.infer<typeof DemoServiceUrls>;

/**
 * Where the simulator mounts each service below its base URL. Kept here (not imported from the
 * simulator) because production code must not depend on test infrastructure; a test checks that
 * both agree.
 */
const DEMO_PREFIXES: Record<keyof DemoServiceUrls, string> = {
  login: '',
  graph: '/graph',
  exo: '/exo',
  mgmt: '/mgmt',
  arm: '/arm',
  devops: '/devops',
  devopsVssps: '/devops-vssps',
  devopsAudit: '/devops-audit',
};

export function demoServiceUrlsFor(baseUrl: string): DemoServiceUrls {
  const base = baseUrl.replace(/\/+$/, '');
  const entries = Object.entries(DEMO_PREFIXES).map(([k, prefix]) => [k, `${base}${prefix}`]);
  return DemoServiceUrls.parse(Object.fromEntries(entries));
}

// src-shared has no URL class (no DOM, no Node): loopback addresses are recognised by shape.
const LOOPBACK_HTTPS = /^https:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?(\/[^\s]*)?$/i;

/** True for `https://127.0.0.1:PORT` style addresses (no credentials): the only place a demo cloud may live. */
export function isLoopbackHttpsUrl(raw: string): boolean {
  return LOOPBACK_HTTPS.test(raw);
}

/** `https://host:port` of an absolute URL. */
function originOf(url: string): string {
  return /^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? url;
}

/**
 * The demo tenant: every URL is the simulator's. Scopes stay the global cloud's, because the
 * simulator accepts the real resource identifiers and only the hosts differ.
 */
export function demoCloud(urls: DemoServiceUrls): CloudProfile {
  const fromSim = 'the running simulator (its serviceUrls)';
  const simScopes = 'global-cloud resource identifiers, which the simulator accepts';
  const login = originOf(urls.login);
  return {
    id: 'sim',
    label: 'Demo tenant (simulated)',
    endpoints: {
      login: v(login, fromSim),
      graph: v(urls.graph, fromSim),
      exo: v(urls.exo, fromSim),
      mgmt: v(urls.mgmt, fromSim),
      arm: v(urls.arm, fromSim),
      devops: v(urls.devops, fromSim),
      devopsVssps: v(urls.devopsVssps, fromSim),
      devopsAudit: v(urls.devopsAudit, fromSim),
    },
    scopes: {
      graph: v(globalCloud.scopes.graph.value, simScopes),
      exo: v(globalCloud.scopes.exo.value, simScopes),
      mgmt: v(globalCloud.scopes.mgmt.value, simScopes),
      arm: v(globalCloud.scopes.arm.value, simScopes),
      devops: v(globalCloud.scopes.devops.value, simScopes),
    },
    graphAuditQuery: { value: true, source: 'the simulator serves the global cloud API surface' },
    // MSAL would otherwise ask login.microsoftonline.com whether this host is a real authority.
    knownAuthorities: [login.replace(/^https?:\/\//i, '')],
  };
}
