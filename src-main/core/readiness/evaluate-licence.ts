import type { ReadinessCheck } from '../../../src-shared/domain/readiness.js';
import { cell } from './checks.js';
import type { LicenceFacts, Probe } from './facts.js';

/**
 * The licence cell of the sources that read the Purview audit store (UAL, mailbox audit, Graph
 * audit queries, Management Activity API): Audit (Premium) is complete, Audit (Standard) works
 * with less, no Exchange plan means no Exchange audit at all.
 */
export const AUDIT_PREMIUM_ADVICE =
  'Audit (Premium) — Microsoft 365 E5, E5 Compliance or the Audit (Premium) add-on — keeps the audit log for one year and records MailItemsAccessed, Send and ' +
  'SearchQueryInitiated. It applies from purchase onwards; earlier events stay on the Standard retention.';

export const LICENCES_UNREADABLE_ADVICE =
  'Give the account a directory role that can read the organisation (Global Reader) or grant Organization.Read.All, so licences can be read.';

export function auditLicenceCell(licences: Probe<LicenceFacts>, subject: string): ReadinessCheck {
  if (licences.outcome !== 'ok') {
    return cell('licence', 'unknown', `Licences could not be read: ${licences.reason}`, licences.evidence, LICENCES_UNREADABLE_ADVICE);
  }
  const l = licences.value;
  const skus = l.skus.join(', ') || 'none';
  if (l.auditPremium) {
    return cell('licence', 'ok', `${subject}: Audit (Premium) is licensed (${skus}): one-year retention and premium mailbox events.`, licences.evidence);
  }
  if (l.exchange) {
    return cell(
      'licence',
      'warning',
      `${subject}: Audit (Standard) only (${skus}): 180-day retention, no MailItemsAccessed or Send events.`,
      licences.evidence,
      AUDIT_PREMIUM_ADVICE,
    );
  }
  return cell('licence', 'blocked', `${subject}: no Exchange Online plan in the enabled licences (${skus}).`, licences.evidence, 'License Exchange Online (any Microsoft 365 / Office 365 suite) for audit search.');
}

/** Entra P1/P2 as learnt from licences, or (when they are unreadable) from the sign-in API's own answer. */
export function entraPremiumKnown(licences: Probe<LicenceFacts>, signInsRead: Probe<null>): boolean | null {
  if (licences.outcome === 'ok') return licences.value.entraP1;
  if (signInsRead.outcome === 'ok') return true;
  if (signInsRead.outcome === 'unlicensed') return false;
  return null;
}
