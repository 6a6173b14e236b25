import { z } from 'zod';
import type { SimDataset, SimMailbox } from '../../data/types.js';
import { CmdletError } from './unified-audit-search.js';

/**
 * The configuration cmdlets a responder runs before trusting the audit log: is ingestion on, is
 * mailbox auditing disabled or bypassed, which inbox and transport rules exist. Output rows use
 * the cmdlets' PascalCase property names.
 */
export type CmdletRows = Record<string, unknown>[];
type CmdletRunner = (params: Record<string, unknown>, callerUpn: string) => CmdletRows;

const identityParams = z.object({ Identity: z.string().min(1).optional(), ResultSize: z.union([z.string(), z.number()]).optional() }).loose();
const inboxRuleParams = z.object({ Mailbox: z.string().min(1).optional(), Identity: z.string().min(1).optional() }).loose();

export function readinessCmdlets(dataset: SimDataset): Record<string, CmdletRunner> {
  const cfg = dataset.tenantConfig;
  const profile = dataset.profile;
  const orgName = cfg.organizationConfig.Name;

  const findMailbox = (identity: string): SimMailbox => {
    const needle = identity.toLowerCase();
    const found = cfg.mailboxes.find((m) =>
      [m.userPrincipalName, m.alias, m.primarySmtpAddress, m.displayName, m.exchangeGuid].some((v) => v.toLowerCase() === needle),
    );
    if (!found) throw new CmdletError(`The operation couldn't be performed because object '${identity}' couldn't be found on '${orgName}'.`);
    return found;
  };

  return {
    'Get-AdminAuditLogConfig': () => [
      {
        Identity: 'Admin Audit Log Settings',
        Name: 'Admin Audit Log Settings',
        ...cfg.adminAuditLogConfig,
        // The profile decides the switch; the configuration object must agree with what searches return.
        UnifiedAuditLogIngestionEnabled: profile.unifiedAuditLogIngestionEnabled,
      },
    ],
    'Get-OrganizationConfig': () => [{ Identity: cfg.organizationConfig.Name, ...cfg.organizationConfig, AuditDisabled: profile.orgMailboxAuditDisabled }],
    'Get-MailboxAuditBypassAssociation': () =>
      cfg.mailboxAuditBypass.map((b) => ({ Identity: b.identity, Name: b.identity.split('@')[0] ?? b.identity, AuditBypassEnabled: b.auditBypassEnabled })),
    'Get-MailboxRegionalConfiguration': (params) => {
      const p = parseParams(identityParams, params);
      const wanted = p.Identity ? namesOf(findMailbox(p.Identity)) : null;
      return cfg.regionalConfig
        .filter((r) => wanted === null || wanted.has(r.identity.toLowerCase()))
        .map((r) => ({ Identity: r.identity, TimeZone: r.timeZone, Language: r.language, DateFormat: r.dateFormat, TimeFormat: r.timeFormat }));
    },
    'Get-Mailbox': (params) => {
      const p = parseParams(identityParams, params);
      const mailboxes = p.Identity ? [findMailbox(p.Identity)] : cfg.mailboxes;
      return mailboxes.map((m) => ({
        Identity: m.alias,
        Name: m.alias,
        Alias: m.alias,
        DisplayName: m.displayName,
        UserPrincipalName: m.userPrincipalName,
        PrimarySmtpAddress: m.primarySmtpAddress,
        ExchangeGuid: m.exchangeGuid,
        RecipientTypeDetails: m.recipientTypeDetails,
        AuditEnabled: m.auditEnabled,
        ForwardingSmtpAddress: m.forwardingSmtpAddress,
        ForwardingAddress: m.forwardingAddress,
        DeliverToMailboxAndForward: m.deliverToMailboxAndForward,
      }));
    },
    'Get-InboxRule': (params, callerUpn) => {
      const p = parseParams(inboxRuleParams, params);
      // Without -Mailbox the cmdlet reads the caller's own mailbox.
      const mailbox = findMailbox(p.Mailbox ?? callerUpn);
      return cfg.inboxRules
        .filter((r) => r.mailbox.toLowerCase() === mailbox.userPrincipalName.toLowerCase())
        .filter((r) => !p.Identity || r.identity.toLowerCase() === p.Identity.toLowerCase() || r.name.toLowerCase() === p.Identity.toLowerCase())
        .map((r) => ({
          Identity: r.identity,
          Name: r.name,
          RuleIdentity: r.ruleIdentity,
          MailboxOwnerId: mailbox.alias,
          Enabled: r.enabled,
          Priority: r.priority,
          SubjectOrBodyContainsWords: r.subjectOrBodyContainsWords,
          FromAddressContainsWords: r.fromAddressContainsWords,
          MoveToFolder: r.moveToFolder,
          DeleteMessage: r.deleteMessage,
          ForwardTo: r.forwardTo,
          MarkAsRead: r.markAsRead,
          StopProcessingRules: r.stopProcessingRules,
        }));
    },
    'Get-TransportRule': () =>
      cfg.transportRules.map((r) => ({
        Identity: r.name,
        Name: r.name,
        Guid: r.guid,
        State: r.state,
        Mode: r.mode,
        Priority: r.priority,
        BlindCopyTo: r.blindCopyTo,
        SentToScope: r.sentToScope,
        FromScope: r.fromScope,
        SubjectOrBodyContainsWords: r.subjectOrBodyContainsWords,
        WhenChanged: r.whenChanged,
      })),
  };
}

function namesOf(m: SimMailbox): Set<string> {
  return new Set([m.userPrincipalName, m.alias, m.primarySmtpAddress, m.displayName].map((v) => v.toLowerCase()));
}

function parseParams<T extends z.ZodType>(schema: T, params: Record<string, unknown>): z.infer<T> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CmdletError(`Cannot bind parameter '${issue?.path.join('.') ?? ''}'. ${issue?.message ?? 'Invalid value.'}`);
  }
  return parsed.data;
}
