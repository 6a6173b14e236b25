/**
 * Adaptive concurrency for one service (additive increase, multiplicative decrease, as TCP does
 * for its window): every success widens the window by about one request per round trip, every
 * throttled answer halves it. The service's quota is unknown and shared with whoever else uses
 * the tenant, so the collector probes for it instead of assuming a number.
 */
export interface AimdLimits {
  initial: number;
  min: number;
  max: number;
}

export interface AimdLimiter {
  /** Resolves when a slot is free; rejects when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  release(): void;
  onSuccess(): void;
  onThrottle(): void;
  /** Current window (requests allowed in flight). */
  limit(): number;
  inFlight(): number;
}

export function createAimdLimiter(limits: AimdLimits, nowMs: () => number): AimdLimiter {
  if (!(limits.min >= 1 && limits.min <= limits.initial && limits.initial <= limits.max)) {
    throw new Error(`concurrency limits must satisfy 1 <= min <= initial <= max (got ${limits.min}/${limits.initial}/${limits.max})`);
  }
  let window = limits.initial;
  let active = 0;
  let lastDecreaseMs = Number.NEGATIVE_INFINITY;
  let successesSinceDecrease = 0;
  const waiting: { resolve(): void; reject(e: unknown): void; signal?: AbortSignal; onAbort?: () => void }[] = [];

  const drain = () => {
    while (waiting.length > 0 && active < Math.floor(window)) {
      const next = waiting.shift();
      if (!next) break;
      if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
      active += 1;
      next.resolve();
    }
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < Math.floor(window) && waiting.length === 0) {
        active += 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const entry: (typeof waiting)[number] = { resolve, reject, ...(signal ? { signal } : {}) };
        if (signal) {
          entry.onAbort = () => {
            const at = waiting.indexOf(entry);
            if (at >= 0) waiting.splice(at, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', entry.onAbort, { once: true });
        }
        waiting.push(entry);
      });
    },
    release() {
      active = Math.max(0, active - 1);
      drain();
    },
    onSuccess() {
      successesSinceDecrease += 1;
      window = Math.min(limits.max, window + 1 / Math.max(1, Math.floor(window)));
      drain();
    },
    onThrottle() {
      // Requests already in flight when the quota ran out come back throttled together: that is
      // one congestion signal, not several. A throttle within a second of the last halving, with
      // no success in between, is taken as part of the same signal.
      const now = nowMs();
      if (successesSinceDecrease === 0 && now - lastDecreaseMs < 1000) return;
      window = Math.max(limits.min, window / 2);
      lastDecreaseMs = now;
      successesSinceDecrease = 0;
    },
    limit: () => Math.floor(window),
    inFlight: () => active,
  };
}
