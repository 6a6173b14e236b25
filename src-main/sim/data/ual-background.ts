/**
 * Everyday Unified Audit Log activity: people reading and sending mail, working on documents,
 * signing in, chatting, and the occasional admin change — including benign look-alikes of the
 * intrusion's techniques (legitimate inbox rules, delegations, sharing links, flows), so that
 * detections are tested against realistic noise.
 */
import { apps, clientStrings, mailSubjects, resources } from './catalog.js';
import type { GenerationContext } from './context.js';
import { cutoffFor, perDayAtScale1, TENANT_UTC_OFFSET } from './context.js';
import { weightedTable } from './prng.js';
import type { Rng } from './prng.js';
import type { SimUser, UalAuditData } from './types.js';
import { createUalEnv, exchangeObjectPath } from './ual-common.js';
import type { UalEnv } from './ual-common.js';
import { directoryChange, stsLogon } from './ual-entra.js';
import { benignMailClients, exchangeAdmin, mailItem, mailItemGroup, mailItemsAccessed } from './ual-exchange.js';
import { flowActivity, mailVerdict, teamsActivity } from './ual-other.js';
import { fileOperation, pageViewed, sharingOperation } from './ual-sharepoint.js';
import type { FileOperation } from './ual-sharepoint.js';
import { forEachDay } from './volume.js';

type Kind =
  | 'mia' | 'miaDelegate' | 'send' | 'update' | 'moveToDeleted' | 'softDelete' | 'hardDelete'
  | 'file' | 'page' | 'sharing' | 'anonymousLink'
  | 'login' | 'loginFailed' | 'teams'
  | 'adminCmdlet' | 'userInboxRule' | 'directory' | 'flow' | 'verdict';

const kindTable = weightedTable<Kind>([
  ['mia', 290], ['miaDelegate', 15], ['send', 50], ['update', 15], ['moveToDeleted', 40], ['softDelete', 10], ['hardDelete', 2],
  ['file', 360], ['page', 60], ['sharing', 8], ['anonymousLink', 0.3],
  ['login', 80], ['loginFailed', 5], ['teams', 40],
  ['adminCmdlet', 1.5], ['userInboxRule', 0.8], ['directory', 6], ['flow', 0.4], ['verdict', 12],
], 20000);

const fileOps = weightedTable<FileOperation>([
  ['FileAccessed', 55], ['FileModified', 19], ['FileUploaded', 7], ['FileDownloaded', 9], ['FilePreviewed', 7],
  ['FileSyncDownloadedFull', 2], ['FileDeleted', 1],
]);

const mailFolders = ['\\Inbox', '\\Inbox', '\\Inbox', '\\Sent Items', '\\Archive', '\\Drafts'] as const;

interface DayState {
  sessions: Map<string, string>;
}

function sessionOf(rng: Rng, state: DayState, user: SimUser): string {
  let s = state.sessions.get(user.id);
  if (s === undefined) {
    s = rng.guid();
    state.sessions.set(user.id, s);
  }
  return s;
}

function ipOf(rng: Rng, user: SimUser): string {
  return user.homeIps[rng.chance(0.68) ? 0 : 1]!;
}

