import { describe, expect, it } from 'vitest';
import { formatCountdown } from './use-now.js';

describe('formatCountdown', () => {
  it('shows minutes and seconds, hours past an hour, and never a negative time', () => {
    expect(formatCountdown(845_000)).toBe('14:05');
    expect(formatCountdown(500)).toBe('0:01');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});
