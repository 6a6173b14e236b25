import type { ReadinessCheck } from '../../../src-shared/domain/readiness.js';
import { cell, failureCell } from './checks.js';
import type { ExoFacts, Probe } from './facts.js';

/**
 * Exchange-backed cells: who may search the audit log, whether the tenant records it
 * (UnifiedAuditLogIngestionEnabled), and whether mailbox auditing is off or bypassed.
 */
export const EXO_AUDIT_ROLE_ADVICE =
  'In the Exchange admin center → Roles → Admin roles, add the account to a role group holding View-Only Audit Logs (for example Compliance Management, ' +
  'or a custom group). Global Reader alone does not include it. Role changes can take up to an hour.';

const EXO_CONFIG_ROLE_ADVICE = 'Give the account the View-Only Configuration role in Exchange Online (Global Reader brings it) so audit settings can be read.';

export const INGESTION_ADVICE =
  'Turn the unified audit log on: Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true in Exchange Online PowerShell (needs the Audit Logs role; ' +
  'Enable-OrganizationCustomization may be needed first), or "Start recording user and admin activity" in the Purview portal. It takes up to an hour, ' +
  'and nothing from the time it was off can be recovered. Someone turning it off is itself an indicator: look for Set-AdminAuditLogConfig in the log.';

export function auditSearchPrivilegeCell(search: Probe<{ warnings: string[] }>): ReadinessCheck {
  if (search.outcome !== 'ok') return failureCell('privilege', search, 'Search-UnifiedAuditLog', { denied: EXO_AUDIT_ROLE_ADVICE });
  const warnings = search.value.warnings.length ? ` (warnings: ${search.value.warnings.join('; ')})` : '';
  return cell('privilege', 'ok', `Search-UnifiedAuditLog is permitted for this account${warnings}.`, search.evidence);
}

export function ingestionCell(ingestion: Probe<{ enabled: boolean | null }>, subject: string): ReadinessCheck {
  if (ingestion.outcome !== 'ok') {
    const failed = failureCell('auditSetting', ingestion, 'Get-AdminAuditLogConfig', { denied: EXO_CONFIG_ROLE_ADVICE });
    // Not being allowed to read a setting says nothing about the setting itself.
    return failed.status === 'blocked' ? { ...failed, status: 'unknown', summary: `Audit ingestion could not be read — ${failed.summary}` } : failed;
  }
  switch (ingestion.value.enabled) {
    case true:
      return cell('auditSetting', 'ok', `${subject}: unified audit log ingestion is on (UnifiedAuditLogIngestionEnabled True).`, ingestion.evidence);
    case false:
      return cell('auditSetting', 'blocked', `${subject}: unified audit log ingestion is OFF (UnifiedAuditLogIngestionEnabled False): nothing is being recorded.`, ingestion.evidence, INGESTION_ADVICE);
    default:
      return cell('auditSetting', 'unknown', 'Get-AdminAuditLogConfig answered without UnifiedAuditLogIngestionEnabled.', ingestion.evidence);
  }
}

export function mailboxAuditSettingCell(exo: ExoFacts): ReadinessCheck {
  const evidence = [...exo.orgAudit.evidence, ...exo.bypass.evidence];
  const findings =
    exo.bypass.outcome === 'ok'
      ? exo.bypass.value.bypassed.map((m) => ({ kind: 'auditBypass', subject: m, detail: 'Mailbox audit bypass is enabled: actions on this mailbox are not logged.' }))
      : [];
  const bypassAdvice =
    'Run Set-MailboxAuditBypassAssociation -Identity <account> -AuditBypassEnabled $false for each listed account, and find out who set the bypass and when ' +
    '(an intruder may have set it to hide mailbox access).';
  if (exo.orgAudit.outcome !== 'ok') {
    const failed = failureCell('auditSetting', exo.orgAudit, 'Get-OrganizationConfig', { denied: EXO_CONFIG_ROLE_ADVICE });
    return { ...failed, status: failed.status === 'blocked' ? 'unknown' : failed.status, evidence, findings };
  }
  if (exo.orgAudit.value.auditDisabled === true) {
    return cell(
      'auditSetting',
      'blocked',
      'Mailbox auditing is turned OFF for the whole organisation (AuditDisabled True).',
      evidence,
      'Run Set-OrganizationConfig -AuditDisabled $false. Mailbox actions from the time it was off are not recoverable.' + (findings.length ? ` ${bypassAdvice}` : ''),
      findings,
    );
  }
  if (exo.orgAudit.value.auditDisabled === null) return cell('auditSetting', 'unknown', 'Get-OrganizationConfig answered without AuditDisabled.', evidence, null, findings);
  if (exo.bypass.outcome !== 'ok') {
    return cell('auditSetting', 'unknown', `Mailbox auditing is on for the organisation, but audit bypasses could not be read: ${exo.bypass.reason}`, evidence, EXO_CONFIG_ROLE_ADVICE);
  }
  if (findings.length > 0) {
    return cell('auditSetting', 'warning', `Mailbox auditing is on, but ${findings.length} account(s) bypass it: ${findings.map((f) => f.subject).join(', ')}.`, evidence, bypassAdvice, findings);
  }
  return cell('auditSetting', 'ok', 'Mailbox auditing is on for the organisation and no account bypasses it.', evidence);
}