function buildRecord(ctx: GenerationContext, env: UalEnv, state: DayState, kind: Kind, ms: number): UalAuditData {
  const rng = env.rng;
  const { population, assets } = ctx;
  const user = rng.pick(population.activityPool);
  const ip = ipOf(rng, user);
  const session = sessionOf(rng, state, user);
  switch (kind) {
    case 'mia':
    case 'miaDelegate': {
      const delegate = kind === 'miaDelegate' && population.finance.length > 0;
      const actor = delegate ? rng.pick(population.finance) : user;
      const owner = delegate ? population.key.accountsPayable : user;
      const sync = rng.chance(0.25);
      return mailItemsAccessed(env, {
        ms, actor, owner, ip: delegate ? ipOf(rng, actor) : ip, logonType: delegate ? 2 : 0,
        clientInfo: rng.pick(benignMailClients), accessType: sync ? 'Sync' : 'Bind',
        folders: [{ path: rng.pick(mailFolders), items: 1 + rng.int(3) }], sessionId: sessionOf(rng, state, actor),
      });
    }
    case 'send':
    case 'update':
      return mailItem(env, {
        ms, actor: user, owner: user, ip, logonType: 0, clientInfo: rng.pick(benignMailClients),
        operation: kind === 'send' ? 'Send' : 'Update', folderPath: kind === 'send' ? '\\Sent Items' : '\\Inbox',
        subject: rng.pick(mailSubjects), sessionId: session,
      });
    case 'moveToDeleted':
    case 'softDelete':
    case 'hardDelete': {
      const n = 1 + (rng.chance(0.2) ? rng.int(6) : 0);
      const subjects: string[] = [];
      for (let i = 0; i < n; i++) subjects.push(rng.pick(mailSubjects));
      const operation = kind === 'moveToDeleted' ? 'MoveToDeletedItems' : kind === 'softDelete' ? 'SoftDelete' : 'HardDelete';
      return mailItemGroup(env, {
        ms, actor: user, owner: user, ip, logonType: 0, clientInfo: rng.pick(benignMailClients), operation,
        fromPath: operation === 'MoveToDeletedItems' ? '\\Inbox' : '\\Deleted Items',
        destPath: operation === 'MoveToDeletedItems' ? '\\Deleted Items' : null, subjects, sessionId: session,
      });
    }
    case 'file':
    case 'page':
    case 'sharing':
    case 'anonymousLink': {
      const ownDrive = assets.oneDrives.get(user.userPrincipalName);
      const site = rng.chance(0.35) && ownDrive ? ownDrive : rng.pick(assets.teamSites);
      const ua = rng.chance(0.3) ? clientStrings.oneDriveSync : user.device.userAgent;
      const correlationId = rng.guid();
      if (kind === 'page') return pageViewed(env, { ms, user, ip, site, userAgent: user.device.userAgent, correlationId });
      const doc = rng.pick(site.documents);
      if (kind === 'file') return fileOperation(env, { ms, user, ip, site, doc, operation: rng.pick(fileOps), userAgent: ua, correlationId });
      if (kind === 'anonymousLink') {
        return sharingOperation(env, { ms, user, ip, site, doc, operation: 'AnonymousLinkCreated', userAgent: user.device.userAgent, correlationId, target: null, linkType: 'View' });
      }
      const colleague = rng.pick(population.active);
      const roll = rng.int(3);
      return sharingOperation(env, {
        ms, user, ip, site, doc, userAgent: user.device.userAgent, correlationId, linkType: rng.chance(0.6) ? 'View' : 'Edit',
        operation: roll === 0 ? 'CompanyLinkCreated' : roll === 1 ? 'SharingSet' : 'SharingInvitationCreated',
        target: roll === 0 ? null : roll === 1 ? { name: colleague.userPrincipalName, type: 'Member' } : { name: `partner${rng.int(40)}@fabrikam-air.example`, type: 'Guest' },
      });
    }
    case 'login':
    case 'loginFailed': {
      const app = rng.pick([apps.office, apps.outlookWeb, apps.teams, apps.officeHome, apps.oneDriveSync]);
      const resource = app === apps.teams ? resources.teamsServices : app === apps.oneDriveSync ? resources.sharePoint : resources.exchange;
      return stsLogon(env, {
        ms, user, ip, applicationId: app.appId, resourceId: resource.id,
        errorCode: kind === 'login' ? 0 : rng.pick([50126, 50126, 50074, 50140, 53003]),
        userAgent: user.device.userAgent, requestType: rng.chance(0.7) ? 'OAuth2:Authorize' : 'Login:login',
        os: user.device.operatingSystem, browser: user.device.browser.split(' ')[0]!, sessionId: session,
        keepMeSignedIn: rng.chance(0.4), authenticationMethod: rng.chance(0.5) ? '1' : '3',
      });
    }
    case 'teams':
      return teamsActivity(env, { ms, user, ip, userAgent: clientStrings.teamsDesktop, operation: rng.chance(0.8) ? 'TeamsSessionStarted' : 'MeetingParticipantDetail' });
    case 'adminCmdlet':
      return adminCmdlet(ctx, env, ms);
    case 'userInboxRule': {
      const name = rng.pick(['Newsletters', 'Supplier updates', 'Jira notifications', 'Travel bookings']);
      return exchangeAdmin(env, {
        ms, actor: user, ip, operation: 'New-InboxRule', objectId: `${exchangeObjectPath(env, user)}\\${name}`,
        parameters: [['Name', name], ['FromAddressContainsWords', rng.pick(['noreply', 'notifications', 'newsletter'])], ['MoveToFolder', name], ['StopProcessingRules', 'True']],
        succeeded: true, userType: 0, appId: apps.outlookWeb.appId,
      });
    }
    case 'directory': {
      const admin = rng.pick(population.admins);
      const target = rng.pick(population.active);
      const op = rng.pick(['Update user.', 'Add member to group.', 'Update group.'] as const);
      return directoryChange(env, {
        ms, actor: { user: admin, app: null, ip: ipOf(rng, admin), userAgent: admin.device.userAgent }, operation: op, success: true,
        auditCategory: op === 'Update user.' ? 'UserManagement' : 'GroupManagement', targetClass: op === 'Update user.' ? 'User' : 'Group',
        targetId: op === 'Update user.' ? target.id : rng.guid(), targetName: op === 'Update user.' ? target.userPrincipalName : `${target.department} Team`,
        modified: op === 'Update user.' ? [['JobTitle', `["${target.jobTitle}"]`, `["${target.jobTitle}"]`]] : [], correlationId: rng.guid(),
      });
    }
    case 'flow':
      return flowActivity(env, {
        ms, user, ip, tenantId: population.tenant.id, flowId: rng.guid(), operation: rng.chance(0.6) ? 'CreateFlow' : 'EditFlow',
        connectors: rng.pick(['Office 365 Outlook, Microsoft Teams', 'SharePoint, Approvals', 'Planner, Office 365 Outlook']),
        licence: ctx.profile.subscribedSkus[0]?.skuPartNumber ?? 'SPE_E5',
      });
    case 'verdict': {
      const verdict = rng.pick(['None', 'None', 'None', 'Spam', 'Phish'] as const);
      return mailVerdict(env, {
        ms, recipient: user, sender: `${rng.pick(['offers', 'billing', 'support', 'hr-team'])}@${rng.pick(['marketing-mail.example', 'invoices-portal.example', 'airshow-events.example'])}`,
        senderIp: `192.0.2.${200 + rng.int(50)}`, subject: rng.pick(mailSubjects), verdict,
        deliveryAction: verdict === 'None' ? 'Delivered' : verdict === 'Spam' ? 'Junked' : 'Blocked',
        internetMessageId: `<${rng.hex(20)}@mail.example>`,
      });
    }
  }
}

