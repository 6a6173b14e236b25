/**
 * Data model of the simulated Microsoft cloud tenant.
 *
 * The record types mirror what the real services return on the wire (field names and casing
 * copied from real samples), because the simulator's HTTP layer serves these objects verbatim
 * and the collector must not be able to tell the difference.
 */

import type { SimTenantConfig } from './tenant-config-types.js';

export type SimProfileName =
  | 'e5'
  | 'e3'
  | 'p1-only'
  | 'free'
  | 'no-global-reader'
  | 'ual-disabled'
  | 'bypassed-mailbox';

export type SimSource = 'ual' | 'signins' | 'directoryAudits' | 'azureActivity' | 'devopsAudit';

export const simSources: readonly SimSource[] = ['ual', 'signins', 'directoryAudits', 'azureActivity', 'devopsAudit'];

// ---------------------------------------------------------------------------------------------
// Graph readiness shapes
// ---------------------------------------------------------------------------------------------

export interface GraphServicePlanInfo {
  servicePlanId: string;
  servicePlanName: string;
  provisioningStatus: 'Success' | 'Disabled' | 'PendingInput' | 'PendingActivation' | 'PendingProvisioning';
  appliesTo: 'User' | 'Company';
}

/** Graph `subscribedSku` (GET /v1.0/subscribedSkus). */
export interface GraphSubscribedSku {
  /** `{tenantId}_{skuId}`; filled with the tenant id when the dataset is generated. */
  id: string;
  accountId: string;
  accountName: string;
  appliesTo: 'User' | 'Company';
  capabilityStatus: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
  consumedUnits: number;
  skuId: string;
  skuPartNumber: string;
  subscriptionIds: string[];
  prepaidUnits: { enabled: number; suspended: number; warning: number; lockedOut: number };
  servicePlans: GraphServicePlanInfo[];
}

// ---------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------

