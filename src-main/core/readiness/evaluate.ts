import type { CloudProfile } from '../../../src-shared/domain/clouds.js';
import {
  readinessSourceLabels,
  worstStatus,
  type ReadinessCheck,
  type ReadinessSource,
  type ReadinessSourceId,
} from '../../../src-shared/domain/readiness.js';
import { notApplicable } from './checks.js';
import { AZURE_ALWAYS_ON, azurePrivilegeCell, devopsAuditingCell, devopsPrivilegeCell } from './evaluate-azure-devops.js';
import { ENTRA_ALWAYS_ON, directoryAuditLicenceCell, reportPrivilegeCell, signInsLicenceCell } from './evaluate-entra.js';
import { auditSearchPrivilegeCell, ingestionCell, mailboxAuditSettingCell } from './evaluate-exchange.js';
import { auditLicenceCell, entraPremiumKnown } from './evaluate-licence.js';
import { auditQueryPrivilegeCell, mgmtPrivilegeCell, mgmtSettingCell } from './evaluate-purview.js';
import type { ReadinessFacts } from './facts.js';
import { historyCell } from './history.js';
import { RETENTION, retentionFor, type RetentionLicences } from './retention-table.js';

/** Turns the facts of one run into the matrix: eight sources × four checks, plus the urgency order. */
export const SOURCE_ORDER: readonly ReadinessSourceId[] = ['ual', 'mailboxAudit', 'entraSignIns', 'entraAudit', 'azureActivity', 'devops', 'graphAuditQuery', 'managementApi'];

type Cells = [ReadinessCheck, ReadinessCheck, ReadinessCheck];

/** Why a source does not exist in this cloud, or null when it does. */
function unavailability(source: ReadinessSourceId, cloud: CloudProfile): string | null {
  const e = cloud.endpoints;
  switch (source) {
    case 'ual':
    case 'mailboxAudit':
      if (cloud.id === 'china') return 'Not available in China (21Vianet): Search-UnifiedAuditLog exists there but returns nothing.';
      return e.exo.value ? null : `Exchange Online is not offered in ${cloud.label}.`;
    case 'graphAuditQuery':
      return cloud.graphAuditQuery.value ? null : `Not available in ${cloud.label}: ${cloud.graphAuditQuery.source}.`;
    case 'managementApi':
      return e.mgmt.value ? null : `Not available in ${cloud.label}: ${e.mgmt.source}.`;
    case 'devops':
      return e.devopsAudit.value ? null : `Not available in ${cloud.label}: ${e.devopsAudit.source}.`;
    case 'azureActivity':
      return e.arm.value ? null : `Azure Resource Manager is not offered in ${cloud.label}.`;
    default:
      return null;
  }
}

function cellsFor(source: ReadinessSourceId, f: ReadinessFacts): Cells {
  switch (source) {
    case 'ual':
      return [auditLicenceCell(f.licences, 'Unified audit log'), auditSearchPrivilegeCell(f.exo.auditSearch), ingestionCell(f.exo.ingestion, 'Unified audit log')];
    case 'mailboxAudit':
      return [auditLicenceCell(f.licences, 'Mailbox audit'), auditSearchPrivilegeCell(f.exo.auditSearch), mailboxAuditSettingCell(f.exo)];
    case 'entraSignIns':
      return [signInsLicenceCell(f.licences, f.signInsRead), reportPrivilegeCell(f.signInsRead, f.roles, 'sign-in log'), notApplicable('auditSetting', ENTRA_ALWAYS_ON)];
    case 'entraAudit':
      return [directoryAuditLicenceCell(f.licences), reportPrivilegeCell(f.directoryAuditsRead, f.roles, 'directory audit log'), notApplicable('auditSetting', ENTRA_ALWAYS_ON)];
    case 'azureActivity':
      return [
        notApplicable('licence', 'No Microsoft 365 or Entra licence is involved: the log belongs to each Azure subscription.'),
        azurePrivilegeCell(f.arm),
        notApplicable('auditSetting', AZURE_ALWAYS_ON),
      ];
    case 'devops':
      return [
        notApplicable('licence', 'No licence gates the DevOps audit log; the organisation must be connected to Entra ID.'),
        devopsPrivilegeCell(f.devops),
        devopsAuditingCell(f.devops, RETENTION.devops.days),
      ];
    case 'graphAuditQuery':
      return [auditLicenceCell(f.licences, 'Graph audit log query'), auditQueryPrivilegeCell(f.auditQueryRead), ingestionCell(f.exo.ingestion, 'Audit log queries search the unified audit log')];
    case 'managementApi':
      return [auditLicenceCell(f.licences, 'Management Activity API'), mgmtPrivilegeCell(f.mgmt), mgmtSettingCell(f.exo.ingestion, f.mgmt)];
  }
}

export function evaluateReadiness(facts: ReadinessFacts, cloud: CloudProfile, now: Date, periodStart: Date | null): { sources: ReadinessSource[]; urgency: ReadinessSourceId[] } {
  const licences: RetentionLicences = {
    auditPremium: facts.licences.outcome === 'ok' ? facts.licences.value.auditPremium : null,
    entraPremium: entraPremiumKnown(facts.licences, facts.signInsRead),
  };
  const sources = SOURCE_ORDER.map((source): ReadinessSource => {
    const missing = unavailability(source, cloud);
    const cells: Cells = missing
      ? [notApplicable('licence', missing), notApplicable('privilege', missing), notApplicable('auditSetting', missing)]
      : cellsFor(source, facts);
    const history = historyCell(missing ? null : retentionFor(source, licences), now, periodStart, missing);
    const checks = [...cells, history.check];
    return { source, label: readinessSourceLabels[source], overall: worstStatus(checks.map((c) => c.status)), checks, history: history.info };
  });
  return { sources, urgency: urgencyOrder(sources) };
}

/**
 * Most urgent first: sources whose period start rolls off soonest (or, without a period, the
 * shortest retention); sources not offered at all go last.
 */
export function urgencyOrder(sources: readonly ReadinessSource[]): ReadinessSourceId[] {
  const key = (s: ReadinessSource) => {
    if (s.overall === 'notApplicable') return Number.POSITIVE_INFINITY;
    return s.history.rollsOffInDays ?? s.history.retentionDays ?? Number.MAX_SAFE_INTEGER;
  };
  return [...sources]
    .map((s, i) => ({ s, i }))
    .sort((a, b) => key(a.s) - key(b.s) || a.i - b.i)
    .map(({ s }) => s.source);
}
