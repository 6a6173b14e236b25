import { describe, expect, it } from 'vitest';
import { defenderRecordTypes, recordTypeName, recordTypeNumber, ualRecordTypes } from './ual-record-types.js';

describe('UAL record type table', () => {
  it('knows the common pairs', () => {
    expect(recordTypeName(1)).toBe('ExchangeAdmin');
    expect(recordTypeName(50)).toBe('ExchangeItemAggregated');
    expect(recordTypeName(15)).toBe('AzureActiveDirectoryStsLogon');
    expect(recordTypeNumber('MicrosoftFlow')).toBe(30);
    expect(recordTypeNumber('MicrosoftTeams')).toBe(25);
    expect(recordTypeNumber('SharePointSharingOperation')).toBe(14);
  });

  it('round-trips every entry, is case-insensitive by name and says "unknown" plainly', () => {
    for (const [name, n] of Object.entries(ualRecordTypes)) {
      expect(recordTypeName(n)).toBe(name);
      expect(recordTypeNumber(name.toUpperCase())).toBe(n);
    }
    expect(new Set(Object.values(ualRecordTypes)).size).toBe(Object.keys(ualRecordTypes).length);
    expect(recordTypeName(9999)).toBeUndefined();
    expect(recordTypeNumber('NotAType')).toBeUndefined();
  });

  it('lists Defender record types that all exist in the table', () => {
    for (const name of defenderRecordTypes) expect(recordTypeNumber(name)).toBeTypeOf('number');
  });
});
