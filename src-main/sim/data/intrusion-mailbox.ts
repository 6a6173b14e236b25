/**
 * Intrusion, mailbox phase: the finance mailbox is read through Graph by the consented app,
 * hidden behind inbox rules, forwarded, cleaned up and used for payment fraud; the compromised
 * administrator then adds an organisation-wide BCC rule, delegations, tries to switch auditing
 * off and exempts the finance account from mailbox auditing.
 */
import { apps, clientStrings, mailClientInfo } from './catalog.js';
import { tag } from './intrusion-script.js';
import type { IntrusionEndState, Script } from './intrusion-script.js';
import type { SimInboxRule, SimTransportRule } from './types.js';
import { exchangeObjectPath, mailboxAlias } from './ual-common.js';
import { exchangeAdmin, mailItem, mailItemGroup, mailItemsAccessed } from './ual-exchange.js';
import type { AppAccess } from './ual-exchange.js';
import { flowActivity } from './ual-other.js';
import { fileOperation, sharingOperation } from './ual-sharepoint.js';

function graphAccess(s: Script, ms: number): AppAccess {
  const app = s.ctx.assets.maliciousApp;
  return { appId: app.appId, appName: app.displayName, sessionId: s.rng.guid(), correlationId: s.rng.guid(), issuedAtMs: ms - 300_000, uniqueTokenId: s.rng.base64(22) };
}

/** Day 0, 03:30–04:10: the consented app pages through the finance and accounts-payable mail. */
export function mailCollection(s: Script): void {
  const { financeVictim: f, accountsPayable: ap } = s.ctx.population.key;
  const start = s.at(0, 3, 30);
  const folders = ['\\Inbox', '\\Sent Items', '\\Archive', '\\Inbox\\Suppliers', '\\Deleted Items'];
  for (let i = 0; i < 36; i++) {
    const ms = start + Math.floor((i * 40 * 60_000) / 36) + s.rng.int(30_000);
    const owner = i % 3 === 2 ? ap : f;
    const access = graphAccess(s, ms);
    tag(s.out.ual, mailItemsAccessed(s.env, {
      ms, actor: f, owner, ip: s.operatorIp, logonType: owner === f ? 0 : 2, clientInfo: mailClientInfo.rest, accessType: 'Bind',
      folders: [{ path: folders[i % folders.length]!, items: 5 + s.rng.int(16) }], app: access, sessionId: access.sessionId,
    }), ms, 'T1114.002', `"${access.appName}" reads ${owner.userPrincipalName} mail through Graph as ${f.userPrincipalName} from ${s.operatorIp}`);
  }
}

