import { describe, expect, it } from 'vitest';
import type { HistoryInfo } from '../../../src-shared/domain/readiness.js';
import { sampleRun } from '../../test/fake-cloud.js';
import { rollOffText, rollOffUrgent, sortByUrgency, utcDate } from './readiness-format.js';

const history = (over: Partial<HistoryInfo>): HistoryInfo => ({
  retentionDays: 30,
  retentionSource: 'table',
  earliestRecoverable: '2025-02-02T10:00:00.000Z',
  periodStart: '2025-02-10T00:00:00.000Z',
  rollsOffInDays: 7,
  ...over,
});

describe('readiness formatting', () => {
  it('orders rows by the core’s urgency, unranked sources last in matrix order', () => {
    const run = sampleRun();
    expect(sortByUrgency(run).map((s) => s.source)).toEqual(run.urgency);
    const partial = sortByUrgency({ ...run, urgency: ['devops', 'ual'] }).map((s) => s.source);
    expect(partial).toEqual(['devops', 'ual', 'mailboxAudit', 'entraSignIns', 'entraAudit', 'azureActivity', 'graphAuditQuery', 'managementApi']);
  });

  it('says when the period start rolls off, or why it cannot', () => {
    expect(rollOffText(history({ rollsOffInDays: 12 }), 'ok')).toBe('rolls off in 12 days');
    expect(rollOffText(history({ rollsOffInDays: 1 }), 'ok')).toBe('rolls off in 1 day');
    expect(rollOffText(history({ rollsOffInDays: 0 }), 'warning')).toBe('rolls off today');
    expect(rollOffText(history({ rollsOffInDays: -3 }), 'blocked')).toBe('already rolled off (3 days ago)');
    expect(rollOffText(history({ rollsOffInDays: null, periodStart: null }), 'ok')).toBe('kept 30 days; set the period start');
    expect(rollOffText(history({ rollsOffInDays: null, retentionDays: null }), 'unknown')).toBe('unknown');
    expect(rollOffText(history({ rollsOffInDays: null }), 'notApplicable')).toBe('n/a');
  });

  it('marks a roll-off within a week (or past) as urgent', () => {
    expect(rollOffUrgent(history({ rollsOffInDays: 7 }))).toBe(true);
    expect(rollOffUrgent(history({ rollsOffInDays: -1 }))).toBe(true);
    expect(rollOffUrgent(history({ rollsOffInDays: 8 }))).toBe(false);
    expect(rollOffUrgent(history({ rollsOffInDays: null }))).toBe(false);
  });

  it('gives the UTC day of an instant whatever its offset', () => {
    expect(utcDate('2025-03-04T23:30:00-02:00')).toBe('2025-03-05');
    expect(utcDate('soon')).toBe('soon');
  });
});
