import type { ReadinessCheck } from '../../../src-shared/domain/readiness.js';
import { cell, failureCell } from './checks.js';
import { LICENCES_UNREADABLE_ADVICE } from './evaluate-licence.js';
import type { DirectoryRole, LicenceFacts, Probe } from './facts.js';

/**
 * Entra sign-in and audit reports. The report APIs answer permission before licence (as Graph
 * does), so when the sign-in API says "no premium licence" the account's roles decide the
 * privilege cell.
 */
export const REPORT_READER_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': 'Global Reader',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  '5d6b6bb7-de71-4623-b4af-96380a352509': 'Security Reader',
  '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f': 'Security Operator',
  '4a5d8f65-41da-4de4-8968-e035b65339cf': 'Reports Reader',
};

export const ENTRA_ROLE_ADVICE =
  'Assign the Global Reader (or Security Reader / Reports Reader) Entra role to the account; with PIM, activate it before collecting. ' +
  'The app also needs AuditLog.Read.All with admin consent.';

const P1_ADVICE =
  'License Entra ID P1 or P2 (standalone, or through Microsoft 365 E3/E5, Business Premium or EMS): the Graph API serves sign-ins only to premium tenants, ' +
  'and after the upgrade only the last 7 days of earlier history become visible. Sign-ins also reach the UAL (AzureActiveDirectoryStsLogon) where it is on.';

export function signInsLicenceCell(licences: Probe<LicenceFacts>, signInsRead: Probe<null>): ReadinessCheck {
  if (licences.outcome === 'ok') {
    const l = licences.value;
    if (l.entraP2) return cell('licence', 'ok', 'Entra ID P2: sign-ins readable through Graph, with risk details.', licences.evidence);
    if (l.entraP1) return cell('licence', 'ok', 'Entra ID P1: sign-ins readable through Graph (risk fields stay hidden without P2).', licences.evidence);
    return cell('licence', 'blocked', `No Entra ID P1/P2 among the enabled licences (${l.skus.join(', ') || 'none'}): Graph refuses sign-in logs.`, licences.evidence, P1_ADVICE);
  }
  if (signInsRead.outcome === 'unlicensed') return cell('licence', 'blocked', `Graph refused sign-ins for lack of a premium licence: ${signInsRead.reason}`, signInsRead.evidence, P1_ADVICE);
  if (signInsRead.outcome === 'ok') return cell('licence', 'ok', 'Licences could not be read, but the sign-in log answered, so a premium licence is present.', [...licences.evidence, ...signInsRead.evidence]);
  return cell('licence', 'unknown', `Licences could not be read: ${licences.reason}`, licences.evidence, LICENCES_UNREADABLE_ADVICE);
}

export function directoryAuditLicenceCell(licences: Probe<LicenceFacts>): ReadinessCheck {
  const edition = licences.outcome === 'ok' ? (licences.value.entraP1 ? ' (Entra ID P1/P2 present)' : ' (Entra ID Free: 7 days only)') : '';
  return cell('licence', 'ok', `Directory audit logs are available in every Entra ID edition${edition}.`, licences.evidence);
}

function readerRoles(roles: Probe<DirectoryRole[]>): DirectoryRole[] | null {
  return roles.outcome === 'ok' ? roles.value.filter((r) => REPORT_READER_ROLES[r.roleTemplateId] !== undefined) : null;
}

export function reportPrivilegeCell(read: Probe<null>, roles: Probe<DirectoryRole[]>, report: string): ReadinessCheck {
  if (read.outcome === 'ok') return cell('privilege', 'ok', `The ${report} answered: this account may read it.`, [...read.evidence, ...roles.evidence]);
  if (read.outcome === 'unlicensed') {
    // The API stopped at the licence; the roles say whether the account would be allowed.
    const held = readerRoles(roles);
    const evidence = [...read.evidence, ...roles.evidence];
    if (held === null) return cell('privilege', 'unknown', `The ${report} is blocked by licence and the account's roles could not be read.`, evidence);
    if (held.length > 0) return cell('privilege', 'ok', `The account holds ${held.map((r) => r.displayName).join(', ')}, which may read the ${report} (once licensed).`, evidence);
    return cell('privilege', 'blocked', `The account holds no directory role that may read the ${report}.`, evidence, ENTRA_ROLE_ADVICE);
  }
  const failed = failureCell('privilege', read, `The ${report}`, { denied: ENTRA_ROLE_ADVICE });
  return { ...failed, evidence: [...failed.evidence, ...roles.evidence] };
}

export const ENTRA_ALWAYS_ON = 'Entra ID records this log in every tenant; there is no setting to turn it off.';