/** Day 0, 04:15–04:20: hiding rules and external forwarding set from the intruder's OWA session. */
export function rulesAndForwarding(s: Script): Pick<IntrusionEndState, 'inboxRules' | 'forwardingSmtpAddress'> {
  const f = s.ctx.population.key.financeVictim;
  const intruder = s.ctx.assets.intruderMailbox;
  const path = exchangeObjectPath(s.env, f);
  const ruleSpecs = [
    { name: '..', words: ['invoice', 'payment', 'remittance', 'bank details'], moveTo: 'RSS Feeds', del: false, minute: 15 },
    { name: '.', words: ['phishing', 'suspicious', 'hacked', 'unusual sign-in', 'invoice', 'payment'], moveTo: null, del: true, minute: 16 },
  ];
  const inboxRules: SimInboxRule[] = ruleSpecs.map((r, index) => {
    const ms = s.at(0, 4, r.minute);
    const parameters: [string, string][] = [
      ['Name', r.name],
      ['SubjectOrBodyContainsWords', r.words.join(';')],
      ...(r.moveTo ? ([['MoveToFolder', r.moveTo], ['MarkAsRead', 'True']] as [string, string][]) : ([['DeleteMessage', 'True']] as [string, string][])),
      ['StopProcessingRules', 'True'],
      ['AlwaysDeleteOutlookRulesBlob', 'False'],
      ['Force', 'False'],
    ];
    tag(s.out.ual, exchangeAdmin(s.env, {
      ms, actor: f, ip: s.operatorIp, operation: 'New-InboxRule', objectId: `${path}\\${r.name}`, parameters, succeeded: true, userType: 0, appId: apps.outlookWeb.appId,
    }), ms, 'T1564.008', r.moveTo
      ? `Inbox rule "${r.name}" on ${f.userPrincipalName}: mail about ${r.words.join(', ')} moved to ${r.moveTo} and marked read`
      : `Inbox rule "${r.name}" on ${f.userPrincipalName}: mail about ${r.words.join(', ')} deleted`);
    return {
      mailbox: f.userPrincipalName, identity: `${mailboxAlias(f)}\\${r.name}`, name: r.name, ruleIdentity: `1844${String(s.rng.int(1e9)).padStart(12, '0')}${index}`,
      enabled: true, priority: index + 1, subjectOrBodyContainsWords: r.words, fromAddressContainsWords: [], moveToFolder: r.moveTo, deleteMessage: r.del,
      forwardTo: [], markAsRead: !r.del, stopProcessingRules: true, createdBy: f.userPrincipalName, createdTime: new Date(ms).toISOString(),
    };
  });
  const fwdMs = s.at(0, 4, 20);
  const forwardingSmtpAddress = `smtp:${intruder}`;
  tag(s.out.ual, exchangeAdmin(s.env, {
    ms: fwdMs, actor: f, ip: s.operatorIp, operation: 'Set-Mailbox', objectId: path,
    parameters: [['Identity', f.userPrincipalName], ['ForwardingSmtpAddress', forwardingSmtpAddress], ['DeliverToMailboxAndForward', 'True']],
    succeeded: true, userType: 0, appId: apps.outlookWeb.appId,
  }), fwdMs, 'T1114.003', `Mailbox forwarding of ${f.userPrincipalName} to external ${intruder}`);
  return { inboxRules, forwardingSmtpAddress };
}

