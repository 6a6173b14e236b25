/**
 * How long to wait before trying again. A throttled answer says how long (`Retry-After`, in
 * seconds — possibly fractional — or as an HTTP date) and that is honoured: a throttled request
 * still counts against the quota, so coming back early only digs deeper. Without it, waits grow
 * exponentially with full jitter (a random share of the exponential ceiling), so many workers
 * that failed together do not all return together.
 */
export interface BackoffPolicy {
  /** Ceiling of the first wait; doubles per consecutive failure. */
  baseMs: number;
  /** Largest ceiling. */
  capMs: number;
  /** Smallest wait: "never retry immediately" holds even for a jitter draw near zero. */
  floorMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000, floorMs: 100 };

/** Full-jitter exponential backoff for the `failures`-th consecutive failure (1-based). */
export function backoffMs(failures: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.max(policy.floorMs, Math.floor(random() * ceiling));
}

/** `Retry-After` in ms (seconds or HTTP date, relative to `nowMs`); null when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, nowMs: number): number | null {
  const raw = headers['retry-after']?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.ceil(Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
