/**
 * Things the tenant owns besides people: SharePoint sites and OneDrives with their documents,
 * applications and service principals, Azure subscriptions and resources, Azure DevOps
 * organisations. Built once per dataset from the seed; activity generators pick from them.
 */
import { documentExtensions, documentTopics, documentWords } from './catalog.js';
import type { SimPopulation } from './population.js';
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import type { SimUser } from './types.js';

export interface SpDocument {
  /** Full URL of the file (the UAL ObjectId). */
  objectId: string;
  fileName: string;
  extension: string;
  relativeUrl: string;
  listItemUniqueId: string;
}

export interface SpSite {
  kind: 'SharePoint' | 'OneDrive';
  url: string;
  siteId: string;
  webId: string;
  listId: string;
  library: string;
  documents: SpDocument[];
  owner: SimUser | null;
  /** `url` with a trailing slash (file records' SiteUrl). */
  urlWithSlash: string;
  homePageUrl: string;
}

/** Fills each document's full URL once, so records reuse one string instead of building it. */
function withObjectIds(site: SpSite): SpSite {
  site.urlWithSlash = `${site.url}/`;
  site.homePageUrl = `${site.url}/SitePages/Home.aspx`;
  for (const doc of site.documents) doc.objectId = `${site.url}/${doc.relativeUrl}/${doc.fileName}`;
  return site;
}

export interface SimAppRegistration {
  objectId: string;
  appId: string;
  servicePrincipalId: string;
  displayName: string;
  /** Tenant that owns the registration (ours, or a foreign one for multi-tenant apps). */
  ownerTenantId: string;
  createdMs: number;
  publisherName: string | null;
  replyUrls: string[];
}

export interface AzureResource {
  subscriptionId: string;
  resourceGroup: string;
  provider: string;
  type: string;
  name: string;
  id: string;
}

export interface SimSubscription {
  subscriptionId: string;
  displayName: string;
  quotaId: string;
  resourceGroups: string[];
  resources: AzureResource[];
}

export interface DevOpsProjectAsset {
  id: string;
  name: string;
  repos: { id: string; name: string }[];
  pipelines: { id: number; name: string; path: string }[];
}

export interface DevOpsOrgAsset {
  accountId: string;
  name: string;
  scopeId: string;
  projects: DevOpsProjectAsset[];
}

export interface SimAssets {
  sharePointHost: string;
  oneDriveHost: string;
  teamSites: SpSite[];
  oneDrives: Map<string, SpSite>;
  /** Internal line-of-business apps, with service principals in this tenant. */
  internalApps: {
    financeConnector: SimAppRegistration;
    hrSync: SimAppRegistration;
    backupAutomation: SimAppRegistration;
    terraform: SimAppRegistration;
  };
  /** The intruder's multi-tenant app, consented to during the intrusion. */
  maliciousApp: SimAppRegistration;
  /** A verified-publisher SaaS app staff legitimately consent to (benign look-alike of the consent). */
  thirdPartyApp: SimAppRegistration;
  managedIdentities: { servicePrincipalId: string; appId: string; displayName: string; resourceId: string }[];
  subscriptions: SimSubscription[];
  devopsOrgs: DevOpsOrgAsset[];
  /** External mailbox the intruder forwards and copies mail to. */
  intruderMailbox: string;
  intruderTenantId: string;
  /** Object ids of Microsoft first-party service principals in this tenant (grants point at them). */
  firstPartySpIds: { graph: string; exchange: string; sharePoint: string; arm: string; azureDevOps: string; managementApi: string };
}

function documentsFor(rng: Rng, library: string, count: number): SpDocument[] {
  const docs: SpDocument[] = [];
  const names = new Set<string>();
  for (let i = 0; docs.length < count && i < count * 4; i++) {
    const ext = rng.pick(documentExtensions);
    const base = `${rng.pick(documentTopics)} ${rng.pick(documentWords)}${rng.chance(0.3) ? ` v${rng.between(2, 9)}` : ''}`;
    const fileName = `${base}.${ext}`;
    if (names.has(fileName)) continue;
    names.add(fileName);
    docs.push({ objectId: '', fileName, extension: ext, relativeUrl: library, listItemUniqueId: rng.guid() });
  }
  return docs;
}

function app(rng: Rng, displayName: string, ownerTenantId: string, createdMs: number, publisherName: string | null, replyUrls: string[]): SimAppRegistration {
  return { objectId: rng.guid(), appId: rng.guid(), servicePrincipalId: rng.guid(), displayName, ownerTenantId, createdMs, publisherName, replyUrls };
}

