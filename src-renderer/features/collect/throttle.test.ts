import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle.js';

describe('createThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2025-03-04T10:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('serves the first request at once and folds a burst into one run at the end of the interval', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 500);
    throttle.request();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100; i += 1) throttle.request();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(499);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs at once again when the last run is an interval old, and keeps the pace under a steady stream', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 500);
    throttle.request();
    vi.advanceTimersByTime(600);
    throttle.request();
    expect(run).toHaveBeenCalledTimes(2);
    // One request every 50 ms for 2 s: at most one run per 500 ms.
    for (let t = 0; t < 2000; t += 50) {
      throttle.request();
      vi.advanceTimersByTime(50);
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(run.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('drops a waiting run when cancelled', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 500);
    throttle.request();
    throttle.request();
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
