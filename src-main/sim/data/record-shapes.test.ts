/**
 * Shape checks: the field lists below are copied from real Microsoft records (Management
 * Activity API samples, Graph documentation responses, the Azure DevOps REST spec example) and
 * every generated record of that kind must carry at least those fields with the same types.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDataset } from './generate.js';
import type { UalAuditData } from './types.js';

const d = generateDataset({ seed: 21, profile: 'e5', days: 6, scale: 0.05, anchor: new Date('2026-11-27T13:30:00.000Z') });

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const ualCommon = z.object({
  CreationTime: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
  Id: guid,
  Operation: z.string().min(1),
  OrganizationId: guid,
  RecordType: z.number().int(),
  UserKey: z.string().min(1),
  UserType: z.number().int().min(0).max(10),
  Version: z.literal(1),
  Workload: z.string().min(1),
  UserId: z.string().min(1),
});

/** Keys of the real samples, per record type (operation-specific keys left out). */
const sampleKeys: Record<number, string[]> = {
  // ExchangeAdmin, Set-Mailbox sample.
  1: ['OriginatingServer', 'ClientAppId', 'OrganizationName', 'ObjectId', 'Parameters', 'Workload', 'OrganizationId', 'CreationTime', 'AppId', 'UserId',
    'UserType', 'Version', 'ResultStatus', 'ExternalAccess', 'UserKey', 'Operation', 'Id', 'RecordType'],
  // ExchangeItem sample (Create).
  2: ['OrganizationName', 'UserKey', 'MailboxGuid', 'OrganizationId', 'Operation', 'ClientIPAddress', 'Item', 'LogonUserSid', 'OriginatingServer', 'RecordType',
    'Version', 'ClientInfoString', 'MailboxOwnerUPN', 'MailboxOwnerSid', 'ResultStatus', 'ExternalAccess', 'LogonType', 'ClientIP', 'Workload',
    'InternalLogonType', 'UserId', 'CreationTime', 'Id', 'UserType'],
  // ExchangeItemAggregated sample (minus its operation-specific Messages list).
  50: ['LogonUserSid', 'AppAccessContext', 'AppId', 'MailboxOwnerUPN', 'MailboxOwnerSid', 'LogonType', 'ClientInfoString', 'ResultStatus', 'OrganizationName',
    'ExternalAccess', 'OperationProperties', 'InternalLogonType', 'MailboxGuid', 'UserKey', 'TokenTenantId', 'UserId', 'UserType', 'CreationTime', 'Version',
    'RecordType', 'ClientIPAddress', 'Operation', 'OrganizationId', 'ClientAppId', 'OriginatingServer', 'Id', 'Workload', 'OperationCount'],
  // SharePointFileOperation sample.
  6: ['ClientIP', 'CorrelationId', 'CreationTime', 'EventSource', 'Id', 'ItemType', 'ListId', 'ListItemUniqueId', 'ObjectId', 'Operation', 'OrganizationId',
    'RecordType', 'Site', 'SiteUrl', 'SourceFileExtension', 'SourceFileName', 'SourceRelativeUrl', 'UserAgent', 'UserId', 'UserKey', 'UserType', 'Version',
    'WebId', 'Workload'],
  // SharePointSharingOperation sample (AnonymousLinkCreated).
  14: ['ClientIP', 'CorrelationId', 'CreationTime', 'EventData', 'EventSource', 'Id', 'ItemType', 'ListId', 'ListItemUniqueId', 'ObjectId', 'Operation',
    'OrganizationId', 'RecordType', 'Site', 'SiteUrl', 'SourceFileExtension', 'SourceFileName', 'SourceRelativeUrl', 'UserAgent', 'UserId', 'UserKey',
    'UserType', 'Version', 'WebId', 'Workload'],
  // AzureActiveDirectoryStsLogon sample (UserLoggedIn).
  15: ['Actor', 'ActorContextId', 'ActorIpAddress', 'ApplicationId', 'AzureActiveDirectoryEventType', 'ClientIP', 'CreationTime', 'ExtendedProperties', 'Id',
    'InterSystemsId', 'IntraSystemId', 'ModifiedProperties', 'ObjectId', 'Operation', 'OrganizationId', 'RecordType', 'ResultStatus', 'SupportTicketId',
    'Target', 'TargetContextId', 'UserId', 'UserKey', 'UserType', 'Version', 'Workload'],
  // AzureActiveDirectory sample (Update application.).
  8: ['Actor', 'ActorContextId', 'ActorIpAddress', 'AzureActiveDirectoryEventType', 'ClientIP', 'CreationTime', 'ExtendedProperties', 'Id', 'ModifiedProperties',
    'ObjectId', 'Operation', 'OrganizationId', 'RecordType', 'ResultStatus', 'SupportTicketId', 'Target', 'TargetContextId', 'UserId', 'UserKey', 'UserType',
    'Version', 'Workload'],
};

