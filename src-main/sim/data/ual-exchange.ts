/**
 * Exchange Online records of the Unified Audit Log: mailbox audit (ExchangeItem 2,
 * ExchangeItemGroup 3, ExchangeItemAggregated 50) and admin cmdlets (ExchangeAdmin 1).
 * Field names and order follow the Management Activity API samples.
 */
import { mailClientInfo } from './catalog.js';
import { ualTime } from './time-format.js';
import type { SimUser, UalAuditData } from './types.js';
import {
  entraUserKey, exchangeItemId, exchangeObjectPath, internetMessageId, ipWithPort, mailboxFolderId, originatingServer,
} from './ual-common.js';
import type { UalEnv } from './ual-common.js';

/** 0 owner, 1 admin, 2 delegate. */
export type LogonType = 0 | 1 | 2;

export interface AppAccess {
  appId: string;
  appName: string;
  sessionId: string;
  correlationId: string;
  issuedAtMs: number;
  uniqueTokenId: string;
}

function appAccessContext(access: AppAccess): Record<string, string> {
  return {
    AADSessionId: access.sessionId,
    APIId: '00000003-0000-0000-c000-000000000000',
    ClientAppId: access.appId,
    ClientAppName: access.appName,
    CorrelationId: access.correlationId,
    IssuedAtTime: ualTime(access.issuedAtMs),
    UniqueTokenId: access.uniqueTokenId,
  };
}

const operationProperties = {
  Bind: Object.freeze([Object.freeze({ Name: 'MailAccessType', Value: 'Bind' }), Object.freeze({ Name: 'IsThrottled', Value: 'False' })]),
  Sync: Object.freeze([Object.freeze({ Name: 'MailAccessType', Value: 'Sync' }), Object.freeze({ Name: 'IsThrottled', Value: 'False' })]),
} as const;

export interface MailItemsAccessedInput {
  ms: number;
  actor: SimUser;
  owner: SimUser;
  ip: string;
  logonType: LogonType;
  clientInfo: string;
  accessType: 'Bind' | 'Sync';
  folders: { path: string; items: number }[];
  /** Present when an application (e.g. through Graph) read the mail. */
  app?: AppAccess;
  sessionId: string;
}

/** MailItemsAccessed (RecordType 50): logged only with Audit (Premium). */
export function mailItemsAccessed(env: UalEnv, p: MailItemsAccessedInput): UalAuditData {
  let count = 0;
  const folders = p.folders.map((f) => {
    const folder: Record<string, unknown> = { Id: mailboxFolderId(env, p.owner, f.path), Path: f.path };
    if (p.accessType === 'Bind') {
      const items: { InternetMessageId: string; SizeInBytes: number }[] = [];
      for (let i = 0; i < f.items; i++) items.push({ InternetMessageId: internetMessageId(env, p.owner), SizeInBytes: 2000 + env.rng.int(180000) });
      folder.FolderItems = items;
      count += f.items;
    } else {
      count += 1;
    }
    return folder;
  });
  const record: UalAuditData = {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: 'MailItemsAccessed',
    OrganizationId: env.orgId,
    RecordType: 50,
    ResultStatus: 'Succeeded',
    UserKey: entraUserKey(p.actor),
    UserType: 0,
    Version: 1,
    Workload: 'Exchange',
    UserId: p.actor.userPrincipalName,
    AppAccessContext: p.app ? appAccessContext(p.app) : { AADSessionId: p.sessionId, IssuedAtTime: ualTime(p.ms - 600_000), UniqueTokenId: env.rng.base64(22) },
    AppId: p.app ? p.app.appId : '',
    ClientAppId: p.app ? p.app.appId : '',
    ClientIPAddress: p.ip,
    ClientInfoString: p.clientInfo,
    ExternalAccess: false,
    InternalLogonType: 0,
    LogonType: p.logonType,
    LogonUserSid: p.actor.sid,
    MailboxGuid: p.owner.mailboxGuid,
    MailboxOwnerSid: p.owner.sid,
    MailboxOwnerUPN: p.owner.userPrincipalName,
    OperationProperties: operationProperties[p.accessType],
    OrganizationName: env.orgName,
    OriginatingServer: originatingServer(p.owner),
    SessionId: p.sessionId,
    TokenTenantId: env.orgId,
    Folders: folders,
    OperationCount: count,
  };
  if (p.app) record.ActorInfoString = `Client=REST;Client=RESTSystem;UserAgent=[NoUserAgent][AppId=${p.app.appId}];`;
  return record;
}

export interface MailItemInput {
  ms: number;
  actor: SimUser;
  owner: SimUser;
  ip: string;
  logonType: LogonType;
  clientInfo: string;
  operation: 'Send' | 'SendAs' | 'SendOnBehalf' | 'Create' | 'Update';
  folderPath: string;
  subject: string;
  app?: AppAccess;
  sessionId: string;
}

/** What a single item and an item group have in common. */
type MailboxRecordInput = Pick<MailItemInput, 'ms' | 'actor' | 'owner' | 'ip' | 'logonType' | 'clientInfo' | 'app' | 'sessionId'> & { operation: string };

