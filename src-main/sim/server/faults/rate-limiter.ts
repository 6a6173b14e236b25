import type { BucketName, FaultPlan, RateLimit } from './fault-spec.js';

/**
 * Token buckets like the real services use: a bucket holds `capacity` requests and refills
 * continuously over `windowMs`. Buckets are kept per (bucket name, tenant, app), matching the
 * "per app per tenant" wording of Graph's reporting limits and ARM's per-principal buckets.
 */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until a request would be admitted (at least 1 when throttled). */
  retryAfterSeconds: number;
  remaining: number;
  limit: RateLimit | null;
}

export interface RateLimiter {
  take(bucket: BucketName, key: string): RateDecision;
}

/**
 * Defaults follow the published numbers where there are any: Graph identity-and-access reports
 * 5 per 10 s; ARM reads 250 with 25/s refill. EXO, Management API and DevOps publish no simple
 * request count, so these are moderate stand-ins.
 */
export const DEFAULT_RATE_LIMITS: Record<BucketName, RateLimit | null> = {
  'graph-audit': { capacity: 5, windowMs: 10_000 },
  graph: { capacity: 2000, windowMs: 10_000 },
  exo: { capacity: 60, windowMs: 60_000 },
  mgmt: { capacity: 2000, windowMs: 60_000 },
  'arm-read': { capacity: 250, windowMs: 10_000 },
  devops: { capacity: 600, windowMs: 60_000 },
  login: null,
};

export function effectiveRateLimits(plan: FaultPlan): Record<BucketName, RateLimit | null> {
  const result = { ...DEFAULT_RATE_LIMITS };
  if (plan.ratesOff) for (const key of Object.keys(result) as BucketName[]) result[key] = null;
  for (const [name, limit] of Object.entries(plan.rates) as [BucketName, RateLimit | null][]) result[name] = limit;
  return result;
}

export function createRateLimiter(limits: Record<BucketName, RateLimit | null>, nowMs: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; updatedAt: number }>();
  return {
    take(bucket, key) {
      const limit = limits[bucket];
      if (!limit) return { allowed: true, retryAfterSeconds: 0, remaining: Number.POSITIVE_INFINITY, limit: null };
      const id = `${bucket}|${key}`;
      const now = nowMs();
      const ratePerMs = limit.capacity / limit.windowMs;
      const state = buckets.get(id) ?? { tokens: limit.capacity, updatedAt: now };
      state.tokens = Math.min(limit.capacity, state.tokens + Math.max(0, now - state.updatedAt) * ratePerMs);
      state.updatedAt = now;
      buckets.set(id, state);
      if (state.tokens >= 1) {
        state.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(state.tokens), limit };
      }
      const waitMs = (1 - state.tokens) / ratePerMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), remaining: 0, limit };
    },
  };
}
