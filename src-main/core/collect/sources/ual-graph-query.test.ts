import { describe, expect, it } from 'vitest';
import { defenderRecordTypes } from '../../../../src-shared/domain/ual-record-types.js';
import { auditQueryBody, graphRecordType } from './ual-graph-query.js';

describe('Graph audit log query requests', () => {
  it('spells record types the way Graph spells enum members', () => {
    expect(graphRecordType('ExchangeItem')).toBe('exchangeItem');
    expect(graphRecordType('ExchangeItemAggregated')).toBe('exchangeItemAggregated');
    expect(graphRecordType('MCASAlerts')).toBe('mcasAlerts');
    expect(graphRecordType('WDATPAlerts')).toBe('wdatpAlerts');
    expect(graphRecordType('MSTIC')).toBe('mstic');
    expect(graphRecordType('AeD')).toBe('aeD');
    expect(defenderRecordTypes.map(graphRecordType).every((t) => /^[a-z]/.test(t))).toBe(true);
  });

  it('turns an Exchange search filter into the query body, whole seconds in UTC', () => {
    const window = { startMs: Date.parse('2026-03-01T00:00:00.000Z'), endMs: Date.parse('2026-03-02T00:00:00.000Z') };
    expect(auditQueryBody(window, { recordType: 'ExchangeItem', operations: ['Send'], userIds: ['a@b.example'], ipAddresses: ['203.0.113.9'], objectIds: ['x'], freeText: 'invoice' }, 'q')).toEqual({
      '@odata.type': '#microsoft.graph.security.auditLogQuery',
      displayName: 'q',
      filterStartDateTime: '2026-03-01T00:00:00Z',
      filterEndDateTime: '2026-03-02T00:00:00Z',
      recordTypeFilters: ['exchangeItem'],
      operationFilters: ['Send'],
      userPrincipalNameFilters: ['a@b.example'],
      ipAddressFilters: ['203.0.113.9'],
      objectIdFilters: ['x'],
      keywordFilter: 'invoice',
    });
    // No filter: every record of the window.
    expect(Object.keys(auditQueryBody(window, {}, 'q')).sort()).toEqual(['@odata.type', 'displayName', 'filterEndDateTime', 'filterStartDateTime']);
  });
});
