/**
 * The tenant's configuration as the readiness and snapshot calls report it at the anchor:
 * organisation and domains, Exchange audit settings, mailboxes (forwarding, delegations,
 * regional time zones), inbox and transport rules, apps, service principals and grants.
 * It reflects the intrusion's end state: its rules, forwarding, delegations, bypass, backdoor
 * secret and consent grant are all still in place.
 */
import type { SimAppRegistration, SimAssets } from './assets.js';
import { createRng } from './prng.js';
import { buildTenantAccess } from './tenant-access-config.js';
import type { SimPopulation } from './population.js';
import type { IntrusionEndState } from './intrusion.js';
import type {
  SimApplication, SimCredential, SimInboxRule, SimMailbox, SimOAuth2PermissionGrant, SimProfile, SimServicePrincipal, SimTenantConfig,
  SimTransportRule, SimUser,
} from './types.js';

const MICROSOFT_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

function credential(rng: ReturnType<typeof createRng>, type: SimCredential['type'], displayName: string, startMs: number, years: number): SimCredential {
  return {
    keyId: rng.guid(), displayName, type, startDateTime: iso(startMs), endDateTime: iso(startMs + years * 365 * 86_400_000),
    hint: type === 'Password' ? rng.base64(3) : null,
  };
}

function servicePrincipalOf(app: SimAppRegistration, tenantId: string, passwords: SimCredential[], keys: SimCredential[], verifiedPublisher: string | null): SimServicePrincipal {
  return {
    id: app.servicePrincipalId, appId: app.appId, displayName: app.displayName, appOwnerOrganizationId: app.ownerTenantId,
    servicePrincipalType: 'Application', publisherName: app.publisherName ?? (app.ownerTenantId === tenantId ? 'Tailspin Aero' : null),
    verifiedPublisher, accountEnabled: true, replyUrls: app.replyUrls, createdDateTime: iso(app.createdMs),
    passwordCredentials: passwords, keyCredentials: keys, isFirstParty: false,
  };
}

function applicationOf(app: SimAppRegistration, passwords: SimCredential[], keys: SimCredential[]): SimApplication {
  return {
    id: app.objectId, appId: app.appId, displayName: app.displayName, signInAudience: 'AzureADMyOrg', createdDateTime: iso(app.createdMs),
    passwordCredentials: passwords, keyCredentials: keys,
  };
}

function mailboxOf(user: SimUser, end: IntrusionEndState, finance: SimUser[], forwardedLeaver: SimUser | null): SimMailbox {
  const upn = user.userPrincipalName;
  const isVictim = upn === end.delegation.delegate;
  const isDelegated = upn === end.delegation.mailbox;
  const shared = user.accountKind === 'sharedMailbox';
  return {
    userPrincipalName: upn,
    displayName: user.displayName,
    alias: upn.split('@')[0]!,
    primarySmtpAddress: upn,
    exchangeGuid: user.mailboxGuid,
    recipientTypeDetails: shared ? 'SharedMailbox' : 'UserMailbox',
    auditEnabled: true,
    auditBypassEnabled: false,
    forwardingSmtpAddress: isVictim ? end.forwardingSmtpAddress : null,
    // A leaver's mailbox forwarded to a colleague: the benign look-alike of forwarding.
    forwardingAddress: forwardedLeaver && user === forwardedLeaver ? finance[0]?.userPrincipalName ?? null : null,
    deliverToMailboxAndForward: isVictim,
    fullAccess: shared ? finance.map((f) => f.userPrincipalName) : isDelegated ? [end.delegation.delegate] : [],
    sendAs: isDelegated ? [end.delegation.delegate] : [],
  };
}