const nameValue = z.array(z.object({ Name: z.string(), Value: z.string() }).strict());

function byType(type: number): UalAuditData[] {
  return d.ual.filter((r) => r.RecordType === type);
}

describe('UAL AuditData shapes', () => {
  it('has the common schema on every record', () => {
    for (const r of d.ual) ualCommon.parse(r);
  });

  for (const [type, keys] of Object.entries(sampleKeys)) {
    it(`RecordType ${type} carries every field of the real sample`, () => {
      const records = byType(Number(type)).filter((r) => Number(type) !== 15 || r.Operation === 'UserLoggedIn');
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(Object.keys(r)).toEqual(expect.arrayContaining(keys));
    });
  }

  it('writes Exchange admin parameters and extended properties as {Name, Value} lists', () => {
    for (const r of byType(1)) {
      nameValue.parse(r.Parameters);
      expect(['True', 'False']).toContain(r.ResultStatus);
    }
    for (const r of byType(15)) nameValue.parse(r.ExtendedProperties);
    for (const r of byType(50)) {
      nameValue.parse(r.OperationProperties);
      expect(r.OperationCount).toBeGreaterThan(0);
    }
  });

  it('names the workload the way the service does', () => {
    const workloads: Record<number, string[]> = { 1: ['Exchange'], 2: ['Exchange'], 3: ['Exchange'], 50: ['Exchange'], 6: ['SharePoint', 'OneDrive'], 8: ['AzureActiveDirectory'], 15: ['AzureActiveDirectory'], 25: ['MicrosoftTeams'] };
    for (const r of d.ual) if (workloads[r.RecordType]) expect(workloads[r.RecordType]).toContain(r.Workload);
  });
});

describe('Graph signIn shape', () => {
  // Keys of the Graph v1.0 signIn documentation response.
  const v1Keys = ['id', 'createdDateTime', 'userDisplayName', 'userPrincipalName', 'userId', 'appId', 'appDisplayName', 'ipAddress', 'clientAppUsed', 'correlationId',
    'conditionalAccessStatus', 'isInteractive', 'riskDetail', 'riskLevelAggregated', 'riskLevelDuringSignIn', 'riskState', 'riskEventTypes', 'resourceDisplayName',
    'resourceId', 'status', 'deviceDetail', 'location', 'appliedConditionalAccessPolicies'];
  const betaKeys = ['userAgent', 'signInEventTypes', 'authenticationProtocol', 'authenticationDetails', 'authenticationRequirement', 'servicePrincipalId',
    'uniqueTokenIdentifier', 'sessionId', 'incomingTokenType', 'autonomousSystemNumber', 'tokenIssuerType', 'homeTenantId', 'resourceTenantId'];
  it('carries the documented fields with their nested shapes', () => {
    const nested = z.object({
      status: z.object({ errorCode: z.number().int(), failureReason: z.string().nullable(), additionalDetails: z.string().nullable() }),
      deviceDetail: z.object({ deviceId: z.string(), displayName: z.string(), operatingSystem: z.string(), browser: z.string(), isCompliant: z.boolean(), isManaged: z.boolean(), trustType: z.string() }),
      location: z.object({ city: z.string().nullable(), state: z.string().nullable(), countryOrRegion: z.string().nullable(),
        geoCoordinates: z.object({ altitude: z.null(), latitude: z.number().nullable(), longitude: z.number().nullable() }) }),
      createdDateTime: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      signInEventTypes: z.array(z.enum(['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'])).length(1),
    });
    const types = new Set<string>();
    for (const s of d.signIns) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining([...v1Keys, ...betaKeys]));
      nested.parse(s);
      types.add(s.signInEventTypes[0]!);
      if (s.userPrincipalName) expect(s.userPrincipalName).toBe(s.userPrincipalName.toLowerCase());
    }
    expect([...types].sort()).toEqual(['interactiveUser', 'managedIdentity', 'nonInteractiveUser', 'servicePrincipal']);
  });
});

