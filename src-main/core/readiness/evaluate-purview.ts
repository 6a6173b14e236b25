import type { ReadinessCheck } from '../../../src-shared/domain/readiness.js';
import { cell, failureCell } from './checks.js';
import { EXO_AUDIT_ROLE_ADVICE, ingestionCell } from './evaluate-exchange.js';
import type { MgmtFacts, Probe } from './facts.js';

/** Graph audit log queries and the Management Activity API: two more doors to the Purview audit store. */
const AUDIT_QUERY_ADVICE =
  'Grant admin consent for AuditLogsQuery.Read.All to an own app registration (the default Azure CLI client is not pre-authorized for it; Microsoft Graph ' +
  `Command Line Tools can be consented instead), and give the account Purview audit read rights. ${EXO_AUDIT_ROLE_ADVICE}`;
const MGMT_ADVICE =
  'Register an own application with the delegated permission Office 365 Management APIs → ActivityFeed.Read (and ActivityFeed.ReadDlp), grant admin consent, ' +
  'and sign in with its client id. No first-party client is known to reach this API.';

export function auditQueryPrivilegeCell(read: Probe<null>): ReadinessCheck {
  if (read.outcome !== 'ok') return failureCell('privilege', read, 'Graph audit log queries', { denied: AUDIT_QUERY_ADVICE, noToken: AUDIT_QUERY_ADVICE });
  return cell('privilege', 'ok', 'Audit log queries answered: this account and app may run them.', read.evidence);
}

export function mgmtPrivilegeCell(mgmt: Probe<MgmtFacts>): ReadinessCheck {
  if (mgmt.outcome !== 'ok') return failureCell('privilege', mgmt, 'Management Activity API', { denied: MGMT_ADVICE, noToken: MGMT_ADVICE });
  return cell('privilege', 'ok', 'The Management Activity API accepted the token (ActivityFeed.Read).', mgmt.evidence);
}

const AUDIT_CONTENT_TYPES = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General'];

export function mgmtSettingCell(ingestion: Probe<{ enabled: boolean | null }>, mgmt: Probe<MgmtFacts>): ReadinessCheck {
  const base = ingestionCell(ingestion, 'The Management Activity API serves the unified audit log');
  if (base.status !== 'ok') return base;
  if (mgmt.outcome !== 'ok') return cell('auditSetting', 'unknown', `Ingestion is on, but the content subscriptions could not be read: ${mgmt.reason}`, [...base.evidence, ...mgmt.evidence]);
  const enabled = new Set(mgmt.value.subscriptions.filter((s) => /enabled/i.test(s.status)).map((s) => s.contentType.toLowerCase()));
  const missing = AUDIT_CONTENT_TYPES.filter((t) => !enabled.has(t.toLowerCase()));
  const evidence = [...base.evidence, ...mgmt.evidence];
  if (missing.length === 0) return cell('auditSetting', 'ok', 'Ingestion is on and every Audit.* content subscription is running.', evidence);
  return cell(
    'auditSetting',
    'warning',
    `Ingestion is on, but ${missing.length} content subscription(s) are not started (${missing.join(', ')}): the API has no content from before a start.`,
    evidence,
    'Start the subscriptions (POST …/subscriptions/start?contentType=…); first content can take up to 12 hours. Older events remain reachable through the UAL.',
    missing.map((t) => ({ kind: 'subscriptionNotStarted', subject: t, detail: 'content subscription not enabled' })),
  );
}