export interface SimProfile {
  name: SimProfileName;
  description: string;
  subscribedSkus: GraphSubscribedSku[];
  hasEntraP1: boolean;
  hasEntraP2: boolean;
  hasAuditPremium: boolean;
  hasDefenderO365: boolean;
  /** Directory roles of the responder's account (real built-in role template ids). */
  signedInUserRoles: { displayName: string; roleTemplateId: string }[];
  /** Exchange Online RBAC roles of the responder; [] → Search-UnifiedAuditLog is denied. */
  exoRoles: string[];
  /** Caller holds Microsoft.Insights/eventtypes/values/read on the subscriptions. */
  armReadActivity: boolean;
  devopsAuditRead: boolean;
  devopsAuditingEnabled: boolean;
  unifiedAuditLogIngestionEnabled: boolean;
  orgMailboxAuditDisabled: boolean;
  /** UPNs whose mailbox audit is bypassed before the intrusion (profile setting). */
  bypassedMailboxes: string[];
  /** How many days back each API still returns data. */
  retentionDays: Record<SimSource, number>;
  /** Free tenants: Graph sign-ins → 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant. */
  signInsApiForbidden: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tenant population
// ---------------------------------------------------------------------------------------------

export interface SimUser {
  /** 'sharedMailbox' accounts own a mailbox but never sign in. */
  accountKind: 'member' | 'sharedMailbox';
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  jobTitle: string;
  department: string;
  /** Stable per-user identifier used by UAL as UserKey (a PUID-style hex string). */
  puid: string;
  mailboxGuid: string;
  isAdmin: boolean;
  /** Home country (ISO 3166 alpha-2), city and state used for benign sign-ins. */
  country: string;
  city: string;
  state: string;
  latitude: number;
  longitude: number;
  /** Public egress addresses the user normally comes from. */
  homeIps: string[];
  /** Primary device of the user. */
  device: { deviceId: string; displayName: string; operatingSystem: string; browser: string; userAgent: string; trustType: string };
  /** Windows time-zone id of the mailbox (Get-MailboxRegionalConfiguration). */
  timeZone: string;
  /** Hours east of UTC of the user's working day. */
  utcOffset: number;
  autonomousSystemNumber: number;
  /** Second device: a phone. */
  mobile: { deviceId: string; operatingSystem: string; browser: string; userAgent: string };
  /** Security identifier of the mailbox owner, as Exchange writes it. */
  sid: string;
  /** Relative activity level (1 = average); busy users produce more records. */
  activity: number;
  createdDateTime: string;
}

// ---------------------------------------------------------------------------------------------
// Unified audit log (Management Activity API AuditData object)
// ---------------------------------------------------------------------------------------------

export interface UalNameValue {
  Name: string;
  Value: string;
}

export interface UalModifiedProperty {
  Name: string;
  NewValue: string;
  OldValue: string;
}

/**
 * One AuditData object. Common-schema fields are typed; workload-specific fields differ per
 * RecordType and are carried as additional keys (they are served as-is, never interpreted here).
 */
export interface UalAuditData {
  CreationTime: string;
  Id: string;
  Operation: string;
  OrganizationId: string;
  RecordType: number;
  ResultStatus?: string;
  UserKey: string;
  UserType: number;
  Version: number;
  Workload: string;
  ClientIP?: string | null;
  ObjectId?: string;
  UserId: string;
  [extra: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Entra sign-ins (Graph beta signIn)
// ---------------------------------------------------------------------------------------------

export type SignInEventType = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity';

export interface GraphAuthenticationDetail {
  authenticationStepDateTime: string;
  authenticationMethod: string;
  authenticationMethodDetail: string | null;
  succeeded: boolean;
  authenticationStepResultDetail: string;
  authenticationStepRequirement: string;
}

export interface GraphSignIn {
  id: string;
  createdDateTime: string;
  userDisplayName: string | null;
  userPrincipalName: string | null;
  userId: string;
  appId: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string | null;
  correlationId: string;
  conditionalAccessStatus: 'success' | 'failure' | 'notApplied';
  isInteractive: boolean;
  riskDetail: string;
  riskLevelAggregated: string;
  riskLevelDuringSignIn: string;
  riskState: string;
  /** Deprecated by the service but still returned alongside riskEventTypes_v2. */
  riskEventTypes: string[];
  riskEventTypes_v2: string[];
  resourceDisplayName: string;
  resourceId: string;
  status: { errorCode: number; failureReason: string | null; additionalDetails: string | null };
  deviceDetail: {
    deviceId: string;
    displayName: string;
    operatingSystem: string;
    browser: string;
    isCompliant: boolean;
    isManaged: boolean;
    trustType: string;
  };
  location: {
    city: string | null;
    state: string | null;
    countryOrRegion: string | null;
    geoCoordinates: { altitude: number | null; latitude: number | null; longitude: number | null };
  };
  appliedConditionalAccessPolicies: {
    id: string;
    displayName: string;
    enforcedGrantControls: string[];
    enforcedSessionControls: string[];
    result: string;
  }[];
  userAgent: string;
  signInEventTypes: SignInEventType[];
  authenticationProtocol: string;
  originalTransferMethod: string;
  incomingTokenType: string;
  authenticationRequirement: string;
  authenticationDetails: GraphAuthenticationDetail[];
  authenticationMethodsUsed: string[];
  authenticationProcessingDetails: { key: string; value: string }[];
  networkLocationDetails: { networkType: string; networkNames: string[] }[];
  servicePrincipalId: string;
  servicePrincipalName: string | null;
  managedServiceIdentity: { msiType: string; associatedResourceId: string | null; federatedTokenId: string | null; federatedTokenIssuer: string | null };
  clientCredentialType: string;
  homeTenantId: string;
  resourceTenantId: string;
  crossTenantAccessType: string;
  tokenIssuerType: string;
  tokenIssuerName: string;
  uniqueTokenIdentifier: string;
  sessionId: string;
  originalRequestId: string;
  processingTimeInMilliseconds: number;
  autonomousSystemNumber: number;
  userType: 'member' | 'guest';
  flaggedForReview: boolean;
  isTenantRestricted: boolean;
  ipAddressFromResourceProvider: string | null;
  azureResourceId: string;
}

// ---------------------------------------------------------------------------------------------
// Entra directory audits (Graph directoryAudit)
// ---------------------------------------------------------------------------------------------

export interface GraphModifiedProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface GraphTargetResource {
  id: string;
  displayName: string | null;
  type: string;
  userPrincipalName: string | null;
  groupType: string | null;
  modifiedProperties: GraphModifiedProperty[];
}

export interface GraphDirectoryAudit {
  id: string;
  category: string;
  correlationId: string;
  result: 'success' | 'failure' | 'timeout';
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: {
    user: {
      id: string;
      displayName: string | null;
      userPrincipalName: string;
      ipAddress: string;
      userType: string | null;
      homeTenantId: string | null;
      homeTenantName: string | null;
    } | null;
    app: { appId: string | null; displayName: string; servicePrincipalId: string; servicePrincipalName: string | null } | null;
  };
  targetResources: GraphTargetResource[];
  additionalDetails: { key: string; value: string }[];
}

// ---------------------------------------------------------------------------------------------
// Azure Resource Manager
// ---------------------------------------------------------------------------------------------

export interface ArmSubscription {
  id: string;
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  subscriptionPolicies: { locationPlacementId: string; quotaId: string; spendingLimit: string };
  authorizationSource: string;
  managedByTenants: { tenantId: string }[];
  tags: Record<string, string>;
}

export interface ArmLocalizable {
  value: string;
  localizedValue: string;
}

/** Activity Log EventData (management plane). */
export interface ArmActivityEvent {
  authorization: { action: string; scope: string; role?: string } | null;
  caller: string;
  channels: string;
  claims: Record<string, string>;
  correlationId: string;
  description: string;
  eventDataId: string;
  eventName: ArmLocalizable;
  category: ArmLocalizable;
  eventTimestamp: string;
  httpRequest: { clientRequestId: string; clientIpAddress: string; method: string; uri?: string } | null;
  id: string;
  level: 'Critical' | 'Error' | 'Warning' | 'Informational' | 'Verbose';
  resourceGroupName: string;
  resourceProviderName: ArmLocalizable;
  resourceId: string;
  resourceType: ArmLocalizable;
  operationId: string;
  operationName: ArmLocalizable;
  properties: Record<string, string>;
  status: ArmLocalizable;
  subStatus: ArmLocalizable;
  submissionTimestamp: string;
  subscriptionId: string;
  tenantId: string;
}

// ---------------------------------------------------------------------------------------------
// Azure DevOps
// ---------------------------------------------------------------------------------------------

export interface DevOpsOrganization {
  accountId: string;
  accountName: string;
  accountUri: string;
  organizationName: string;
  accountStatus: 'enabled';
  accountType: 'organization';
  createdDate: string;
  lastUpdatedDate: string;
  namespaceId: string;
  properties: Record<string, string>;
  projects: { id: string; name: string }[];
}

/** DecoratedAuditLogEntry plus `organization` (which org's audit log it belongs to). */
export interface DevOpsAuditEntry {
  id: string;
  correlationId: string;
  activityId: string;
  actorCUID: string;
  actorUserId: string;
  actorClientId: string;
  actorUPN: string;
  actorDisplayName: string;
  actorImageUrl: string;
  authenticationMechanism: string;
  timestamp: string;
  scopeType: 'organization' | 'project' | 'enterprise' | 'deployment' | 'unknown';
  scopeDisplayName: string;
  scopeId: string;
  projectId: string | null;
  projectName: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  actionId: string;
  data: Record<string, unknown>;
  details: string;
  area: string;
  category: 'unknown' | 'modify' | 'remove' | 'create' | 'access' | 'execute';
  categoryDisplayName: string;
  organization: string;
}

// ---------------------------------------------------------------------------------------------
// Tenant configuration (kept in its own file; re-exported here for one import point)
// ---------------------------------------------------------------------------------------------

export type {
  SimMailbox,
  SimRegionalConfig,
  SimInboxRule,
  SimTransportRule,
  SimCredential,
  SimServicePrincipal,
  SimApplication,
  SimOAuth2PermissionGrant,
  SimAppRoleAssignment,
  SimDirectoryRoleAssignment,
  SimConditionalAccessPolicy,
  SimDomainFederation,
  SimTenantConfig,
} from './tenant-config-types.js';

// ---------------------------------------------------------------------------------------------
// Dataset and ground truth
// ---------------------------------------------------------------------------------------------

export interface GroundTruthRecord {
  source: SimSource;
  id: string;
  time: string;
  /** ATT&CK technique id, e.g. T1114.003 */
  technique: string;
  description: string;
}

/** An intrusion action that happened but left no record under this profile (and why). */
export interface SuppressedRecord extends GroundTruthRecord {
  reason: 'mailbox-audit-bypass' | 'requires-audit-premium' | 'requires-defender' | 'ual-ingestion-disabled' | 'mailbox-audit-disabled' | 'outside-history';
}

export interface GroundTruth {
  seed: number;
  profile: SimProfileName;
  anchor: string;
  /** Every intrusion record present in the dataset. */
  malicious: GroundTruthRecord[];
  /** Intrusion actions that were performed but are absent from the dataset. */
  suppressed: SuppressedRecord[];
  /** Per source: hour start (ISO, e.g. 2026-11-27T13:00:00.000Z) → record count. */
  countsByHour: Record<SimSource, Record<string, number>>;
  totals: Record<SimSource, number>;
}

export interface SimDataset {
  seed: number;
  profile: SimProfile;
  /** ISO; the simulated "now". */
  anchor: string;
  days: number;
  scale: number;
  tenant: { id: string; displayName: string; defaultDomain: string; domains: string[] };
  /** The responder's admin account. */
  signedInUser: { id: string; userPrincipalName: string; displayName: string };
  users: SimUser[];
  /** AuditData objects, sorted by CreationTime ascending. */
  ual: UalAuditData[];
  /** Sorted by createdDateTime ascending. */
  signIns: GraphSignIn[];
  /** Sorted by activityDateTime ascending. */
  directoryAudits: GraphDirectoryAudit[];
  azure: { subscriptions: ArmSubscription[]; activity: ArmActivityEvent[] };
  devops: { organizations: DevOpsOrganization[]; audit: DevOpsAuditEntry[] };
  tenantConfig: SimTenantConfig;
  groundTruth: GroundTruth;
}

export interface GenerateOptions {
  seed: number;
  profile: SimProfileName;
  /** Days of history ending at anchor. */
  days: number;
  /** Volume multiplier (users ≈ 20 + 10×scale); may be fractional. */
  scale: number;
  anchor: Date;
}
