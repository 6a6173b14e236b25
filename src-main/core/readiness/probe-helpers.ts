import type { Evidence } from '../../../src-shared/domain/readiness.js';
import { brief, errorText, type ApiAnswer } from './api-caller.js';
import type { Probe, ProbeFailure } from './facts.js';

/**
 * Shared handling of an answer that is not a success: a refused token, no answer, a refusal
 * (401/403) or another failure. Licence refusals are recognised by the caller, which knows each
 * service's licence error.
 */
export function notOk(answer: ApiAnswer, what: string, isLicence: (text: string) => boolean = () => false): ProbeFailure {
  if (answer.kind === 'noToken') {
    return { outcome: 'noToken', reason: answer.message, evidence: [answer.evidence(brief(`no token: ${answer.message}`))] };
  }
  if (answer.kind === 'network') {
    return { outcome: 'failed', reason: `${what}: ${answer.message}`, evidence: [answer.evidence(brief(`no answer: ${answer.message}`))] };
  }
  const text = errorText(answer.json, answer.text.trim() ? brief(answer.text, 200) : `HTTP ${answer.status}`);
  const evidence = [answer.evidence(brief(text))];
  if (isLicence(text)) return { outcome: 'unlicensed', reason: text, evidence };
  if (answer.status === 401 || answer.status === 403) return { outcome: 'denied', reason: text, evidence };
  return { outcome: 'failed', reason: `${what}: HTTP ${answer.status} ${text}`, evidence };
}

export type HttpAnswer = Extract<ApiAnswer, { kind: 'http' }>;

/** The answer when it is a 2xx, else null (not a type guard: a failed answer keeps its http kind). */
export const success = (answer: ApiAnswer): HttpAnswer | null => (answer.kind === 'http' && answer.status >= 200 && answer.status < 300 ? answer : null);

export function okProbe<T>(value: T, evidence: Evidence[]): Probe<T> {
  return { outcome: 'ok', value, evidence };
}

export function notInCloud(reason: string): ProbeFailure {
  return { outcome: 'notInCloud', reason, evidence: [] };
}

/** A failure that also shows the calls made before it. */
export function after(before: Evidence[], failure: ProbeFailure): ProbeFailure {
  return { ...failure, evidence: [...before, ...failure.evidence] };
}
