/**
 * Entra ID records of the Unified Audit Log: sign-ins (AzureActiveDirectoryStsLogon, 15) and
 * directory changes (AzureActiveDirectory, 8). Directory operation names end with a period,
 * as the service writes them ("Consent to application.").
 */
import { ualTime } from './time-format.js';
import type { SimUser, UalAuditData, UalModifiedProperty, UalNameValue } from './types.js';
import { entraUserKey, stringsOfUser } from './ual-common.js';
import type { UalEnv } from './ual-common.js';

export interface StsLogonInput {
  ms: number;
  user: SimUser;
  ip: string;
  applicationId: string;
  resourceId: string;
  /** AADSTS error code; 0 = success. */
  errorCode: number;
  userAgent: string;
  requestType: string;
  os: string;
  browser: string;
  sessionId: string;
  keepMeSignedIn: boolean;
  /** Entra's numeric authentication-method hint (1 password, 3 MFA claim…). */
  authenticationMethod: string;
}

const logonErrors: Record<number, string> = {
  50126: 'InvalidUserNameOrPassword',
  50053: 'IdsLocked',
  50074: 'UserStrongAuthClientAuthNRequiredInterrupt',
  50076: 'UserStrongAuthClientAuthNRequired',
  50140: 'KmsiInterrupt',
  53003: 'BlockedByConditionalAccess',
  500121: 'UserStrongAuthClientAuthNFailed',
};

const emptyList: readonly never[] = Object.freeze([]);
const targets = new Map<string, readonly { ID: string; Type: number }[]>();

function targetOf(resourceId: string): readonly { ID: string; Type: number }[] {
  let t = targets.get(resourceId);
  if (t === undefined) {
    t = Object.freeze([Object.freeze({ ID: resourceId, Type: 0 })]);
    targets.set(resourceId, t);
  }
  return t;
}

export function stsLogon(env: UalEnv, p: StsLogonInput): UalAuditData {
  const failed = p.errorCode !== 0;
  const strings = stringsOfUser(env, p.user);
  const record: UalAuditData = {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: failed ? 'UserLoginFailed' : 'UserLoggedIn',
    OrganizationId: env.orgId,
    RecordType: 15,
    ResultStatus: failed ? 'Failed' : 'Succeeded',
    UserKey: strings.stsKey,
    UserType: 0,
    Version: 1,
    Workload: 'AzureActiveDirectory',
    ClientIP: p.ip,
    ObjectId: p.resourceId,
    UserId: p.user.userPrincipalName,
    AzureActiveDirectoryEventType: 1,
    ExtendedProperties: [
      { Name: 'ResultStatusDetail', Value: failed ? 'UserError' : 'Success' },
      { Name: 'UserAgent', Value: p.userAgent },
      { Name: 'UserAuthenticationMethod', Value: p.authenticationMethod },
      { Name: 'RequestType', Value: p.requestType },
      { Name: 'KeepMeSignedIn', Value: p.keepMeSignedIn ? 'True' : 'False' },
    ],
    ModifiedProperties: emptyList,
    Actor: strings.stsActor,
    ActorContextId: env.orgId,
    ActorIpAddress: p.ip,
    InterSystemsId: env.rng.guid(),
    IntraSystemId: env.rng.guid(),
    SupportTicketId: '',
    Target: targetOf(p.resourceId),
    TargetContextId: env.orgId,
    ApplicationId: p.applicationId,
    DeviceProperties: [
      { Name: 'OS', Value: p.os },
      { Name: 'BrowserType', Value: p.browser },
      { Name: 'IsCompliantAndManaged', Value: 'False' },
      { Name: 'SessionId', Value: p.sessionId },
    ],
    ErrorNumber: String(p.errorCode),
  };
  if (failed) record.LogonError = logonErrors[p.errorCode] ?? 'UserError';
  return record;
}

export interface DirectoryActor {
  user: SimUser | null;
  /** For app-initiated changes. */
  app: { appId: string; displayName: string; servicePrincipalId: string } | null;
  ip: string | null;
  userAgent: string;
}

export interface DirectoryChangeInput {
  ms: number;
  actor: DirectoryActor;
  /** e.g. "Update user." */
  operation: string;
  success: boolean;
  /** Graph audit category (UserManagement, ApplicationManagement …). */
  auditCategory: string;
  /** Object class of the target (User, Group, Application, ServicePrincipal, Device, Role). */
  targetClass: string;
  targetId: string;
  targetName: string;
  modified: [string, string, string][];
  correlationId: string;
}

export function directoryChange(env: UalEnv, p: DirectoryChangeInput): UalAuditData {
  const { user, app } = p.actor;
  const actor: { ID: string; Type: number }[] = [];
  if (user) {
    actor.push({ ID: user.userPrincipalName, Type: 5 }, { ID: user.puid, Type: 3 }, { ID: `User_${user.id}`, Type: 2 }, { ID: user.id, Type: 2 }, { ID: 'User', Type: 2 });
  } else if (app) {
    actor.push({ ID: app.displayName, Type: 1 }, { ID: app.appId, Type: 2 }, { ID: `ServicePrincipal_${app.servicePrincipalId}`, Type: 2 }, { ID: 'ServicePrincipal', Type: 2 });
  }
  const modifiedNames = p.modified.map(([name]) => name);
  const extended: UalNameValue[] = [
    { Name: 'additionalDetails', Value: JSON.stringify({ 'User-Agent': p.actor.userAgent }) },
    { Name: 'extendedAuditEventCategory', Value: p.targetClass },
    { Name: 'correlationId', Value: p.correlationId },
    { Name: 'resultType', Value: p.success ? 'Success' : 'Failure' },
    { Name: 'auditEventCategory', Value: p.auditCategory },
    { Name: 'targetObjectId', Value: p.targetId },
    { Name: 'targetName', Value: p.targetName },
  ];
  if (modifiedNames.length > 0) extended.push({ Name: 'targetIncludedUpdatedProperties', Value: JSON.stringify(modifiedNames) });
  const modified: UalModifiedProperty[] = p.modified.map(([Name, OldValue, NewValue]) => ({ Name, NewValue, OldValue }));
  if (modifiedNames.length > 0) modified.push({ Name: 'Included Updated Properties', NewValue: modifiedNames.join(', '), OldValue: '' });
  const record: UalAuditData = {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: p.operation,
    OrganizationId: env.orgId,
    RecordType: 8,
    ResultStatus: p.success ? 'Success' : 'Failure',
    UserKey: user ? `${user.puid}@${env.orgName}` : `Not Available`,
    UserType: user ? 0 : 4,
    Version: 1,
    Workload: 'AzureActiveDirectory',
    ObjectId: p.targetName,
    UserId: user ? user.userPrincipalName : `ServicePrincipal_${app ? app.servicePrincipalId : ''}`,
    AzureActiveDirectoryEventType: 1,
    ExtendedProperties: extended,
    ModifiedProperties: modified,
    Actor: actor,
    ActorContextId: env.orgId,
    InterSystemsId: p.correlationId,
    IntraSystemId: env.rng.guid(),
    SupportTicketId: '',
    Target: [
      { ID: `${p.targetClass}_${p.targetId}`, Type: 2 },
      { ID: p.targetId, Type: 2 },
      { ID: p.targetClass, Type: 2 },
      { ID: p.targetName, Type: 1 },
    ],
    TargetContextId: env.orgId,
  };
  if (p.actor.ip !== null) {
    record.ClientIP = p.actor.ip;
    record.ActorIpAddress = p.actor.ip;
  }
  return record;
}

export function entraKeyOf(user: SimUser): string {
  return entraUserKey(user);
}
