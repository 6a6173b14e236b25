import { describe, expect, it } from 'vitest';
import { createAimdLimiter } from './aimd-limiter.js';

describe('adaptive concurrency (AIMD)', () => {
  it('admits up to the window and queues the rest in order', async () => {
    const limiter = createAimdLimiter({ initial: 2, min: 1, max: 4 }, () => 0);
    const order: number[] = [];
    await limiter.acquire();
    await limiter.acquire();
    const third = limiter.acquire().then(() => order.push(3));
    const fourth = limiter.acquire().then(() => order.push(4));
    await Promise.resolve();
    expect(limiter.inFlight()).toBe(2);
    expect(order).toEqual([]);
    limiter.release();
    await third;
    limiter.release();
    await fourth;
    expect(order).toEqual([3, 4]);
  });

  it('halves on throttling (once per congestion event) and grows by about one per window of successes', () => {
    let now = 0;
    const limiter = createAimdLimiter({ initial: 8, min: 1, max: 10 }, () => now);
    limiter.onThrottle();
    expect(limiter.limit()).toBe(4);
    limiter.onThrottle();
    expect(limiter.limit()).toBe(4);
    now = 2000;
    limiter.onThrottle();
    expect(limiter.limit()).toBe(2);
    for (let i = 0; i < 2; i++) limiter.onSuccess();
    expect(limiter.limit()).toBe(3);
    for (let i = 0; i < 100; i++) limiter.onSuccess();
    expect(limiter.limit()).toBe(10);
    for (let i = 0; i < 10; i++) {
      now += 2000;
      limiter.onThrottle();
    }
    expect(limiter.limit()).toBe(1);
  });

  it('gives up waiting when the signal aborts', async () => {
    const limiter = createAimdLimiter({ initial: 1, min: 1, max: 1 }, () => 0);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    limiter.release();
    await expect(limiter.acquire()).resolves.toBeUndefined();
  });
});