export function buildAssets(seed: number, population: SimPopulation): SimAssets {
  const rng = createRng(seed, 'assets');
  const tenantId = population.tenant.id;
  const sharePointHost = 'tailspinaero.sharepoint.com';
  const oneDriveHost = 'tailspinaero-my.sharepoint.com';

  const teamSites: SpSite[] = ['Finance', 'Engineering', 'Operations', 'Sales', 'People', 'IT', 'AllCompany'].map((name) => ({
    kind: 'SharePoint',
    url: `https://${sharePointHost}/sites/${name}`,
    siteId: rng.guid(),
    webId: rng.guid(),
    listId: rng.guid(),
    library: 'Shared Documents',
    documents: documentsFor(rng, 'Shared Documents', 40),
    owner: null,
    urlWithSlash: '',
    homePageUrl: '',
  }));
  // The document the intrusion shares out; staff open it routinely too.
  teamSites[0]!.documents.unshift({ objectId: '', fileName: 'Supplier Bank Details.xlsx', extension: 'xlsx', relativeUrl: 'Shared Documents', listItemUniqueId: rng.guid() });

  teamSites.forEach(withObjectIds);

  const oneDrives = new Map<string, SpSite>();
  for (const user of population.users) {
    if (user.accountKind !== 'member') continue;
    const personal = user.userPrincipalName.replace(/[.@]/g, '_');
    oneDrives.set(user.userPrincipalName, withObjectIds({
      kind: 'OneDrive',
      url: `https://${oneDriveHost}/personal/${personal}`,
      siteId: rng.guid(),
      webId: rng.guid(),
      listId: rng.guid(),
      library: 'Documents',
      documents: documentsFor(rng, 'Documents', 12),
      owner: user,
      urlWithSlash: '',
      homePageUrl: '',
    }));
  }

  const created = population.tenant.createdMs;
  const internalApps = {
    financeConnector: app(rng, 'Finance Reporting Connector', tenantId, created + 400 * 86_400_000, null, ['https://reporting.tailspin-aero.example/signin-oidc']),
    hrSync: app(rng, 'HR Sync Service', tenantId, created + 200 * 86_400_000, null, []),
    backupAutomation: app(rng, 'Backup Automation', tenantId, created + 320 * 86_400_000, null, []),
    terraform: app(rng, 'Terraform Deployments', tenantId, created + 500 * 86_400_000, null, []),
  };
  const intruderTenantId = rng.guid();
  const maliciousApp = app(rng, 'Mail Sync Helper', intruderTenantId, created + 1500 * 86_400_000, null, ['https://mailsync-helper.example/auth/callback']);

  const thirdPartyApp = app(rng, 'Wingtip Expenses', rng.guid(), created + 900 * 86_400_000, 'Wingtip Software Ltd', ['https://app.wingtip-expenses.example/oauth']);

  const subscriptionSpecs = [
    { displayName: 'Tailspin Production', quotaId: 'EnterpriseAgreement_2014-09-01', groups: ['rg-web-prod', 'rg-data-prod', 'rg-identity-prod'] },
    { displayName: 'Tailspin Dev/Test', quotaId: 'MSDNDevTest_2014-09-01', groups: ['rg-devtest', 'rg-build-agents'] },
  ];
  const subscriptions: SimSubscription[] = subscriptionSpecs.map((spec, index) => {
    const subscriptionId = rng.guid();
    const resources: AzureResource[] = [];
    const add = (resourceGroup: string, provider: string, type: string, name: string): void => {
      resources.push({
        subscriptionId, resourceGroup, provider, type, name,
        id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${provider}/${type}/${name}`,
      });
    };
    for (const group of spec.groups) {
      const short = group.replace(/^rg-/, '').replace(/-/g, '');
      add(group, 'Microsoft.Storage', 'storageAccounts', `st${short}${rng.hex(4)}`);
      add(group, 'Microsoft.Web', 'sites', `app-${group.slice(3)}-${rng.hex(3)}`);
      add(group, 'Microsoft.KeyVault', 'vaults', `kv-${group.slice(3)}-${rng.hex(3)}`);
      add(group, 'Microsoft.Compute', 'virtualMachines', `vm-${group.slice(3)}-0${index + 1}`);
      add(group, 'Microsoft.Network', 'networkSecurityGroups', `nsg-${group.slice(3)}`);
    }
    return { subscriptionId, displayName: spec.displayName, quotaId: spec.quotaId, resourceGroups: spec.groups, resources };
  });

  const firstVm = subscriptions[1]!.resources.find((r) => r.type === 'virtualMachines')!;
  const firstSite = subscriptions[0]!.resources.find((r) => r.type === 'sites')!;
  const managedIdentities = [
    { servicePrincipalId: rng.guid(), appId: rng.guid(), displayName: firstVm.name, resourceId: firstVm.id },
    { servicePrincipalId: rng.guid(), appId: rng.guid(), displayName: firstSite.name, resourceId: firstSite.id },
  ];

  const project = (name: string, repoNames: string[], pipelineNames: string[]): DevOpsProjectAsset => ({
    id: rng.guid(),
    name,
    repos: repoNames.map((r) => ({ id: rng.guid(), name: r })),
    pipelines: pipelineNames.map((p, i) => ({ id: 10 + i + rng.int(40), name: p, path: '\\' })),
  });
  const devopsOrgs: DevOpsOrgAsset[] = [
    {
      accountId: rng.guid(), name: 'tailspin-aero', scopeId: rng.guid(),
      projects: [
        project('FleetTracker', ['fleet-api', 'fleet-web'], ['fleet-api-ci', 'fleet-web-ci', 'fleet-release']),
        project('BookingPortal', ['booking-portal'], ['booking-ci', 'booking-deploy']),
        project('Infrastructure', ['platform-terraform'], ['terraform-plan', 'terraform-apply']),
      ],
    },
    {
      accountId: rng.guid(), name: 'tailspin-labs', scopeId: rng.guid(),
      projects: [project('Prototypes', ['drone-telemetry'], ['telemetry-ci'])],
    },
  ];

  const firstPartySpIds = { graph: rng.guid(), exchange: rng.guid(), sharePoint: rng.guid(), arm: rng.guid(), azureDevOps: rng.guid(), managementApi: rng.guid() };

  return {
    firstPartySpIds,
    sharePointHost, oneDriveHost, teamSites, oneDrives, internalApps, maliciousApp, thirdPartyApp, managedIdentities,
    subscriptions, devopsOrgs, intruderMailbox: 'ledger.reconcile@proton-mailbox.example', intruderTenantId,
  };
}
