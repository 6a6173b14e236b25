/**
 * SharePoint and OneDrive records of the Unified Audit Log: file operations (RecordType 6),
 * page views (4) and sharing (14), shaped like the Management Activity API samples.
 */
import type { SpDocument, SpSite } from './assets.js';
import { ualTime } from './time-format.js';
import type { SimUser, UalAuditData } from './types.js';
import { sharePointUserKey } from './ual-common.js';
import type { UalEnv } from './ual-common.js';

export type FileOperation = 'FileAccessed' | 'FileModified' | 'FileUploaded' | 'FileDownloaded' | 'FilePreviewed' | 'FileDeleted' | 'FileSyncDownloadedFull';

export interface FileOperationInput {
  ms: number;
  user: SimUser;
  ip: string;
  site: SpSite;
  doc: SpDocument;
  operation: FileOperation;
  userAgent: string;
  correlationId: string;
}

export function fileOperation(env: UalEnv, p: FileOperationInput): UalAuditData {
  return {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: p.operation,
    OrganizationId: env.orgId,
    RecordType: 6,
    UserKey: sharePointUserKey(env, p.user),
    UserType: 0,
    Version: 1,
    Workload: p.site.kind,
    ClientIP: p.ip,
    ObjectId: p.doc.objectId,
    UserId: p.user.userPrincipalName,
    CorrelationId: p.correlationId,
    EventSource: 'SharePoint',
    ItemType: 'File',
    ListId: p.site.listId,
    ListItemUniqueId: p.doc.listItemUniqueId,
    Site: p.site.siteId,
    UserAgent: p.userAgent,
    WebId: p.site.webId,
    SourceFileExtension: p.doc.extension,
    SiteUrl: p.site.urlWithSlash,
    SourceFileName: p.doc.fileName,
    SourceRelativeUrl: p.doc.relativeUrl,
  };
}

export interface PageViewInput {
  ms: number;
  user: SimUser;
  ip: string;
  site: SpSite;
  userAgent: string;
  correlationId: string;
}

export function pageViewed(env: UalEnv, p: PageViewInput): UalAuditData {
  return {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: 'PageViewed',
    OrganizationId: env.orgId,
    RecordType: 4,
    UserKey: sharePointUserKey(env, p.user),
    UserType: 0,
    Version: 1,
    Workload: p.site.kind,
    ClientIP: p.ip,
    ObjectId: p.site.homePageUrl,
    UserId: p.user.userPrincipalName,
    CorrelationId: p.correlationId,
    EventSource: 'SharePoint',
    ItemType: 'Page',
    Site: p.site.siteId,
    UserAgent: p.userAgent,
    WebId: p.site.webId,
  };
}

export type SharingOperation = 'AnonymousLinkCreated' | 'CompanyLinkCreated' | 'SharingInvitationCreated' | 'SharingSet';

export interface SharingInput {
  ms: number;
  user: SimUser;
  ip: string;
  site: SpSite;
  doc: SpDocument;
  operation: SharingOperation;
  userAgent: string;
  correlationId: string;
  /** Invitations and SharingSet name whom it was shared with. */
  target: { name: string; type: 'Guest' | 'Member' | 'SecurityGroup' } | null;
  linkType: 'View' | 'Edit';
}

export function sharingOperation(env: UalEnv, p: SharingInput): UalAuditData {
  const record: UalAuditData = {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: p.operation,
    OrganizationId: env.orgId,
    RecordType: 14,
    UserKey: sharePointUserKey(env, p.user),
    UserType: 0,
    Version: 1,
    Workload: p.site.kind,
    ClientIP: p.ip,
    ObjectId: p.doc.objectId,
    UserId: p.user.userPrincipalName,
    CorrelationId: p.correlationId,
    EventData: `<Type>${p.linkType}</Type>`,
    EventSource: 'SharePoint',
    ItemType: 'File',
    ListId: p.site.listId,
    ListItemUniqueId: p.doc.listItemUniqueId,
    Site: p.site.siteId,
    UserAgent: p.userAgent,
    WebId: p.site.webId,
    SourceFileExtension: p.doc.extension,
    SiteUrl: p.site.url,
    SourceFileName: p.doc.fileName,
    SourceRelativeUrl: `${p.doc.relativeUrl}/${p.doc.fileName}`,
  };
  if (p.operation === 'AnonymousLinkCreated' || p.operation === 'CompanyLinkCreated') record.UniqueSharingId = env.rng.guid();
  if (p.target) {
    record.TargetUserOrGroupName = p.target.name;
    record.TargetUserOrGroupType = p.target.type;
  }
  return record;
}
