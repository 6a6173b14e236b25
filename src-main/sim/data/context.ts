/**
 * Everything a source generator needs to know about the dataset being built.
 */
import type { SimAssets } from './assets.js';
import type { SimPopulation } from './population.js';
import type { SimProfile, SimSource } from './types.js';
import { DAY_MS } from './time-format.js';

export interface GenerationContext {
  seed: number;
  profile: SimProfile;
  anchorMs: number;
  days: number;
  scale: number;
  population: SimPopulation;
  assets: SimAssets;
}

/** Mean records per day at scale 1 for each source (before profile filtering). */
export const perDayAtScale1: Record<SimSource, number> = {
  ual: 3000,
  signins: 1100,
  directoryAudits: 70,
  azureActivity: 120,
  devopsAudit: 60,
};

/** Oldest time a source still returns: the shorter of the requested history and retention. */
export function cutoffFor(ctx: GenerationContext, source: SimSource): number {
  const days = Math.min(ctx.days, ctx.profile.retentionDays[source]);
  return ctx.anchorMs - days * DAY_MS;
}

/** Tenant working-day offset (the head office is in the UK). */
export const TENANT_UTC_OFFSET = 0;
