import type { ReadinessSourceId } from '../../../src-shared/domain/readiness.js';

/**
 * How long each service keeps each log, by licence: the ONE place these numbers live. Each
 * entry says where the number comes from (sections of the Microsoft API notes, which cite the
 * public documentation). `reduced` marks the cut-down retention of a missing licence.
 */
export interface RetentionEntry {
  days: number;
  source: string;
  reduced: boolean;
}

const NOTES = 'Microsoft API notes';

export const RETENTION = {
  ualStandard: { days: 180, source: `Audit (Standard): 180 days (${NOTES} §3.5)`, reduced: false },
  ualPremium: { days: 365, source: `Audit (Premium, e.g. E5 / M365_ADVANCED_AUDITING): 1 year by default (${NOTES} §3.5)`, reduced: false },
  signInsPremium: { days: 30, source: `Entra ID P1/P2: 30 days (${NOTES} §1.5)`, reduced: false },
  signInsFree: { days: 7, source: `Entra ID Free: 7 days, and the Graph API refuses sign-ins without P1 (${NOTES} §1.2, §1.5)`, reduced: true },
  entraAuditPremium: { days: 30, source: `Entra ID P1/P2: 30 days (${NOTES} §2.1)`, reduced: false },
  entraAuditFree: { days: 7, source: `Entra ID Free: 7 days (${NOTES} §2.1)`, reduced: true },
  azureActivity: { days: 90, source: `Azure Activity Log: 90 days (${NOTES} §6.2)`, reduced: false },
  devops: { days: 90, source: `Azure DevOps auditing: 90 days (${NOTES} §7.2)`, reduced: false },
  managementApi: { days: 7, source: `Management Activity API: content listable up to 7 days back (${NOTES} §5.3); older data only through the UAL`, reduced: false },
} as const satisfies Record<string, RetentionEntry>;

/** What decides retention: licence facts readiness found; null where they could not be learnt. */
export interface RetentionLicences {
  auditPremium: boolean | null;
  entraPremium: boolean | null;
}

const pick = (known: boolean | null, yes: RetentionEntry, no: RetentionEntry): RetentionEntry | null => (known === null ? null : known ? yes : no);

/** The retention that applies to a source; null when it depends on a licence that is unknown. */
export function retentionFor(source: ReadinessSourceId, licences: RetentionLicences): RetentionEntry | null {
  switch (source) {
    case 'ual':
    case 'mailboxAudit':
    case 'graphAuditQuery':
      // Mailbox audit records and audit-log queries read the same Purview audit store as the UAL.
      return pick(licences.auditPremium, RETENTION.ualPremium, RETENTION.ualStandard);
    case 'entraSignIns':
      return pick(licences.entraPremium, RETENTION.signInsPremium, RETENTION.signInsFree);
    case 'entraAudit':
      return pick(licences.entraPremium, RETENTION.entraAuditPremium, RETENTION.entraAuditFree);
    case 'azureActivity':
      return RETENTION.azureActivity;
    case 'devops':
      return RETENTION.devops;
    case 'managementApi':
      return RETENTION.managementApi;
  }
}