/** Day 0, 04:30–05:05: a forwarding flow, an anonymous link to bank details, clean-up, fraud mail. */
export function financeAbuse(s: Script): void {
  const { population, assets } = s.ctx;
  const f = population.key.financeVictim;
  const flowMs = s.at(0, 4, 30);
  const flowId = s.rng.guid();
  tag(s.out.ual, flowActivity(s.env, {
    ms: flowMs, user: f, ip: s.operatorIp, tenantId: population.tenant.id, flowId, operation: 'CreateFlow', connectors: 'Office 365 Outlook',
    licence: s.ctx.profile.subscribedSkus[0]?.skuPartNumber ?? 'SPE_E5',
  }), flowMs, 'T1020', `Power Automate flow created by ${f.userPrincipalName}: forward new mail to ${assets.intruderMailbox}`);

  const site = assets.teamSites[0]!;
  const doc = site.documents[0]!;
  const fileMs = s.at(0, 4, 38);
  tag(s.out.ual, fileOperation(s.env, {
    ms: fileMs, user: f, ip: s.operatorIp, site, doc, operation: 'FileDownloaded', userAgent: clientStrings.intruderBrowser, correlationId: s.rng.guid(),
  }), fileMs, 'T1213.002', `"${doc.fileName}" downloaded from the Finance site as ${f.userPrincipalName} from ${s.operatorIp}`);
  const linkMs = s.at(0, 4, 40);
  tag(s.out.ual, sharingOperation(s.env, {
    ms: linkMs, user: f, ip: s.operatorIp, site, doc, operation: 'AnonymousLinkCreated', userAgent: clientStrings.intruderBrowser,
    correlationId: s.rng.guid(), target: null, linkType: 'View',
  }), linkMs, 'T1567', `Anyone-link created for "${doc.fileName}" by ${f.userPrincipalName} from ${s.operatorIp}`);

  const warnings = ['Security alert: unusual sign-in activity', 'Re: Payment change request – please confirm', 'Your account password was used from a new location',
    'Re: Invoice 4471 – remittance not received', 'Bank details verification', 'Re: Supplier payment query'];
  const session = s.rng.guid();
  for (let i = 0; i < 4; i++) {
    const ms = s.at(0, 4, 50) + i * 45_000;
    const subjects = warnings.slice(0, 3 + (i % 4)).map((w, k) => (k === 0 ? w : `${w} (${i + 1})`));
    tag(s.out.ual, mailItemGroup(s.env, {
      ms, actor: f, owner: f, ip: s.operatorIp, logonType: 0, clientInfo: mailClientInfo.owa, operation: 'MoveToDeletedItems',
      fromPath: '\\Inbox', destPath: '\\Deleted Items', subjects, sessionId: session,
    }), ms, 'T1070.008', `Intruder deletes ${subjects.length} warning and payment-query messages from ${f.userPrincipalName}'s inbox`);
  }
  for (let i = 0; i < 2; i++) {
    const ms = s.at(0, 4, 55) + i * 60_000;
    tag(s.out.ual, mailItemGroup(s.env, {
      ms, actor: f, owner: f, ip: s.operatorIp, logonType: 0, clientInfo: mailClientInfo.owa, operation: 'SoftDelete',
      fromPath: '\\Deleted Items', destPath: null, subjects: warnings.slice(i * 3, i * 3 + 3), sessionId: session,
    }), ms, 'T1070.008', `Intruder purges deleted warnings from ${f.userPrincipalName}'s Deleted Items`);
  }
  for (let i = 0; i < 2; i++) {
    const ms = s.at(0, 5, 2) + i * 4 * 60_000;
    tag(s.out.ual, mailItem(s.env, {
      ms, actor: f, owner: f, ip: s.operatorIp, logonType: 0, clientInfo: mailClientInfo.owa, operation: 'Send', folderPath: '\\Sent Items',
      subject: i === 0 ? 'Updated bank details for outstanding invoices' : 'Re: Updated bank details for outstanding invoices', sessionId: session,
    }), ms, 'T1656', `Payment-fraud mail sent from ${f.userPrincipalName} by the intruder (new bank details)`);
  }
  for (const [day, hour] of [[0, 10], [0, 14], [0, 16]] as const) {
    const ms = s.at(day, hour, 7);
    tag(s.out.ual, mailItem(s.env, {
      ms, actor: f, owner: f, ip: `192.0.2.${245 + (hour % 4)}`, logonType: 0, clientInfo: 'Client=REST;Client=RESTSystem;;', operation: 'Send', folderPath: '\\Sent Items',
      subject: `FW: ${population.active[hour % population.active.length]!.givenName} – invoice approval`, sessionId: s.rng.guid(),
      app: { appId: '7df0a125-d3be-4c96-aa54-591f83ff541c', appName: 'Microsoft Flow', sessionId: s.rng.guid(), correlationId: s.rng.guid(), issuedAtMs: ms - 120_000, uniqueTokenId: s.rng.base64(22) },
    }), ms, 'T1020', `Flow forwards a new message from ${f.userPrincipalName} to ${assets.intruderMailbox}`);
  }
}

