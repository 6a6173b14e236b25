import { describe, expect, it } from 'vitest';
import { FieldError } from './json-fields.js';
import { parseSourceTime, requiredTime } from './source-time.js';

describe('parseSourceTime', () => {
  it.each([
    // UAL CreationTime: no zone means UTC
    ['2020-02-07T20:49:49', Date.UTC(2020, 1, 7, 20, 49, 49)],
    // Graph: seven fractional digits, truncated to the millisecond
    ['2020-03-13T19:15:41.6195833Z', Date.UTC(2020, 2, 13, 19, 15, 41, 619)],
    // diagnostic export with a negative offset
    ['2019-10-18T04:45:48.0729893-05:00', Date.UTC(2019, 9, 18, 9, 45, 48, 72)],
    // Azure DevOps
    ['2019-03-05T14:05:02.1460838+00:00', Date.UTC(2019, 2, 5, 14, 5, 2, 146)],
    ['2025-10-17T11:50:07.22Z', Date.UTC(2025, 9, 17, 11, 50, 7, 220)],
    ['2025-03-01 00:12', Date.UTC(2025, 2, 1, 0, 12)],
    ['2025-03-01T05:30:00+0530', Date.UTC(2025, 2, 1, 0, 0)],
    ['/Date(1740787920000)/', 1740787920000],
  ])('%s', (text, expected) => {
    expect(parseSourceTime(text)).toBe(expected);
  });

  it.each(['', 'yesterday', '2025-02-31T00:00:00Z', '2025-13-01T00:00:00Z', '2025-03-01', '3/1/2025 12:00 AM'])('refuses %j', (text) => {
    expect(parseSourceTime(text)).toBeNull();
  });

  it('names the field when a required time cannot be read', () => {
    expect(() => requiredTime('soon', 'CreationTime')).toThrow(FieldError);
    expect(() => requiredTime('soon', 'CreationTime')).toThrow(/not a time/);
    expect(requiredTime('2020-02-07T20:49:49', 'CreationTime')).toEqual({ ts: Date.UTC(2020, 1, 7, 20, 49, 49), ts_source: '2020-02-07T20:49:49' });
  });
});