/** Ordinary Exchange administration by the IT team: the noise around the intrusion's cmdlets. */
function adminCmdlet(ctx: GenerationContext, env: UalEnv, ms: number): UalAuditData {
  const rng = env.rng;
  const admin = ctx.population.key.itAdmin;
  const target = rng.pick(ctx.population.active);
  const path = exchangeObjectPath(env, target);
  const choice = rng.int(4);
  const common = { ms, actor: admin, ip: admin.homeIps[0]!, succeeded: true, userType: 2 as const, appId: apps.exoPowerShell.appId };
  if (choice === 0) {
    return exchangeAdmin(env, { ...common, operation: 'Add-MailboxPermission', objectId: exchangeObjectPath(env, ctx.population.key.accountsPayable),
      parameters: [['Identity', ctx.population.key.accountsPayable.userPrincipalName], ['User', target.userPrincipalName], ['AccessRights', 'FullAccess'], ['InheritanceType', 'All']] });
  }
  if (choice === 1) {
    return exchangeAdmin(env, { ...common, operation: 'Set-Mailbox', objectId: path,
      parameters: [['Identity', target.userPrincipalName], ['ProhibitSendQuota', '99 GB (106,300,440,576 bytes)'], ['IssueWarningQuota', '98 GB (105,226,698,752 bytes)']] });
  }
  if (choice === 2) {
    return exchangeAdmin(env, { ...common, operation: 'Set-CASMailbox', objectId: path,
      parameters: [['Identity', target.userPrincipalName], ['PopEnabled', 'False'], ['ImapEnabled', 'False']] });
  }
  return exchangeAdmin(env, { ...common, operation: 'Set-MailboxRegionalConfiguration', objectId: path,
    parameters: [['Identity', target.userPrincipalName], ['TimeZone', target.timeZone], ['Language', 'en-GB']] });
}

export type UalRecordFilter = (record: UalAuditData) => boolean;

/** Benign UAL records of the whole history window, sorted by CreationTime. */
export function generateUalBackground(ctx: GenerationContext, keep: UalRecordFilter): UalAuditData[] {
  const out: UalAuditData[] = [];
  forEachDay(
    {
      seed: ctx.seed, source: 'ual', anchorMs: ctx.anchorMs, days: ctx.days, cutoffMs: cutoffFor(ctx, 'ual'),
      perDay: perDayAtScale1.ual * ctx.scale, utcOffset: TENANT_UTC_OFFSET,
    },
    (rng, slots) => {
      const env = createUalEnv(ctx.seed, ctx.population.tenant.id, ctx.population.tenant.organizationName, rng);
      const state: DayState = { sessions: new Map() };
      for (const slot of slots) {
        for (let i = 0; i < slot.times.length; i++) {
          const record = buildRecord(ctx, env, state, kindTable[rng.int(kindTable.length)]!, slot.times[i]!);
          if (keep(record)) out.push(record);
        }
      }
    },
  );
  return out;
}

