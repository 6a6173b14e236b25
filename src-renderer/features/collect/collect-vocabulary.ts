import {
  ualLightSets,
  type AuditSubset,
  type CollectSourceId,
  type SignInKind,
  type UalChannel,
  type UalLightSet,
  type UalOptIn,
} from '../../../src-shared/domain/collection.js';

/**
 * The words the Collect form shows for the contract's values. Preset and operation names are the
 * service's and the reference collectors' own spellings, so a playbook maps one-to-one.
 */
export const channelLabels: Record<UalChannel, { label: string; hint: string }> = {
  exo_search: { label: 'Exchange search (Search-UnifiedAuditLog)', hint: 'Reports a total per window, so completeness is proven by count.' },
  graph_audit_query: { label: 'Graph audit log query', hint: 'Asynchronous queries through Microsoft Graph; completeness by reaching the last page.' },
};

export const lightSetContents: Record<UalLightSet, string> = {
  all: 'OneDrive/SharePoint/Teams/Yammer, AzureAD, Exchange, SecurityAlerts and Devices operations',
  allButAzureAD: 'OneDrive/SharePoint/Teams/Yammer, Exchange and SecurityAlerts (Entra events then come from the Graph sources)',
  ExchangeOnly: 'Exchange operations only',
  OneDrive_Sharepoint_Teams_YammerOnly: 'OneDrive/SharePoint/Teams/Yammer operations only',
  AzureADOnly: 'AzureAD and Devices operations',
  SecurityAlertsOnly: 'SecurityAlerts operations only',
  Devices: 'Devices operations only',
};

export interface PresetChoice {
  value: string;
  label: string;
  description: string;
}

export const lightPresets: readonly PresetChoice[] = ualLightSets.map((set) => ({ value: `light:${set}`, label: set, description: lightSetContents[set] }));

export const otherPresets: readonly PresetChoice[] = [
  { value: 'full', label: 'full', description: 'Every record in the range, no operation filter: the largest collection.' },
  {
    value: 'defender',
    label: 'defender',
    description: 'Defender for Office 365 record types (AIR investigations, threat intelligence, alerts); needs a Defender P1/P2 or E5-class licence.',
  },
  {
    value: 'search',
    label: 'search',
    description: 'Only the records of the users, IP addresses or free text given below; a user search also reads that mailbox’s own audit records and time zone.',
  },
];

export const presetDescription = (value: string): string => [...lightPresets, ...otherPresets].find((p) => p.value === value)?.description ?? '';
export const isLightPreset = (value: string): boolean => value.startsWith('light:');

export const optInLabels: Record<UalOptIn, string> = {
  mailboxLogin: 'mailboxLogin — adds MailboxLogin',
  userLogin: 'userLogin — adds UserLoggedIn, UserLoginFailed',
  deviceUpdate: 'deviceUpdate — adds “Update device”',
};

export const signInKindLabels: Record<SignInKind, string> = {
  interactiveUser: 'Interactive user sign-ins',
  nonInteractiveUser: 'Non-interactive user sign-ins',
  servicePrincipal: 'Service principal sign-ins',
  managedIdentity: 'Managed identity sign-ins',
};

export const auditSubsetLabels: Record<AuditSubset, string> = {
  all: 'All directory audits',
  apps: 'Apps (application management, consent, credentials, service principals)',
  devices: 'Devices',
};

/** Which sources each group of options concerns; a group shows only when one of them is chosen. */
export const optionGroups = {
  ual: ['ual'],
  // The snapshot reads the inbox rules and forwarding of the named mailboxes.
  users: ['ual', 'mailbox', 'tenant'],
  ipsAndText: ['ual'],
  signInKinds: ['signins'],
  auditSubset: ['audit'],
  subscriptions: ['azure'],
  organizations: ['devops'],
} as const satisfies Record<string, readonly CollectSourceId[]>;

export type OptionGroup = keyof typeof optionGroups;

export const concerns = (group: OptionGroup, chosen: readonly CollectSourceId[]): boolean =>
  (optionGroups[group] as readonly CollectSourceId[]).some((source) => chosen.includes(source));