export function buildTenantConfig(seed: number, profile: SimProfile, population: SimPopulation, assets: SimAssets, end: IntrusionEndState): SimTenantConfig {
  const rng = createRng(seed, 'tenant-config');
  const { tenant } = population;
  const forwardedLeaver = population.active.length > 8 ? population.active[population.active.length - 1]! : null;
  const bypassed = new Set([...profile.bypassedMailboxes, end.bypass.upn]);
  const mailboxes = population.users
    .filter((u) => u.userPrincipalName !== population.key.responder.userPrincipalName)
    .map((u) => {
      const m = mailboxOf(u, end, population.finance, forwardedLeaver);
      m.auditBypassEnabled = bypassed.has(u.userPrincipalName);
      return m;
    });

  const benignRules: SimInboxRule[] = population.active.slice(0, Math.max(3, Math.floor(population.active.length / 6))).map((u, i) => ({
    mailbox: u.userPrincipalName, identity: `${u.userPrincipalName.split('@')[0]}\\Newsletters`, name: 'Newsletters',
    ruleIdentity: `1844${String(rng.int(1e9)).padStart(12, '0')}${i}`, enabled: true, priority: 1, subjectOrBodyContainsWords: [],
    fromAddressContainsWords: ['newsletter', 'noreply'], moveToFolder: 'Newsletters', deleteMessage: false, forwardTo: [], markAsRead: false,
    stopProcessingRules: true, createdBy: u.userPrincipalName, createdTime: iso(tenant.createdMs + (100 + i * 13) * 86_400_000),
  }));

  const benignTransport: SimTransportRule[] = [
    { name: 'External sender disclaimer', guid: rng.guid(), state: 'Enabled', mode: 'Enforce', priority: 1, blindCopyTo: [], sentToScope: 'InOrganization',
      fromScope: 'NotInOrganization', subjectOrBodyContainsWords: [], whenChanged: iso(tenant.createdMs + 60 * 86_400_000), createdBy: population.key.itAdmin.userPrincipalName },
    { name: 'Block executable attachments', guid: rng.guid(), state: 'Enabled', mode: 'Enforce', priority: 2, blindCopyTo: [], sentToScope: null,
      fromScope: null, subjectOrBodyContainsWords: [], whenChanged: iso(tenant.createdMs + 75 * 86_400_000), createdBy: population.key.itAdmin.userPrincipalName },
  ];

  const a = assets.internalApps;
  const fcCert = credential(rng, 'AsymmetricX509Cert', 'CN=finance-reporting', a.financeConnector.createdMs, 2);
  const backupSecret = credential(rng, 'Password', 'rotation', a.backupAutomation.createdMs + 700 * 86_400_000, 2);
  const hrCert = credential(rng, 'AsymmetricX509Cert', 'CN=hr-sync', a.hrSync.createdMs, 3);
  const tfSecret = credential(rng, 'Password', 'terraform', a.terraform.createdMs, 2);

  const firstParty = (id: string, appId: string, displayName: string): SimServicePrincipal => ({
    id, appId, displayName, appOwnerOrganizationId: MICROSOFT_TENANT, servicePrincipalType: 'Application', publisherName: 'Microsoft Services',
    verifiedPublisher: null, accountEnabled: true, replyUrls: [], createdDateTime: iso(tenant.createdMs), passwordCredentials: [], keyCredentials: [], isFirstParty: true,
  });
  const ids = assets.firstPartySpIds;
  const servicePrincipals: SimServicePrincipal[] = [
    firstParty(ids.graph, '00000003-0000-0000-c000-000000000000', 'Microsoft Graph'),
    firstParty(ids.exchange, '00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'),
    firstParty(ids.sharePoint, '00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'),
    firstParty(ids.arm, '797f4846-ba00-4fd7-ba43-dac1f8f63013', 'Windows Azure Service Management API'),
    firstParty(ids.azureDevOps, '499b84ac-1321-427f-aa17-267ca6975798', 'Azure DevOps'),
    firstParty(ids.managementApi, 'c5393580-f805-4401-95e8-94b7a6ef2fc2', 'Office 365 Management APIs'),
    servicePrincipalOf(a.financeConnector, tenant.id, [end.addedCredential], [fcCert], null),
    servicePrincipalOf(a.backupAutomation, tenant.id, [backupSecret], [], null),
    servicePrincipalOf(a.hrSync, tenant.id, [], [hrCert], null),
    servicePrincipalOf(a.terraform, tenant.id, [tfSecret], [], null),
    servicePrincipalOf(assets.thirdPartyApp, tenant.id, [], [], assets.thirdPartyApp.publisherName),
    { ...servicePrincipalOf(assets.maliciousApp, tenant.id, [], [], null), createdDateTime: iso(end.consentMs) },
    ...assets.managedIdentities.map((m): SimServicePrincipal => ({
      id: m.servicePrincipalId, appId: m.appId, displayName: m.displayName, appOwnerOrganizationId: MICROSOFT_TENANT, servicePrincipalType: 'ManagedIdentity',
      publisherName: null, verifiedPublisher: null, accountEnabled: true, replyUrls: [], createdDateTime: iso(tenant.createdMs + 800 * 86_400_000),
      passwordCredentials: [], keyCredentials: [], isFirstParty: false,
    })),
  ];

  const applications: SimApplication[] = [
    // The backdoor secret was added to the service principal, not the application object.
    applicationOf(a.financeConnector, [], [fcCert]),
    applicationOf(a.backupAutomation, [backupSecret], []),
    applicationOf(a.hrSync, [], [hrCert]),
    applicationOf(a.terraform, [tfSecret], []),
  ];

  const oauth2PermissionGrants: SimOAuth2PermissionGrant[] = [
    { id: rng.base64(43), clientId: assets.thirdPartyApp.servicePrincipalId, consentType: 'AllPrincipals', principalId: null, resourceId: ids.graph, scope: 'User.Read openid profile offline_access' },
    { id: rng.base64(43), clientId: a.financeConnector.servicePrincipalId, consentType: 'AllPrincipals', principalId: null, resourceId: ids.graph, scope: 'Reports.Read.All' },
    end.grant,
  ];
  const access = buildTenantAccess(seed, profile, population, assets, servicePrincipals);

  return {
    organization: {
      id: tenant.id, displayName: tenant.displayName, tenantType: 'AAD', countryLetterCode: 'GB', createdDateTime: iso(tenant.createdMs),
      verifiedDomains: [
        { name: tenant.defaultDomain, isDefault: true, isInitial: false, type: 'Managed', capabilities: 'Email, OfficeCommunicationsOnline' },
        { name: tenant.initialDomain, isDefault: false, isInitial: true, type: 'Managed', capabilities: 'Email, OfficeCommunicationsOnline' },
      ],
      onPremisesSyncEnabled: null,
    },
    domains: [tenant.defaultDomain, tenant.initialDomain].map((id, i) => ({
      id, authenticationType: 'Managed' as const, isDefault: i === 0, isInitial: i === 1, isVerified: true, isRoot: true,
      supportedServices: ['Email', 'OfficeCommunicationsOnline'], passwordValidityPeriodInDays: 2147483647,
    })),
    adminAuditLogConfig: {
      AdminAuditLogEnabled: true,
      UnifiedAuditLogIngestionEnabled: profile.unifiedAuditLogIngestionEnabled,
      UnifiedAuditLogFirstOptInDate: profile.unifiedAuditLogIngestionEnabled ? iso(tenant.createdMs + 2 * 86_400_000) : null,
      AdminAuditLogAgeLimit: '90.00:00:00',
    },
    organizationConfig: { Name: tenant.initialDomain, DisplayName: tenant.displayName, AuditDisabled: profile.orgMailboxAuditDisabled, Guid: rng.guid() },
    mailboxAuditBypass: mailboxes.map((m) => ({ identity: m.userPrincipalName, auditBypassEnabled: m.auditBypassEnabled })),
    mailboxes,
    regionalConfig: population.users
      .filter((u) => u.userPrincipalName !== population.key.responder.userPrincipalName)
      .map((u) => ({
        identity: u.userPrincipalName, timeZone: u.timeZone, language: u.country === 'FR' ? 'fr-FR' : 'en-GB',
        dateFormat: 'dd/MM/yyyy', timeFormat: 'HH:mm',
      })),
    inboxRules: [...benignRules, ...end.inboxRules],
    transportRules: [...benignTransport, end.transportRule],
    servicePrincipals,
    applications,
    oauth2PermissionGrants,
    ...access,
    domainFederation: [],
  };
}
