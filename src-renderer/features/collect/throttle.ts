export interface Throttle {
  /** Asks for a run: now if the last run is `intervalMs` old, else once at the end of the interval. */
  request(): void;
  /** Drops a run still waiting (the component that asked is going away). */
  cancel(): void;
}

export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `run` at most once per `intervalMs`, with the first request served at once and the last one
 * never lost: a burst of a thousand progress events becomes one call now and one at the end of the
 * interval, so the newest state is always read and the core is asked at a steady pace.
 */
export function createThrottle(run: () => void, intervalMs: number, clock: ThrottleClock = realClock): Throttle {
  let lastRun = Number.NEGATIVE_INFINITY;
  let waiting: unknown = null;
  const fire = () => {
    waiting = null;
    lastRun = clock.now();
    run();
  };
  return {
    request() {
      // A run is already due at the end of the interval; it will read the newest state then.
      if (waiting !== null) return;
      const wait = lastRun + intervalMs - clock.now();
      if (wait <= 0) fire();
      else waiting = clock.setTimeout(fire, wait);
    },
    cancel() {
      if (waiting !== null) clock.clearTimeout(waiting);
      waiting = null;
    },
  };
}
