import { z } from 'zod';
import { ualLightSets, ualOptIns, type UalLightSet, type UalOptIn } from './collection.js';
import { defenderRecordTypes, type UalRecordTypeName } from './ual-record-types.js';

/**
 * The Unified Audit Log collection presets responders know by name (the light operation sets,
 * Full, Defender, and searches by user, IP address or free text), and how each becomes the
 * searches actually run. Operation names are the log's `Operation` values exactly as the service
 * spells them — including the en dash and the trailing-space variant of one Entra operation,
 * which the service writes both ways: dropping either would silently miss records.
 *
 * Shared with the UI so the Collect page can say how many searches a preset costs before it runs.
 */

/** OneDrive, SharePoint, Teams and Viva Engage (Yammer) operations of the light sets. */
export const oneDriveSharePointTeamsYammerOperations = [
  'AddedToGroup', 'AnonymousLinkCreated', 'AnonymousLinkUsed', 'AppInstalled', 'DeviceAccessPolicyChanged', 'FileMalwareDetected',
  'GeoAdminAdded', 'MemberRoleChanged', 'NetworkAccessPolicyChanged', 'NetworkSecurityConfigurationUpdated', 'New-CSTeamsAppPermissionPolicy',
  'PermissionLevelModified', 'Set-CSTeamsAppPermissionPolicy', 'SharingInvitationAccepted', 'SharingInvitationBlocked', 'SharingPolicyChanged',
  'SiteCollectionAdminAdded', 'SoftDeleteSettingsUpdated', 'SupervisorAdminToggled', 'TeamSettingChanged', 'TeamsTenantSettingChanged',
  'UnmanagedSyncClientBlocked',
] as const;

/** The credential-change operation with an en dash (U+2013), as the service writes it. */
export const APP_CREDENTIALS_OPERATION = 'Update application \u2013 Certificates and secrets management';

/** Entra ID operations: 36 distinct names plus the trailing-space variant of the credential change. */
export const azureAdOperations = [
  'Add application', 'Add app role assignment grant to user', 'Add app role assignment to service principal', 'Add delegated permission grant',
  'Add delegation entry', 'Add domain to company', 'Add group', 'Add member to group', 'Add member to role', 'Add OAuth2PermissionGrant',
  'Add partner to company', 'Add service principal', 'Add service principal credentials', 'Add unverified domain', 'Add verified domain',
  'Consent to application', 'Delete group', 'Disable Desktop Sso for a specific domain', 'New-ConditionalAccessPolicy', 'Register connector',
  'Remove delegation entry', 'Remove member from group', 'Remove member from role', 'Remove service principal', 'Remove service principal credentials',
  'Remove verified domain', 'Set-AdminAuditLogConfig', 'Set-ConditionalAccessPolicy', 'Set delegation entry', 'Set domain authentication',
  'Set federation settings on domain', 'Update application', APP_CREDENTIALS_OPERATION, `${APP_CREDENTIALS_OPERATION} `, 'Update domain',
  'Update group', 'Verify domain',
] as const;

export const exchangeOperations = [
  'AddFolderPermissions', 'Add-MailboxPermission', 'Add-RecipientPermission', 'Hard Delete user', 'New-InboxRule', 'New-TransportRule',
  'RemoveFolderPermissions', 'Remove-MailboxPermission', 'Remove-RecipientPermission', 'SearchCreated', 'SearchExported', 'Set-CASMailbox',
  'Set-InboxRule', 'Set-Mailbox', 'Set-TransportRule', 'UpdateInboxRules',
] as const;

export const securityAlertOperations = ['AlertEntityGenerated', 'AlertTriggered'] as const;

export const deviceOperations = [
  'Add device', 'Device no longer compliant', 'Add registered users to device', 'Add registered owner to device', 'Delete device',
  'Device no longer managed', 'Remove registered users from device', 'Remove registered owner from device',
] as const;

export type OperationGroup = 'OneDriveSharePointTeamsYammer' | 'AzureAD' | 'Exchange' | 'SecurityAlerts' | 'Devices';

export const operationGroups: Readonly<Record<OperationGroup, readonly string[]>> = {
  OneDriveSharePointTeamsYammer: oneDriveSharePointTeamsYammerOperations,
  AzureAD: azureAdOperations,
  Exchange: exchangeOperations,
  SecurityAlerts: securityAlertOperations,
  Devices: deviceOperations,
};

/** Which operation groups each light set is made of. */
export const lightSetGroups: Readonly<Record<UalLightSet, readonly OperationGroup[]>> = {
  all: ['OneDriveSharePointTeamsYammer', 'AzureAD', 'Exchange', 'SecurityAlerts', 'Devices'],
  // Entra events then come from the Graph sources; the Devices group is dropped with them.
  allButAzureAD: ['OneDriveSharePointTeamsYammer', 'Exchange', 'SecurityAlerts'],
  ExchangeOnly: ['Exchange'],
  OneDrive_Sharepoint_Teams_YammerOnly: ['OneDriveSharePointTeamsYammer'],
  AzureADOnly: ['AzureAD', 'Devices'],
  SecurityAlertsOnly: ['SecurityAlerts'],
  Devices: ['Devices'],
};

/** Opt-in additions to a light set; each is large, so the UI warns of volume. */
export const optInOperations: Readonly<Record<UalOptIn, readonly string[]>> = {
  mailboxLogin: ['MailboxLogin'],
  userLogin: ['UserLoggedIn', 'UserLoginFailed'],
  deviceUpdate: ['Update device'],
};

