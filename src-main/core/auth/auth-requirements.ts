import type { AuthRequirements, PermissionNeed, RoleNeed } from '../../../src-shared/domain/auth.js';
import type { CloudId } from '../../../src-shared/domain/clouds.js';
import { DEFAULT_CLIENT } from './default-client.js';

/**
 * What a tenant must grant for a complete collection, as a tenant admin would configure it. The
 * own app registration is the recommendation because only it can carry every permission at once
 * (Management API and audit-query scopes in particular).
 */
const permissions: PermissionNeed[] = [
  { resource: 'graph', api: 'Microsoft Graph', permission: 'AuditLog.Read.All', usedFor: 'Entra sign-ins and directory audits', adminConsent: true, defaultClientCovers: 'yes' },
  { resource: 'graph', api: 'Microsoft Graph', permission: 'Directory.Read.All', usedFor: 'directory roles, users, applications; older sign-in API behaviour', adminConsent: true, defaultClientCovers: 'yes' },
  { resource: 'graph', api: 'Microsoft Graph', permission: 'Organization.Read.All', usedFor: 'licences (subscribedSkus) for readiness', adminConsent: true, defaultClientCovers: 'yes' },
  { resource: 'graph', api: 'Microsoft Graph', permission: 'AuditLogsQuery.Read.All', usedFor: 'Graph audit log queries (Purview audit through Graph, global cloud only)', adminConsent: true, defaultClientCovers: 'no' },
  { resource: 'exo', api: 'Office 365 Exchange Online', permission: 'Exchange.Manage', usedFor: 'Search-UnifiedAuditLog and the audit configuration cmdlets', adminConsent: true, defaultClientCovers: 'unverified' },
  { resource: 'mgmt', api: 'Office 365 Management APIs', permission: 'ActivityFeed.Read (and ActivityFeed.ReadDlp)', usedFor: 'Management Activity API content', adminConsent: true, defaultClientCovers: 'no' },
  { resource: 'arm', api: 'Azure Service Management', permission: 'user_impersonation', usedFor: 'Azure Activity Log and the caller-permissions check', adminConsent: false, defaultClientCovers: 'yes' },
  { resource: 'devops', api: 'Azure DevOps', permission: 'user_impersonation', usedFor: 'organisation discovery and the audit log', adminConsent: false, defaultClientCovers: 'yes' },
];

const roles: RoleNeed[] = [
  { role: 'Global Reader (or Security Reader / Reports Reader)', where: 'Entra ID', usedFor: 'reading sign-in and audit reports' },
  { role: 'View-Only Audit Logs (or Audit Logs)', where: 'Exchange Online', usedFor: 'Search-UnifiedAuditLog (Global Reader alone does not grant it)' },
  { role: 'View-Only Configuration', where: 'Exchange Online', usedFor: 'reading audit settings (Get-AdminAuditLogConfig, Get-OrganizationConfig)' },
  { role: 'Reader (or Monitoring Reader) on each subscription', where: 'Azure RBAC', usedFor: 'Microsoft.Insights/eventtypes/values/read: the Activity Log' },
  { role: '"View audit log" organisation permission', where: 'Azure DevOps', usedFor: 'the organisation audit log (Project Collection Administrators have it)' },
];

export function authRequirements(cloud: CloudId): AuthRequirements {
  return {
    cloud,
    defaultClient: { clientId: DEFAULT_CLIENT.clientId, name: DEFAULT_CLIENT.name, why: DEFAULT_CLIENT.why, limits: [...DEFAULT_CLIENT.limits] },
    ownAppRecommendation:
      'Register an own single-tenant application in the investigated tenant (in the same cloud) and sign in with its client id. ' +
      'It is the only way to hold every permission at once — the Management Activity API and Graph audit log queries in particular — ' +
      'and it makes the investigation visible under a name the tenant recognises in its own sign-in logs.',
    appRegistrationSteps: [
      'Entra admin center → App registrations → New registration; supported account types: this organisational directory only.',
      'Authentication → Add a platform → Mobile and desktop applications → redirect URI http://localhost; set "Allow public client flows" to Yes (device code).',
      'API permissions → add the delegated permissions listed here → Grant admin consent for the tenant.',
      'Give the responder account the roles listed here (Entra, Exchange, Azure RBAC, DevOps).',
      'Sign in to Cirrus with the application (client) id and the tenant id or domain.',
    ],
    permissions: cloud === 'global' || cloud === 'sim' ? permissions : permissions.filter((p) => p.resource !== 'devops' && p.permission !== 'AuditLogsQuery.Read.All'),
    roles: cloud === 'global' || cloud === 'sim' ? roles : roles.filter((r) => r.where !== 'Azure DevOps'),
  };
}
