import type { CheckStatus, HistoryInfo, ReadinessRun, ReadinessSource } from '../../../src-shared/domain/readiness.js';

/** The word shown with every status colour, so no status depends on colour alone. */
export const statusWords: Record<CheckStatus, string> = {
  ok: 'ok',
  warning: 'warning',
  blocked: 'blocked',
  unknown: 'unknown',
  notApplicable: 'n/a',
};

/** A shape beside the word, for readers who scan by form rather than by colour. */
export const statusGlyphs: Record<CheckStatus, string> = {
  ok: '✓',
  warning: '!',
  blocked: '✕',
  unknown: '?',
  notApplicable: '–',
};

/**
 * Sources most urgent first. The core ranks them (soonest roll-off of the period start, else the
 * shortest retention; sources not offered last) and records the order with the run; rows follow
 * it. Sources the ranking leaves out keep their matrix order, after the ranked ones.
 */
export function sortByUrgency(run: Pick<ReadinessRun, 'sources' | 'urgency'>): ReadinessSource[] {
  const rank = new Map(run.urgency.map((id, index) => [id, index]));
  return run.sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => (rank.get(a.source.source) ?? run.urgency.length + a.index) - (rank.get(b.source.source) ?? run.urgency.length + b.index))
    .map(({ source }) => source);
}

/** `2025-03-04` (UTC) from an ISO instant; an unreadable value is shown as it came. */
export function utcDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** "rolls off in N days" and its variants, or why it cannot be said. */
export function rollOffText(history: HistoryInfo, overall: CheckStatus): string {
  if (overall === 'notApplicable') return 'n/a';
  const days = history.rollsOffInDays;
  if (days === null) {
    if (history.retentionDays === null) return 'unknown';
    return history.periodStart === null ? `kept ${history.retentionDays} days; set the period start` : 'unknown';
  }
  if (days < 0) return `already rolled off (${-days} ${-days === 1 ? 'day' : 'days'} ago)`;
  if (days === 0) return 'rolls off today';
  return `rolls off in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Whether the roll-off deserves the warning colour: gone already, or within a week. */
export function rollOffUrgent(history: HistoryInfo): boolean {
  return history.rollsOffInDays !== null && history.rollsOffInDays <= 7;
}