/** The record types a mailbox's own audit records carry (item, item group, aggregated mail access). */
export const mailboxAuditRecordTypes = ['ExchangeItem', 'ExchangeItemGroup', 'ExchangeItemAggregated'] as const satisfies readonly UalRecordTypeName[];

/** Operations of a light set (with opt-ins), in list order, without repeats. */
export function lightSetOperations(set: UalLightSet, optIns: readonly UalOptIn[] = []): string[] {
  const ops = [...lightSetGroups[set].flatMap((g) => operationGroups[g]), ...optIns.flatMap((o) => optInOperations[o])];
  return [...new Set(ops)];
}

const searchText = z.string().trim().min(1).max(320);

/** What the responder chose for the Unified Audit Log; validated wherever it crosses a boundary. */
export const UalPresetChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('light'), set: z.enum(ualLightSets).default('all'), optIns: z.array(z.enum(ualOptIns)).max(ualOptIns.length).default([]) }).strict(),
  /** Every record in the range, no filter. */
  z.object({ kind: z.literal('full') }).strict(),
  /** Defender record types, one search per type (the cmdlet takes one RecordType). */
  z.object({ kind: z.literal('defender') }).strict(),
  z
    .object({
      kind: z.literal('search'),
      userIds: z.array(searchText).max(100).default([]),
      ipAddresses: z.array(searchText).max(100).default([]),
      freeText: searchText.optional(),
    })
    .strict()
    .refine((s) => s.userIds.length > 0 || s.ipAddresses.length > 0 || s.freeText !== undefined, {
      message: 'a search needs at least one user, IP address or free text',
    }),
]);
export type UalPresetChoice = z.output<typeof UalPresetChoice>;
export type UalPresetChoiceInput = z.input<typeof UalPresetChoice>;

/**
 * One search's filter, in the vocabulary of Search-UnifiedAuditLog's parameters (the Graph audit
 * query takes the same filters under other names). Unset fields do not filter.
 */
export interface UalFilterSpec {
  recordType?: UalRecordTypeName;
  operations?: string[];
  userIds?: string[];
  ipAddresses?: string[];
  objectIds?: string[];
  freeText?: string;
}

export interface UalPresetSearch {
  /**
   * Names the search within its job (letters, digits, `_`, `.`, `-`); collectors append it to
   * the ledger channel, so one time window searched with several filters keeps one proven
   * window per filter.
   */
  label: string;
  filter: UalFilterSpec;
}

/**
 * A mailbox's own audit records, per mailbox record type. Searched by free text on the address,
 * not by user id: the user id of a record is who acted, so a delegate's or an intruder's access
 * to the mailbox carries someone else's id, while the record still names the mailbox's owner.
 */
export function mailboxAuditSearches(mailboxes: readonly string[]): UalPresetSearch[] {
  const unique = [...new Set(mailboxes.map((m) => m.trim().toLowerCase()).filter((m) => m.length > 0))];
  const names = new Set<string>();
  return unique.flatMap((mailbox) => {
    // Labels are plain names (letters, digits, `_`, `.`, `-`); two addresses that read alike
    // once spelled that way are told apart by a number.
    let name = labelName(mailbox);
    for (let n = 2; names.has(name); n += 1) name = `${labelName(mailbox)}-${n}`;
    names.add(name);
    return mailboxAuditRecordTypes.map((recordType): UalPresetSearch => ({ label: `mailbox.${recordType}.${name}`, filter: { recordType, freeText: mailbox } }));
  });
}

function labelName(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** The searches a preset runs, in order. A user search also reads each user's mailbox audit records. */
export function ualPresetSearches(choice: UalPresetChoice): UalPresetSearch[] {
  switch (choice.kind) {
    case 'light': {
      const label = ['light', choice.set, ...[...choice.optIns].sort()].join('.');
      return [{ label, filter: { operations: lightSetOperations(choice.set, choice.optIns) } }];
    }
    case 'full':
      return [{ label: 'full', filter: {} }];
    case 'defender':
      return defenderRecordTypes.map((recordType) => ({ label: `defender.${recordType}`, filter: { recordType } }));
    case 'search': {
      const filter: UalFilterSpec = {
        ...(choice.userIds.length > 0 ? { userIds: [...choice.userIds] } : {}),
        ...(choice.ipAddresses.length > 0 ? { ipAddresses: [...choice.ipAddresses] } : {}),
        ...(choice.freeText !== undefined ? { freeText: choice.freeText } : {}),
      };
      return [{ label: 'search', filter }, ...mailboxAuditSearches(choice.userIds)];
    }
  }
}

/** Mailboxes whose audit records and regional configuration a choice collects. */
export function ualPresetMailboxes(choice: UalPresetChoice): string[] {
  return choice.kind === 'search' ? [...new Set(choice.userIds.map((u) => u.trim().toLowerCase()))] : [];
}

/**
 * The preset as the command line and the collect request spell it (`light:<set>`, `full`,
 * `defender`), with opt-ins for a light set. Search choices are built from their lists instead.
 */
export function ualPresetFromText(text: string, optIns: readonly UalOptIn[] = []): UalPresetChoice {
  const t = text.trim();
  if (t === 'full') return { kind: 'full' };
  if (t === 'defender') return { kind: 'defender' };
  const set = t.startsWith('light:') ? t.slice('light:'.length) : t;
  const parsed = z.enum(ualLightSets).safeParse(set);
  if (!parsed.success) throw new Error(`unknown Unified Audit Log preset '${text}': expected full, defender or light:<${ualLightSets.join('|')}>`);
  return { kind: 'light', set: parsed.data, optIns: [...optIns] };
}
