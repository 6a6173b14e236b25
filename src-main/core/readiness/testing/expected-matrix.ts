import type { CheckStatus, ReadinessSourceId } from '../../../../src-shared/domain/readiness.js';
import type { SimDataset, SimProfile } from '../../../sim/data/types.js';
import { effectiveExoRoles, permittedCmdlet } from '../../../sim/server/exo/exo-rbac.js';

/**
 * What readiness must report for a simulated tenant, worked out from the profile's definition
 * (licences, roles, switches, retention) rather than from Cirrus's own code, so the two can
 * disagree and the test can fail.
 */
export interface ExpectedSource {
  statuses: [CheckStatus, CheckStatus, CheckStatus, CheckStatus];
  retentionDays: number;
  findings?: string[];
}

const NA: CheckStatus = 'notApplicable';

export function expectedMatrix(p: SimProfile, dataset: SimDataset): Record<ReadinessSourceId, ExpectedSource> {
  const plans = new Set(p.subscribedSkus.flatMap((s) => s.servicePlans.map((sp) => sp.servicePlanName)));
  const hasExchange = [...plans].some((n) => n.startsWith('EXCHANGE_S_'));
  const auditLicence: CheckStatus = p.hasAuditPremium ? 'ok' : hasExchange ? 'warning' : 'blocked';
  const exoRoles = effectiveExoRoles(p.exoRoles, p.signedInUserRoles.map((r) => r.roleTemplateId));
  const may = (cmdlet: string) => permittedCmdlet(cmdlet, exoRoles) !== null;
  const canSearch = may('Search-UnifiedAuditLog');
  const ingestion: CheckStatus = !may('Get-AdminAuditLogConfig') ? 'unknown' : p.unifiedAuditLogIngestionEnabled ? 'ok' : 'blocked';
  // The profile's bypasses, plus any the simulated intruder set (the tenant's end state).
  const bypassed = dataset.tenantConfig.mailboxAuditBypass.filter((b) => b.auditBypassEnabled).map((b) => b.identity);
  for (const upn of p.bypassedMailboxes) if (!bypassed.includes(upn)) throw new Error(`profile ${p.name} bypasses ${upn}, but the simulated tenant does not`);
  const mailboxSetting: CheckStatus =
    !may('Get-OrganizationConfig') || !may('Get-MailboxAuditBypassAssociation') ? 'unknown' : p.orgMailboxAuditDisabled ? 'blocked' : bypassed.length ? 'warning' : 'ok';
  // Every profile's roles are report readers; a profile without roles has none.
  const reportReader = p.signedInUserRoles.length > 0;
  const subscriptions = dataset.azure.subscriptions.length;
  const orgs = dataset.devops.organizations.map((o) => o.accountName);
  const orgsWithEvents = orgs.filter((o) => p.devopsAuditingEnabled && dataset.devops.audit.some((e) => e.organization.toLowerCase() === o.toLowerCase()));
  // The Management API has content only for started subscriptions; a fresh simulator has none started.
  const mgmtSetting: CheckStatus = ingestion === 'ok' ? 'warning' : ingestion;

  return {
    ual: { statuses: [auditLicence, canSearch ? 'ok' : 'blocked', ingestion, 'ok'], retentionDays: p.retentionDays.ual },
    mailboxAudit: { statuses: [auditLicence, canSearch ? 'ok' : 'blocked', mailboxSetting, 'ok'], retentionDays: p.retentionDays.ual, findings: mailboxSetting === 'unknown' ? [] : bypassed },
    entraSignIns: {
      statuses: [p.hasEntraP1 ? 'ok' : 'blocked', reportReader ? 'ok' : 'blocked', NA, p.hasEntraP1 ? 'ok' : 'warning'],
      retentionDays: p.retentionDays.signins,
    },
    entraAudit: { statuses: ['ok', reportReader ? 'ok' : 'blocked', NA, p.hasEntraP1 ? 'ok' : 'warning'], retentionDays: p.retentionDays.directoryAudits },
    azureActivity: { statuses: [NA, subscriptions > 0 && p.armReadActivity ? 'ok' : 'blocked', NA, 'ok'], retentionDays: p.retentionDays.azureActivity },
    devops: {
      statuses: [
        NA,
        orgs.length === 0 ? NA : p.devopsAuditRead ? 'ok' : 'blocked',
        orgs.length === 0 ? NA : !p.devopsAuditRead ? 'unknown' : orgsWithEvents.length === orgs.length ? 'ok' : 'warning',
        'ok',
      ],
      retentionDays: p.retentionDays.devopsAudit,
    },
    graphAuditQuery: { statuses: [auditLicence, canSearch ? 'ok' : 'blocked', ingestion, 'ok'], retentionDays: p.retentionDays.ual },
    managementApi: { statuses: [auditLicence, 'ok', mgmtSetting, 'ok'], retentionDays: 7 },
  };
}
