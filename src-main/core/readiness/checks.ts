import type { CheckStatus, Evidence, Finding, ReadinessCheck, ReadinessCheckId } from '../../../src-shared/domain/readiness.js';
import type { ProbeFailure } from './facts.js';

/** Small builders shared by the evaluators, so every cell has the same shape. */
export function cell(
  check: ReadinessCheckId,
  status: CheckStatus,
  summary: string,
  evidence: Evidence[] = [],
  remediation: string | null = null,
  findings: Finding[] = [],
): ReadinessCheck {
  return { check, status, summary, evidence, remediation, findings };
}

export const notApplicable = (check: ReadinessCheckId, why: string): ReadinessCheck => cell(check, 'notApplicable', why);

export interface FailureAdvice {
  /** What to do when the account or app was refused (401/403, cmdlet not recognized). */
  denied: string;
  /** What to do when no token could be obtained for the resource. */
  noToken?: string;
}

export const NO_TOKEN_ADVICE =
  'Grant admin consent for the permission this source needs, or sign in with an own app registration that holds it (see the sign-in requirements).';

/** A cell for a probe that did not succeed: refusals block, missing answers leave the cell unknown. */
export function failureCell(check: ReadinessCheckId, failure: ProbeFailure, what: string, advice: FailureAdvice): ReadinessCheck {
  switch (failure.outcome) {
    case 'denied':
      return cell(check, 'blocked', `${what}: refused — ${failure.reason}`, failure.evidence, advice.denied);
    case 'noToken':
      return cell(check, 'blocked', `${what}: no token could be obtained — ${failure.reason}`, failure.evidence, advice.noToken ?? NO_TOKEN_ADVICE);
    case 'unlicensed':
      return cell(check, 'blocked', `${what}: the service answered that the tenant lacks the licence — ${failure.reason}`, failure.evidence);
    case 'notInCloud':
      return notApplicable(check, failure.reason);
    case 'failed':
      return cell(check, 'unknown', `${what}: no usable answer — ${failure.reason}`, failure.evidence, 'Run the check again; if it keeps failing, check the network path (proxy, TLS inspection) to the service.');
  }
}
