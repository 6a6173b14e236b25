/**
 * Licence / permission / configuration profiles of the simulated tenant.
 *
 * Each profile changes what the Microsoft APIs would let a responder see, so the collector's
 * readiness checks and degraded-mode paths can be exercised against every realistic tenant shape.
 * SKU and service-plan identifiers are the real public ones (trust skuPartNumber/servicePlanName).
 */
import type { GraphServicePlanInfo, GraphSubscribedSku, SimProfile, SimProfileName, SimSource } from './data/types.js';

export type { SimProfile, SimProfileName, SimSource } from './data/types.js';

/** Fixed identity of the simulated tenant; profiles name mailboxes in it. */
export const simTenantDomain = 'tailspin-aero.example';
export const simTenantInitialDomain = 'tailspinaero.onmicrosoft.com';
/** Shared accounts-payable mailbox (finance staff hold FullAccess on it). */
export const simAccountsPayableUpn = `accounts.payable@${simTenantDomain}`;
/**
 * The finance manager's account. In the 'bypassed-mailbox' profile it has had a mailbox audit
 * bypass association from the start; bypass is per acting account, so nothing this account does
 * in any mailbox is logged — including what the intruder later does with it.
 */
export const simFinanceManagerUpn = `jordan.avery@${simTenantDomain}`;

