/**
 * Tenant configuration shapes: what readiness and snapshot calls (Graph, Exchange cmdlets)
 * report about the simulated tenant at the anchor.
 */

export interface SimMailbox {
  userPrincipalName: string;
  displayName: string;
  alias: string;
  primarySmtpAddress: string;
  exchangeGuid: string;
  recipientTypeDetails: 'UserMailbox' | 'SharedMailbox';
  auditEnabled: boolean;
  auditBypassEnabled: boolean;
  forwardingSmtpAddress: string | null;
  forwardingAddress: string | null;
  deliverToMailboxAndForward: boolean;
  /** Full-access and send-as delegations granted on this mailbox. */
  fullAccess: string[];
  sendAs: string[];
}

export interface SimRegionalConfig {
  identity: string;
  timeZone: string;
  language: string;
  dateFormat: string;
  timeFormat: string;
}

export interface SimInboxRule {
  mailbox: string;
  identity: string;
  name: string;
  ruleIdentity: string;
  enabled: boolean;
  priority: number;
  subjectOrBodyContainsWords: string[];
  fromAddressContainsWords: string[];
  moveToFolder: string | null;
  deleteMessage: boolean;
  forwardTo: string[];
  markAsRead: boolean;
  stopProcessingRules: boolean;
  createdBy: string;
  createdTime: string;
}

export interface SimTransportRule {
  name: string;
  guid: string;
  state: 'Enabled' | 'Disabled';
  mode: 'Enforce' | 'Audit';
  priority: number;
  blindCopyTo: string[];
  sentToScope: string | null;
  fromScope: string | null;
  subjectOrBodyContainsWords: string[];
  whenChanged: string;
  createdBy: string;
}

export interface SimCredential {
  keyId: string;
  displayName: string;
  type: 'Password' | 'AsymmetricX509Cert';
  startDateTime: string;
  endDateTime: string;
  hint: string | null;
}

export interface SimServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appOwnerOrganizationId: string;
  servicePrincipalType: 'Application' | 'ManagedIdentity';
  publisherName: string | null;
  verifiedPublisher: string | null;
  accountEnabled: boolean;
  replyUrls: string[];
  createdDateTime: string;
  passwordCredentials: SimCredential[];
  keyCredentials: SimCredential[];
  /** True for Microsoft first-party apps (kept so investigators can filter them out). */
  isFirstParty: boolean;
}

export interface SimApplication {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  createdDateTime: string;
  passwordCredentials: SimCredential[];
  keyCredentials: SimCredential[];
}

export interface SimOAuth2PermissionGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scope: string;
}

/** An application permission (app role) granted to a service principal (Graph appRoleAssignment). */
export interface SimAppRoleAssignment {
  id: string;
  appRoleId: string;
  /** The permission's name, for readers of the dataset; Graph itself only returns the id. */
  appRoleValue: string;
  principalId: string;
  principalType: 'ServicePrincipal' | 'User' | 'Group';
  principalDisplayName: string;
  resourceId: string;
  resourceDisplayName: string;
  createdDateTime: string;
}

/** A directory role held by a principal (Graph unifiedRoleAssignment, tenant-wide scope). */
export interface SimDirectoryRoleAssignment {
  id: string;
  principalId: string;
  /** Built-in roles: the role template id. */
  roleDefinitionId: string;
  directoryScopeId: string;
}

export interface SimConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  createdDateTime: string;
  modifiedDateTime: string | null;
  conditions: {
    users: { includeUsers: string[]; excludeUsers: string[]; includeGroups: string[]; excludeGroups: string[]; includeRoles: string[]; excludeRoles: string[] };
    applications: { includeApplications: string[]; excludeApplications: string[] };
    clientAppTypes: string[];
  };
  grantControls: { operator: 'OR' | 'AND'; builtInControls: string[] };
}

/** A federated domain's federation settings (Graph internalDomainFederation). */
export interface SimDomainFederation {
  domain: string;
  id: string;
  displayName: string;
  issuerUri: string;
  passiveSignInUri: string;
  signOutUri: string;
  metadataExchangeUri: string;
  preferredAuthenticationProtocol: 'wsFed' | 'saml';
  federatedIdpMfaBehavior: string;
  signingCertificate: string;
}

export interface SimTenantConfig {
  organization: {
    id: string;
    displayName: string;
    tenantType: 'AAD';
    countryLetterCode: string;
    createdDateTime: string;
    verifiedDomains: { name: string; isDefault: boolean; isInitial: boolean; type: 'Managed'; capabilities: string }[];
    onPremisesSyncEnabled: boolean | null;
  };
  domains: {
    id: string;
    authenticationType: 'Managed' | 'Federated';
    isDefault: boolean;
    isInitial: boolean;
    isVerified: boolean;
    isRoot: boolean;
    supportedServices: string[];
    passwordValidityPeriodInDays: number;
  }[];
  /** Get-AdminAuditLogConfig */
  adminAuditLogConfig: {
    AdminAuditLogEnabled: boolean;
    UnifiedAuditLogIngestionEnabled: boolean;
    UnifiedAuditLogFirstOptInDate: string | null;
    AdminAuditLogAgeLimit: string;
  };
  /** Get-OrganizationConfig (audit-relevant subset) */
  organizationConfig: {
    Name: string;
    DisplayName: string;
    AuditDisabled: boolean;
    Guid: string;
  };
  /** Get-MailboxAuditBypassAssociation: mailboxes with AuditBypassEnabled = true */
  mailboxAuditBypass: { identity: string; auditBypassEnabled: boolean }[];
  mailboxes: SimMailbox[];
  regionalConfig: SimRegionalConfig[];
  inboxRules: SimInboxRule[];
  transportRules: SimTransportRule[];
  servicePrincipals: SimServicePrincipal[];
  applications: SimApplication[];
  oauth2PermissionGrants: SimOAuth2PermissionGrant[];
  appRoleAssignments: SimAppRoleAssignment[];
  directoryRoleAssignments: SimDirectoryRoleAssignment[];
  /** Needs Entra ID P1 to be read. */
  conditionalAccessPolicies: SimConditionalAccessPolicy[];
  /** Federation settings of the federated domains (none in a cloud-only tenant). */
  domainFederation: SimDomainFederation[];
}