/** Day 1, 01:50–02:15: admin-level collection and defence evasion with the phished admin. */
export function adminMailAbuse(s: Script): Pick<IntrusionEndState, 'transportRule' | 'delegation' | 'bypass'> {
  const { population, assets } = s.ctx;
  const { adminVictim: a, financeVictim: f, ceo } = population.key;
  const admin = { actor: a, ip: s.operatorIp, succeeded: true, userType: 2 as const, appId: apps.exoPowerShell.appId };
  const ruleMs = s.at(1, 1, 50);
  const ruleName = 'Compliance Journal Archive';
  const ruleGuid = s.rng.guid();
  tag(s.out.ual, exchangeAdmin(s.env, {
    ...admin, ms: ruleMs, operation: 'New-TransportRule', objectId: ruleName,
    parameters: [['Name', ruleName], ['SubjectOrBodyContainsWords', 'invoice;payment;remittance;wire'], ['BlindCopyTo', assets.intruderMailbox], ['Priority', '0'], ['Mode', 'Enforce']],
  }), ruleMs, 'T1114.003', `Transport rule "${ruleName}" BCCs all payment mail to external ${assets.intruderMailbox}`);
  const permMs = s.at(1, 2, 0);
  tag(s.out.ual, exchangeAdmin(s.env, {
    ...admin, ms: permMs, operation: 'Add-MailboxPermission', objectId: exchangeObjectPath(s.env, ceo),
    parameters: [['Identity', ceo.userPrincipalName], ['User', f.userPrincipalName], ['AccessRights', 'FullAccess'], ['InheritanceType', 'All'], ['AutoMapping', 'False']],
  }), permMs, 'T1098.002', `FullAccess on the CEO mailbox granted to ${f.userPrincipalName} (AutoMapping off)`);
  const sendAsMs = s.at(1, 2, 2);
  tag(s.out.ual, exchangeAdmin(s.env, {
    ...admin, ms: sendAsMs, operation: 'Add-RecipientPermission', objectId: exchangeObjectPath(s.env, ceo),
    parameters: [['Identity', ceo.userPrincipalName], ['Trustee', f.userPrincipalName], ['AccessRights', 'SendAs'], ['Confirm', 'False']],
  }), sendAsMs, 'T1098.002', `SendAs on the CEO mailbox granted to ${f.userPrincipalName}`);
  const auditMs = s.at(1, 2, 10);
  tag(s.out.ual, exchangeAdmin(s.env, {
    ...admin, ms: auditMs, succeeded: false, operation: 'Set-AdminAuditLogConfig', objectId: 'Admin Audit Log Settings',
    parameters: [['UnifiedAuditLogIngestionEnabled', 'False']],
  }), auditMs, 'T1562.008', 'Attempt to switch off unified audit log ingestion (Set-AdminAuditLogConfig, failed)');
  const bypassMs = s.at(1, 2, 15);
  tag(s.out.ual, exchangeAdmin(s.env, {
    ...admin, ms: bypassMs, operation: 'Set-MailboxAuditBypassAssociation', objectId: exchangeObjectPath(s.env, f),
    parameters: [['Identity', f.userPrincipalName], ['AuditBypassEnabled', 'True']],
  }), bypassMs, 'T1562.008', `Mailbox audit bypass enabled for ${f.userPrincipalName}: its mailbox actions stop being logged`);
  return {
    transportRule: {
      name: ruleName, guid: ruleGuid, state: 'Enabled', mode: 'Enforce', priority: 0, blindCopyTo: [assets.intruderMailbox], sentToScope: null, fromScope: null,
      subjectOrBodyContainsWords: ['invoice', 'payment', 'remittance', 'wire'], whenChanged: new Date(ruleMs).toISOString(), createdBy: a.userPrincipalName,
    } satisfies SimTransportRule,
    delegation: { mailbox: ceo.userPrincipalName, delegate: f.userPrincipalName },
    bypass: { upn: f.userPrincipalName, fromMs: bypassMs },
  };
}

/** Day 1, 02:30–03:10: the intruder, as the now-unaudited finance account, works the CEO mailbox. */
export function unauditedCeoAccess(s: Script): void {
  const { financeVictim: f, ceo } = s.ctx.population.key;
  const start = s.at(1, 2, 30);
  for (let i = 0; i < 12; i++) {
    const ms = start + i * 3 * 60_000 + s.rng.int(60_000);
    const access = graphAccess(s, ms);
    tag(s.out.ual, mailItemsAccessed(s.env, {
      ms, actor: f, owner: ceo, ip: s.operatorIp, logonType: 2, clientInfo: mailClientInfo.rest, accessType: 'Bind',
      folders: [{ path: i % 2 === 0 ? '\\Inbox' : '\\Sent Items', items: 8 + s.rng.int(12) }], app: access, sessionId: access.sessionId,
    }), ms, 'T1114.002', `CEO mailbox read through Graph as delegate ${f.userPrincipalName}`);
  }
  const sendMs = s.at(1, 3, 10);
  tag(s.out.ual, mailItem(s.env, {
    ms: sendMs, actor: f, owner: ceo, ip: s.operatorIp, logonType: 2, clientInfo: mailClientInfo.owa, operation: 'SendAs',
    folderPath: '\\Sent Items', subject: 'Urgent: approve supplier payment today', sessionId: s.rng.guid(),
  }), sendMs, 'T1656', `Mail sent as the CEO by ${f.userPrincipalName} asking finance to approve a payment`);
}
