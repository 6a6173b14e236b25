import type { HistoryInfo, ReadinessCheck } from '../../../src-shared/domain/readiness.js';
import { cell, notApplicable } from './checks.js';
import type { RetentionEntry } from './retention-table.js';

/**
 * How far back a source reaches now, and — when the investigation's period is known — how
 * long until its start rolls off. Data older than retention is gone for good; a start that
 * rolls off within a week must be collected first.
 */
const DAY_MS = 86_400_000;
export const URGENT_DAYS = 7;

const day = (d: Date) => d.toISOString().slice(0, 10);

export function historyCell(retention: RetentionEntry | null, now: Date, periodStart: Date | null, applicable: string | null): { check: ReadinessCheck; info: HistoryInfo } {
  const period = periodStart ? periodStart.toISOString() : null;
  if (applicable !== null) {
    return { check: notApplicable('history', applicable), info: { retentionDays: null, retentionSource: applicable, earliestRecoverable: null, periodStart: period, rollsOffInDays: null } };
  }
  if (!retention) {
    const why = 'Retention depends on licences that could not be read.';
    return { check: cell('history', 'unknown', why), info: { retentionDays: null, retentionSource: why, earliestRecoverable: null, periodStart: period, rollsOffInDays: null } };
  }
  const earliest = new Date(now.getTime() - retention.days * DAY_MS);
  const rollsOffInDays = periodStart ? Math.floor((periodStart.getTime() + retention.days * DAY_MS - now.getTime()) / DAY_MS) : null;
  const info: HistoryInfo = { retentionDays: retention.days, retentionSource: retention.source, earliestRecoverable: earliest.toISOString(), periodStart: period, rollsOffInDays };
  const kept = `Kept ${retention.days} days; earliest recoverable ${day(earliest)} (UTC).`;
  if (periodStart && rollsOffInDays !== null) {
    if (periodStart.getTime() < earliest.getTime()) {
      return {
        check: cell('history', 'blocked', `${kept} The period from ${day(periodStart)} is partly gone: nothing before ${day(earliest)} can be recovered from this source.`, [], 'Look for the missing days in sources that keep longer (the UAL holds Entra and Exchange events for 180 days, or a year with Audit Premium) or in exports the tenant already has (SIEM, Log Analytics).'),
        info,
      };
    }
    if (rollsOffInDays <= URGENT_DAYS) {
      return { check: cell('history', 'warning', `${kept} Data from ${day(periodStart)} rolls off in ${rollsOffInDays} day(s): collect this source first.`, [], 'Collect this source now; every day lost is gone for good.'), info };
    }
    return { check: cell('history', 'ok', `${kept} Data from ${day(periodStart)} rolls off in ${rollsOffInDays} days.`), info };
  }
  if (retention.reduced) {
    return { check: cell('history', 'warning', `${kept} ${retention.source}.`, [], 'A premium licence lengthens retention from its purchase onwards; it does not bring back what has already rolled off.'), info };
  }
  return { check: cell('history', 'ok', kept), info };
}
