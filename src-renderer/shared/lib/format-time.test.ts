import { describe, expect, it } from 'vitest';
import { formatUtc } from './format-time.js';

describe('formatUtc', () => {
  it('formats in UTC whatever the offset of the input', () => {
    expect(formatUtc('2025-03-04T23:05:09.045+02:00')).toBe('2025-03-04 21:05:09');
    expect(formatUtc('2025-03-04T21:05:09.045Z', { milliseconds: true })).toBe('2025-03-04 21:05:09.045');
  });

  it('shows an unparseable value as it came rather than hiding it', () => {
    expect(formatUtc('yesterday')).toBe('yesterday');
  });
});