export const roleTemplates = {
  globalAdministrator: { displayName: 'Global Administrator', roleTemplateId: '62e90394-69f5-4237-9190-012177145e10' },
  globalReader: { displayName: 'Global Reader', roleTemplateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451' },
  securityReader: { displayName: 'Security Reader', roleTemplateId: '5d6b6bb7-de71-4623-b4af-96380a352509' },
  reportsReader: { displayName: 'Reports Reader', roleTemplateId: '4a5d8f65-41da-4de4-8968-e035b65339cf' },
} as const;

const plan = (servicePlanName: string, servicePlanId: string): GraphServicePlanInfo => ({
  servicePlanId,
  servicePlanName,
  provisioningStatus: 'Success',
  appliesTo: 'User',
});

const plans = {
  aadP1: plan('AAD_PREMIUM', '41781fb2-bc02-4b7c-bd55-b576c07bb09d'),
  aadP2: plan('AAD_PREMIUM_P2', 'eec0eb4f-6444-4f95-aba0-50c24d67f998'),
  auditPremium: plan('M365_ADVANCED_AUDITING', '2f442157-a11c-46b9-ae5b-6e39ff4e5849'),
  defenderP1: plan('ATP_ENTERPRISE', 'f20fedf3-f3c3-43c3-8267-2bfdd51c0939'),
  defenderP2: plan('THREAT_INTELLIGENCE', '8e0c0a52-6a6c-4d40-8370-dd62790dcd70'),
  exchangeP1: plan('EXCHANGE_S_STANDARD', '9aaf7827-d63c-4b61-89c3-182f06f82e5c'),
  exchangeP2: plan('EXCHANGE_S_ENTERPRISE', 'efb87545-963c-4e0d-99df-69c6916d9eb0'),
} as const;

/** Builds one SKU; `id` and `accountId` are completed with the tenant id by the generator. */
function sku(skuPartNumber: string, skuId: string, units: number, consumed: number, servicePlans: GraphServicePlanInfo[]): GraphSubscribedSku {
  return {
    id: skuId,
    accountId: '',
    accountName: 'tailspinaero',
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: consumed,
    skuId,
    skuPartNumber,
    subscriptionIds: [],
    prepaidUnits: { enabled: units, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans,
  };
}

const skus = {
  m365E5: () =>
    sku('SPE_E5', '06ebc4ee-1bb5-47dd-8120-11324bc54e06', 250, 212, [
      plans.aadP1, plans.aadP2, plans.auditPremium, plans.defenderP1, plans.defenderP2, plans.exchangeP2,
    ]),
  m365E3: () => sku('SPE_E3', '05e9a617-0261-4cee-bb44-138d3ef5d965', 250, 212, [plans.aadP1, plans.exchangeP2]),
  o365E1: () => sku('STANDARDPACK', '18181a46-0d4e-45cd-891e-60aabd171b4e', 250, 212, [plans.exchangeP1]),
  aadP1: () => sku('AAD_PREMIUM', '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', 250, 212, [plans.aadP1]),
  businessBasic: () => sku('O365_BUSINESS_ESSENTIALS', '3b555118-da6a-4418-894f-7df1e2096870', 50, 41, [plans.exchangeP1]),
};

// Retention per source as the APIs expose it: Audit (Premium) keeps UAL one year, Standard 180 days;
// Entra keeps 30 days with P1/P2 and 7 days on Free; ARM and DevOps keep 90 days regardless.
const premiumRetention: Record<SimSource, number> = { ual: 365, signins: 30, directoryAudits: 30, azureActivity: 90, devopsAudit: 90 };
const standardRetention: Record<SimSource, number> = { ual: 180, signins: 30, directoryAudits: 30, azureActivity: 90, devopsAudit: 90 };
const freeRetention: Record<SimSource, number> = { ual: 180, signins: 7, directoryAudits: 7, azureActivity: 90, devopsAudit: 90 };

/** The fully permitted, fully licensed baseline every other profile deviates from. */
function e5Base(): SimProfile {
  return {
    name: 'e5',
    description:
      'Microsoft 365 E5: Entra ID P2, Audit (Premium) with MailItemsAccessed and one-year UAL retention, Defender for Office 365 P2. ' +
      'The responder is Global Reader with View-Only Audit Logs in Exchange, Reader on every subscription and the DevOps "View audit log" permission.',
    subscribedSkus: [skus.m365E5()],
    hasEntraP1: true,
    hasEntraP2: true,
    hasAuditPremium: true,
    hasDefenderO365: true,
    signedInUserRoles: [{ ...roleTemplates.globalReader }],
    exoRoles: ['View-Only Audit Logs', 'View-Only Configuration'],
    armReadActivity: true,
    devopsAuditRead: true,
    devopsAuditingEnabled: true,
    unifiedAuditLogIngestionEnabled: true,
    orgMailboxAuditDisabled: false,
    bypassedMailboxes: [],
    retentionDays: { ...premiumRetention },
    signInsApiForbidden: false,
  };
}

const builders: Record<SimProfileName, () => SimProfile> = {
  e5: e5Base,
  e3: () => ({
    ...e5Base(),
    name: 'e3',
    description:
      'Microsoft 365 E3: Entra ID P1 (30-day sign-ins), Audit (Standard) with 180-day UAL retention. ' +
      'No MailItemsAccessed, no Defender for Office 365 record types, no Entra risk data.',
    subscribedSkus: [skus.m365E3()],
    hasEntraP2: false,
    hasAuditPremium: false,
    hasDefenderO365: false,
    retentionDays: { ...standardRetention },
  }),
  'p1-only': () => ({
    ...e5Base(),
    name: 'p1-only',
    description:
      'Office 365 E1 plus standalone Entra ID P1: sign-ins readable through Graph for 30 days, but mail is only on Exchange Online Plan 1 ' +
      'with Audit (Standard) — 180-day UAL, no MailItemsAccessed, no Defender for Office 365, no risk data (no P2).',
    subscribedSkus: [skus.o365E1(), skus.aadP1()],
    hasEntraP2: false,
    hasAuditPremium: false,
    hasDefenderO365: false,
    retentionDays: { ...standardRetention },
  }),
  free: () => ({
    ...e5Base(),
    name: 'free',
    description:
      'Microsoft 365 Business Basic on Entra ID Free: the Graph sign-in API answers 403 (non-premium tenant), ' +
      'directory audits reach back only 7 days, UAL is Audit (Standard) with 180 days and no MailItemsAccessed.',
    subscribedSkus: [skus.businessBasic()],
    hasEntraP1: false,
    hasEntraP2: false,
    hasAuditPremium: false,
    hasDefenderO365: false,
    retentionDays: { ...freeRetention },
    signInsApiForbidden: true,
  }),
  'no-global-reader': () => ({
    ...e5Base(),
    name: 'no-global-reader',
    description:
      'E5 tenant, but the responder account holds no directory role, no Exchange audit role, no Azure RBAC read on the ' +
      'Activity Log and no DevOps "View audit log" permission: every source should be reported as not permitted.',
    signedInUserRoles: [],
    exoRoles: [],
    armReadActivity: false,
    devopsAuditRead: false,
  }),
  'ual-disabled': () => ({
    ...e5Base(),
    name: 'ual-disabled',
    description:
      'E5 tenant whose unified audit log ingestion is switched off (UnifiedAuditLogIngestionEnabled False): ' +
      'the UAL returns nothing; Entra, Azure and DevOps logs are unaffected.',
    unifiedAuditLogIngestionEnabled: false,
  }),
  'bypassed-mailbox': () => ({
    ...e5Base(),
    name: 'bypassed-mailbox',
    description:
      `E5 tenant where the account ${simFinanceManagerUpn} has a mailbox audit bypass association (set up long ago for a ` +
      'mail-archiving tool): none of its mailbox actions are logged — including the intruder reading and deleting mail with it.',
    bypassedMailboxes: [simFinanceManagerUpn],
  }),
};

export const profileNames: SimProfileName[] = ['e5', 'e3', 'p1-only', 'free', 'no-global-reader', 'ual-disabled', 'bypassed-mailbox'];

/** A fresh copy each call, so callers may mutate it freely. */
export function getProfile(name: SimProfileName): SimProfile {
  return builders[name]();
}

export function isSimProfileName(value: string): value is SimProfileName {
  return (profileNames as string[]).includes(value);
}
