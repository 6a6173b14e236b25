import type { ReadinessCheck } from '../../../src-shared/domain/readiness.js';
import { cell, failureCell, notApplicable } from './checks.js';
import type { ArmSubscriptionAccess, DevOpsOrgAccess, Probe } from './facts.js';
import { READ_ACTIVITY_ACTION } from './arm-probe.js';

/** Azure Activity Log and Azure DevOps audit: per subscription / per organisation access. */
const ARM_ADVICE = `Assign Reader (or Monitoring Reader) to the account on each subscription or a parent management group; it grants ${READ_ACTIVITY_ACTION}.`;
const DEVOPS_ADVICE =
  'In each organisation: Organization settings → Permissions → give the account "View audit log" (Project Collection Administrators hold it). ' +
  'The organisation must be connected to this Entra tenant.';
const DEVOPS_AUDITING_ADVICE = 'Organization settings → Policies → turn on "Log Audit Events". Events from the time it was off are not recoverable.';

export function azurePrivilegeCell(arm: Probe<ArmSubscriptionAccess[]>): ReadinessCheck {
  if (arm.outcome !== 'ok') return failureCell('privilege', arm, 'Azure subscriptions', { denied: ARM_ADVICE });
  const subs = arm.value;
  if (subs.length === 0) {
    return cell('privilege', 'blocked', 'No Azure subscription is visible to this account: it holds no Azure role here (or the tenant has no subscription).', arm.evidence, ARM_ADVICE);
  }
  const lacking = subs.filter((s) => s.canReadActivity !== true);
  const findings = lacking.map((s) => ({
    kind: 'subscriptionAccess',
    subject: `${s.displayName} (${s.subscriptionId})`,
    detail: s.canReadActivity === false ? `${READ_ACTIVITY_ACTION} is not allowed` : 'permissions could not be read',
  }));
  if (lacking.length === 0) return cell('privilege', 'ok', `The Activity Log is readable on all ${subs.length} visible subscription(s).`, arm.evidence);
  if (lacking.length < subs.length) {
    return cell('privilege', 'warning', `The Activity Log is readable on ${subs.length - lacking.length} of ${subs.length} subscription(s).`, arm.evidence, ARM_ADVICE, findings);
  }
  const status = lacking.some((s) => s.canReadActivity === false) ? 'blocked' : 'unknown';
  return cell('privilege', status, `The Activity Log is not readable on any of the ${subs.length} visible subscription(s).`, arm.evidence, ARM_ADVICE, findings);
}

export const AZURE_ALWAYS_ON = 'Azure records control-plane operations in every subscription; there is no setting to turn it off.';

export function devopsPrivilegeCell(devops: Probe<DevOpsOrgAccess[]>): ReadinessCheck {
  if (devops.outcome !== 'ok') return failureCell('privilege', devops, 'Azure DevOps', { denied: DEVOPS_ADVICE });
  const orgs = devops.value;
  if (orgs.length === 0) return notApplicable('privilege', 'The account belongs to no Azure DevOps organisation connected to this tenant.');
  const lacking = orgs.filter((o) => o.access !== 'ok');
  const findings = lacking.map((o) => ({ kind: 'organisationAccess', subject: o.name, detail: o.detail }));
  if (lacking.length === 0) return cell('privilege', 'ok', `The audit log is readable in all ${orgs.length} organisation(s): ${orgs.map((o) => o.name).join(', ')}.`, devops.evidence);
  if (lacking.length < orgs.length) {
    return cell('privilege', 'warning', `The audit log is readable in ${orgs.length - lacking.length} of ${orgs.length} organisation(s).`, devops.evidence, DEVOPS_ADVICE, findings);
  }
  const status = lacking.some((o) => o.access === 'denied') ? 'blocked' : 'unknown';
  return cell('privilege', status, `The audit log is not readable in any of the ${orgs.length} organisation(s).`, devops.evidence, DEVOPS_ADVICE, findings);
}

export function devopsAuditingCell(devops: Probe<DevOpsOrgAccess[]>, retentionDays: number): ReadinessCheck {
  if (devops.outcome === 'notInCloud') return notApplicable('auditSetting', devops.reason);
  if (devops.outcome !== 'ok') return cell('auditSetting', 'unknown', `Whether auditing is on cannot be told without reading the audit log (${devops.reason}).`, devops.evidence);
  if (devops.value.length === 0) return notApplicable('auditSetting', 'No Azure DevOps organisation to check.');
  const readable = devops.value.filter((o) => o.access === 'ok');
  if (readable.length === 0) return cell('auditSetting', 'unknown', 'Whether auditing is on cannot be told: no organisation audit log is readable.', devops.evidence);
  const silent = readable.filter((o) => o.eventsFound === 0);
  const findings = silent.map((o) => ({ kind: 'auditingOff', subject: o.name, detail: `No audit event in the last ${retentionDays} days: "Log Audit Events" is probably off.` }));
  const unchecked = devops.value.length - readable.length;
  const tail = unchecked > 0 ? ` ${unchecked} organisation(s) could not be checked.` : '';
  if (silent.length > 0) {
    return cell('auditSetting', 'warning', `${silent.length} organisation(s) have an empty audit log: auditing is probably switched off.${tail}`, devops.evidence, DEVOPS_AUDITING_ADVICE, findings);
  }
  return cell('auditSetting', unchecked > 0 ? 'warning' : 'ok', `Audit events are being recorded in ${readable.length} organisation(s).${tail}`, devops.evidence);
}
