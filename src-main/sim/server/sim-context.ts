import type { SimDataset, SimProfile, SimSource } from '../data/types.js';
import type { FaultInjector } from './faults/fault-injector.js';
import type { SimLimits } from './options.js';

/**
 * Base URLs of the simulated services. Each is what a cloud profile would hold for that service
 * (`https://graph.microsoft.com` ↔ `${baseUrl}/graph`), so clients build paths exactly as against
 * the real cloud. Azure DevOps has three hosts in reality (dev.azure.com, app.vssps.visualstudio.com,
 * auditservice.dev.azure.com), hence three entries.
 */
export interface SimServiceUrls {
  login: string;
  graph: string;
  exo: string;
  mgmt: string;
  arm: string;
  devops: string;
  devopsVssps: string;
  devopsAudit: string;
}

export const SERVICE_PREFIXES: Record<keyof SimServiceUrls, string> = {
  login: '',
  graph: '/graph',
  exo: '/exo',
  mgmt: '/mgmt',
  arm: '/arm',
  devops: '/devops',
  devopsVssps: '/devops-vssps',
  devopsAudit: '/devops-audit',
};

export function serviceUrlsFor(baseUrl: string): SimServiceUrls {
  const entries = Object.entries(SERVICE_PREFIXES).map(([k, prefix]) => [k, `${baseUrl}${prefix}`]);
  return Object.fromEntries(entries) as unknown as SimServiceUrls;
}

/** What every API handler may read: the dataset, the profile's gates, limits and time. */
export interface SimApiContext {
  dataset: SimDataset;
  profile: SimProfile;
  limits: SimLimits;
  seed: number;
  tenantId: string;
  /** Wall-clock time (token lifetimes, query timers). */
  now: () => Date;
  /** The simulated "now": the dataset anchor plus the time elapsed since start. */
  simNow: () => Date;
  faults: FaultInjector;
}

/** Oldest instant a source still returns, given the profile's retention. */
export function retentionStartMs(ctx: SimApiContext, source: SimSource): number {
  return ctx.simNow().getTime() - ctx.profile.retentionDays[source] * 86_400_000;
}

/** Time of a record as epoch ms; UAL CreationTime carries no zone but is UTC. */
export function parseRecordTime(time: string): number {
  return /[zZ]|[+-]\d\d:\d\d$/.test(time) ? Date.parse(time) : Date.parse(`${time}Z`);
}
