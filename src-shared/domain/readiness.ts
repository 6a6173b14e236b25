import { z } from 'zod';
import { CloudId } from './clouds.js';

/**
 * The readiness matrix: for every log source, can this account in this tenant read it, is the
 * tenant recording it, and how far back does it reach. Every cell carries the calls that decided
 * it and what a tenant admin can do about it, because a responder has to explain gaps later.
 */
export const ReadinessSourceId = z.enum([
  'ual',
  'mailboxAudit',
  'entraSignIns',
  'entraAudit',
  'azureActivity',
  'devops',
  'graphAuditQuery',
  'managementApi',
]);
export type ReadinessSourceId = z.infer<typeof ReadinessSourceId>;

export const readinessSourceLabels: Record<ReadinessSourceId, string> = {
  ual: 'Unified Audit Log (Search-UnifiedAuditLog)',
  mailboxAudit: 'Mailbox audit',
  entraSignIns: 'Entra ID sign-ins',
  entraAudit: 'Entra ID audit',
  azureActivity: 'Azure Activity Log',
  devops: 'Azure DevOps audit',
  graphAuditQuery: 'Graph audit log query',
  managementApi: 'Management Activity API',
};

export const ReadinessCheckId = z.enum(['licence', 'privilege', 'auditSetting', 'history']);
export type ReadinessCheckId = z.infer<typeof ReadinessCheckId>;

export const readinessCheckLabels: Record<ReadinessCheckId, string> = {
  licence: 'Licence',
  privilege: 'Privilege',
  auditSetting: 'Audit setting',
  history: 'History',
};

/**
 * `notApplicable`: the check does not exist for this source (no licence gates the Azure Activity
 * Log, nothing can switch Entra sign-in logging off) or the cloud does not offer the source.
 */
export const CheckStatus = z.enum(['ok', 'warning', 'blocked', 'unknown', 'notApplicable']);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** One call made to decide a check: method and URL (never a token or secret) and the answer in brief. */
export const Evidence = z.object({
  method: z.enum(['GET', 'POST', 'TOKEN']),
  url: z.string(),
  /** For Exchange InvokeCommand: the cmdlet and its parameters. */
  cmdlet: z.string().optional(),
  /** HTTP status; null when no answer arrived (network failure, token not obtained). */
  status: z.number().int().nullable(),
  answer: z.string(),
  at: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Something specific a check found, e.g. one mailbox whose audit is bypassed. */
export const Finding = z.object({ kind: z.string(), subject: z.string(), detail: z.string() });
export type Finding = z.infer<typeof Finding>;

export const ReadinessCheck = z.object({
  check: ReadinessCheckId,
  status: CheckStatus,
  summary: z.string(),
  evidence: z.array(Evidence),
  /** What a tenant admin can do; null when nothing needs doing. */
  remediation: z.string().nullable(),
  findings: z.array(Finding),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheck>;

export const HistoryInfo = z.object({
  /** Days the service keeps this source for this tenant's licences; null when it could not be decided. */
  retentionDays: z.number().int().nullable(),
  retentionSource: z.string(),
  /** ISO date-time: the oldest moment still recoverable now (now − retention). */
  earliestRecoverable: z.string().nullable(),
  /** The start of the period the investigation needs, when one was given. */
  periodStart: z.string().nullable(),
  /** Days until data from `periodStart` rolls off (negative: already gone); null without a period. */
  rollsOffInDays: z.number().nullable(),
});
export type HistoryInfo = z.infer<typeof HistoryInfo>;

export const ReadinessSource = z.object({
  source: ReadinessSourceId,
  label: z.string(),
  /** Worst of the checks (blocked > unknown > warning > ok; not-applicable ignored). */
  overall: CheckStatus,
  /** Always four, in ReadinessCheckId order. */
  checks: z.array(ReadinessCheck),
  history: HistoryInfo,
});
export type ReadinessSource = z.infer<typeof ReadinessSource>;

export const ReadinessRunInput = z
  .object({
    /** Start of the period of interest (ISO date or date-time); enables "rolls off in N days". */
    periodStart: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  })
  .strict();
export type ReadinessRunInput = z.input<typeof ReadinessRunInput>;

export const ReadinessRun = z.object({
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  cloud: CloudId,
  tenantId: z.string(),
  account: z.string(),
  clientId: z.string(),
  periodStart: z.string().nullable(),
  sources: z.array(ReadinessSource),
  /** Source ids, most urgent first: soonest roll-off (or shortest retention), then the blocked ones. */
  urgency: z.array(ReadinessSourceId),
});
export type ReadinessRun = z.infer<typeof ReadinessRun>;

const severity: Record<CheckStatus, number> = { notApplicable: -1, ok: 0, warning: 1, unknown: 2, blocked: 3 };

/** The worst status among checks; `notApplicable` only when every check is. */
export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  let worst: CheckStatus = 'notApplicable';
  for (const s of statuses) if (severity[s] > severity[worst]) worst = s;
  return worst;
}