describe('Graph directoryAudit shape', () => {
  it('carries the documented fields', () => {
    const keys = ['id', 'category', 'correlationId', 'result', 'resultReason', 'activityDisplayName', 'activityDateTime', 'loggedByService', 'operationType', 'initiatedBy', 'targetResources', 'additionalDetails'];
    const target = z.object({ id: z.string(), displayName: z.string().nullable(), type: z.string(), userPrincipalName: z.string().nullable(), groupType: z.string().nullable(),
      modifiedProperties: z.array(z.object({ displayName: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable() }).strict()) }).strict();
    for (const a of d.directoryAudits) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(keys));
      expect(a.activityDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      for (const t of a.targetResources) target.parse(t);
      expect(a.initiatedBy.user === null || a.initiatedBy.app === null).toBe(true);
      if (a.initiatedBy.user) expect(Object.keys(a.initiatedBy.user)).toEqual(['id', 'displayName', 'userPrincipalName', 'ipAddress', 'userType', 'homeTenantId', 'homeTenantName']);
    }
  });
});

describe('Azure Activity Log EventData shape', () => {
  it('carries the documented fields and pairs Started with Succeeded', () => {
    const keys = ['authorization', 'caller', 'claims', 'correlationId', 'description', 'eventDataId', 'eventName', 'category', 'httpRequest', 'id', 'level',
      'resourceGroupName', 'resourceProviderName', 'resourceId', 'resourceType', 'operationId', 'operationName', 'properties', 'status', 'subStatus',
      'eventTimestamp', 'submissionTimestamp', 'subscriptionId', 'tenantId'];
    const byCorrelation = new Map<string, string[]>();
    for (const e of d.azure.activity) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(keys));
      expect(e.id.startsWith(e.resourceId + '/events/' + e.eventDataId + '/ticks/')).toBe(true);
      byCorrelation.set(e.correlationId, [...(byCorrelation.get(e.correlationId) ?? []), e.status.value]);
    }
    const pairs = [...byCorrelation.values()].filter((v) => v.length === 2);
    expect(pairs.length).toBeGreaterThan(byCorrelation.size * 0.9);
    for (const p of pairs) expect(p).toEqual(['Started', 'Succeeded']);
  });
});

describe('Azure DevOps audit entry shape', () => {
  it('carries every field of the REST spec example', () => {
    const keys = ['id', 'correlationId', 'activityId', 'actorCUID', 'actorUserId', 'authenticationMechanism', 'timestamp', 'scopeType', 'scopeDisplayName', 'scopeId',
      'ipAddress', 'userAgent', 'actionId', 'data', 'details', 'area', 'category', 'categoryDisplayName', 'actorDisplayName', 'actorImageUrl'];
    for (const e of d.devops.audit) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(keys));
      expect(e.id).toMatch(/^\d+;[0-9a-f-]{36};[0-9a-f-]{36}$/);
      expect(e.id.endsWith(e.correlationId)).toBe(true);
      expect(e.timestamp).toMatch(/\+00:00$/);
    }
  });
});
