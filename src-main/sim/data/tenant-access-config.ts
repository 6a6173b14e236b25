/**
 * Who may do what in the simulated tenant, as the snapshot reads it: directory role holders,
 * application permissions (app role assignments) of the tenant's own apps, and conditional
 * access policies. Drawn from a random stream of its own, so adding it left every other
 * generated value as it was.
 *
 * The policies tell part of the intrusion's story: MFA for every user exists but only reports,
 * so the password-sprayed account signed in on a password alone.
 */
import type { SimAssets } from './assets.js';
import { createRng } from './prng.js';
import type { SimPopulation } from './population.js';
import type { SimAppRoleAssignment, SimConditionalAccessPolicy, SimDirectoryRoleAssignment, SimProfile, SimServicePrincipal } from './types.js';

const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const EXCHANGE_ADMINISTRATOR = '29232cdf-9323-42fd-ade2-1d097af3e4de';

/** Microsoft Graph application permissions (app role ids are the same in every tenant). */
const GRAPH_APP_ROLES = {
  'Reports.Read.All': '230c1aed-a721-4c5d-9cb4-a90514e508ef',
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
  'Mail.Read': '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
  'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
} as const;

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

export interface TenantAccessConfig {
  directoryRoleAssignments: SimDirectoryRoleAssignment[];
  appRoleAssignments: SimAppRoleAssignment[];
  conditionalAccessPolicies: SimConditionalAccessPolicy[];
}

export function buildTenantAccess(seed: number, profile: SimProfile, population: SimPopulation, assets: SimAssets, servicePrincipals: readonly SimServicePrincipal[]): TenantAccessConfig {
  const rng = createRng(seed, 'tenant-access');
  const { key, tenant } = population;

  const directoryRoleAssignments: SimDirectoryRoleAssignment[] = [
    ...profile.signedInUserRoles.map((r) => ({ principalId: key.responder.id, roleDefinitionId: r.roleTemplateId })),
    { principalId: key.itAdmin.id, roleDefinitionId: GLOBAL_ADMINISTRATOR },
    { principalId: key.adminVictim.id, roleDefinitionId: EXCHANGE_ADMINISTRATOR },
  ].map((a) => ({ id: rng.base64(32), ...a, directoryScopeId: '/' }));

  const graph = servicePrincipals.find((sp) => sp.appId === '00000003-0000-0000-c000-000000000000');
  if (!graph) throw new Error('the tenant has no Microsoft Graph service principal');
  const a = assets.internalApps;
  const grants: [SimServicePrincipal['id'], keyof typeof GRAPH_APP_ROLES][] = [
    [a.financeConnector.servicePrincipalId, 'Reports.Read.All'],
    [a.hrSync.servicePrincipalId, 'User.Read.All'],
    [a.hrSync.servicePrincipalId, 'Directory.Read.All'],
    [a.backupAutomation.servicePrincipalId, 'Mail.Read'],
  ];
  const appRoleAssignments = grants.map(([principalId, role]): SimAppRoleAssignment => {
    const principal = servicePrincipals.find((sp) => sp.id === principalId);
    if (!principal) throw new Error(`no service principal ${principalId}`);
    return {
      id: rng.base64(32),
      appRoleId: GRAPH_APP_ROLES[role],
      appRoleValue: role,
      principalId,
      principalType: 'ServicePrincipal',
      principalDisplayName: principal.displayName,
      resourceId: graph.id,
      resourceDisplayName: graph.displayName,
      createdDateTime: principal.createdDateTime,
    };
  });

  const created = (days: number) => iso(tenant.createdMs + days * 86_400_000);
  const noUsers = { includeUsers: [], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] };
  const allApps = { includeApplications: ['All'], excludeApplications: [] };
  const conditionalAccessPolicies: SimConditionalAccessPolicy[] = [
    {
      id: rng.guid(), displayName: 'Require MFA for administrators', state: 'enabled', createdDateTime: created(40), modifiedDateTime: null,
      conditions: { users: { ...noUsers, includeRoles: [GLOBAL_ADMINISTRATOR, EXCHANGE_ADMINISTRATOR] }, applications: allApps, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    },
    {
      id: rng.guid(), displayName: 'Block legacy authentication', state: 'enabled', createdDateTime: created(41), modifiedDateTime: null,
      conditions: { users: { ...noUsers, includeUsers: ['All'] }, applications: allApps, clientAppTypes: ['exchangeActiveSync', 'other'] },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    },
    {
      id: rng.guid(), displayName: 'Require MFA for all users', state: 'enabledForReportingButNotEnforced', createdDateTime: created(300), modifiedDateTime: created(420),
      conditions: { users: { ...noUsers, includeUsers: ['All'], excludeUsers: [key.itAdmin.id] }, applications: allApps, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    },
  ];

  return { directoryRoleAssignments, appRoleAssignments, conditionalAccessPolicies };
}