/**
 * The fields every ExchangeItem / ExchangeItemGroup record starts with, in the real records' order
 * (key order is part of the byte-identical output, and so is the one random draw, the Id).
 */
function mailboxRecordHeader(env: UalEnv, p: MailboxRecordInput, recordType: 2 | 3) {
  return {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: p.operation,
    OrganizationId: env.orgId,
    RecordType: recordType,
    ResultStatus: 'Succeeded',
    UserKey: entraUserKey(p.actor),
    UserType: 0,
    Version: 1,
    Workload: 'Exchange',
    ClientIP: p.ip,
    UserId: p.actor.userPrincipalName,
    AppId: p.app ? p.app.appId : '',
    ClientAppId: p.app ? p.app.appId : '',
    ClientIPAddress: p.ip,
    ClientInfoString: p.clientInfo,
    ExternalAccess: false,
    InternalLogonType: 0,
    LogonType: p.logonType,
    LogonUserSid: p.actor.sid,
    MailboxGuid: p.owner.mailboxGuid,
    MailboxOwnerSid: p.owner.sid,
    MailboxOwnerUPN: p.owner.userPrincipalName,
    OrganizationName: env.orgName,
    OriginatingServer: originatingServer(p.owner),
    SessionId: p.sessionId,
  };
}

/** ExchangeItem (RecordType 2): a single item sent, created or changed. */
export function mailItem(env: UalEnv, p: MailItemInput): UalAuditData {
  return {
    ...mailboxRecordHeader(env, p, 2),
    Item: {
      Id: exchangeItemId(env),
      InternetMessageId: internetMessageId(env, p.owner),
      IsRecord: false,
      ParentFolder: { Id: mailboxFolderId(env, p.owner, p.folderPath), Path: p.folderPath },
      SizeInBytes: 3000 + env.rng.int(90000),
      Subject: p.subject,
    },
  };
}

export interface MailItemGroupInput {
  ms: number;
  actor: SimUser;
  owner: SimUser;
  ip: string;
  logonType: LogonType;
  clientInfo: string;
  operation: 'MoveToDeletedItems' | 'SoftDelete' | 'HardDelete' | 'Move';
  fromPath: string;
  /** Destination folder (moves only). */
  destPath: string | null;
  subjects: string[];
  app?: AppAccess;
  sessionId: string;
}

/** ExchangeItemGroup (RecordType 3): several items moved or deleted at once. */
export function mailItemGroup(env: UalEnv, p: MailItemGroupInput): UalAuditData {
  const folder = { Id: mailboxFolderId(env, p.owner, p.fromPath), Path: p.fromPath };
  const record: UalAuditData = {
    ...mailboxRecordHeader(env, p, 3),
    AffectedItems: p.subjects.map((subject) => ({
      Id: exchangeItemId(env),
      InternetMessageId: internetMessageId(env, p.owner),
      ParentFolder: folder,
      Subject: subject,
    })),
    CrossMailboxOperation: p.actor !== p.owner,
    Folder: folder,
  };
  if (p.destPath !== null) record.DestFolder = { Id: mailboxFolderId(env, p.owner, p.destPath), Path: p.destPath };
  return record;
}

export interface ExchangeAdminInput {
  ms: number;
  /** The acting account; null for Exchange's own service host. */
  actor: SimUser | null;
  ip: string | null;
  operation: string;
  objectId: string;
  parameters: [string, string][];
  succeeded: boolean;
  /** 0 regular user (OWA, own mailbox), 2 admin. */
  userType: 0 | 2 | 3;
  appId: string;
}

/** ExchangeAdmin (RecordType 1): a cmdlet run by an admin, a user through OWA, or the service. */
export function exchangeAdmin(env: UalEnv, p: ExchangeAdminInput): UalAuditData {
  const system = 'NT AUTHORITY\\SYSTEM (Microsoft.Exchange.ServiceHost)';
  const record: UalAuditData = {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: p.operation,
    OrganizationId: env.orgId,
    RecordType: 1,
    ResultStatus: p.succeeded ? 'True' : 'False',
    UserKey: p.actor ? entraUserKey(p.actor) : system,
    UserType: p.actor ? p.userType : 3,
    Version: 1,
    Workload: 'Exchange',
    ObjectId: p.objectId,
    UserId: p.actor ? p.actor.userPrincipalName : system,
    AppId: p.appId,
    ClientAppId: '',
    ExternalAccess: p.actor === null,
    OrganizationName: env.orgName,
    OriginatingServer: p.actor ? originatingServer(p.actor) : 'LO2P265MB4031 (15.20.8207.017)',
    Parameters: p.parameters.map(([Name, Value]) => ({ Name, Value })),
  };
  if (p.ip !== null) record.ClientIP = ipWithPort(env, p.ip);
  if (p.actor) record.SessionId = env.rng.guid();
  return record;
}

/** The path Exchange admin records use as ObjectId for a mailbox. */
export function mailboxObjectId(env: UalEnv, user: SimUser): string {
  return exchangeObjectPath(env, user);
}

export const benignMailClients = [mailClientInfo.outlook, mailClientInfo.owa, mailClientInfo.mobile] as const;
