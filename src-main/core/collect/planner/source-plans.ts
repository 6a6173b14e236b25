import type { CollectContext, WindowOutcome } from '../collect-context.js';
import { ARM_REACH_DAYS, armActivityPages, DEVOPS_REACH_DAYS, devopsAuditPages } from '../sources/arm-devops.js';
import { directoryAuditPages, SIGN_IN_EVENT_TYPES, signInPages, type SignInEventType } from '../sources/graph-audit-logs.js';
import { contentBlobPages, MGMT_REACH_DAYS, type MgmtContentType, type MgmtTarget } from '../sources/mgmt-content.js';
import { collectPlainChannel, type PlainChannel, type PlainRunOptions } from './plain-planner.js';
import { clampStart, DAY_MS, splitRange, type TimeWindow } from './windows.js';

/**
 * The windowing of each source that reports no totals: per UTC day, per channel (sign-in event
 * type, subscription, organisation, content type). Ranges are clamped to what each service still
 * answers — asking further back is refused by ARM and the Management API, and pointless
 * elsewhere — with a few minutes' margin so a window does not fall out of reach while queued.
 */
const REACH_MARGIN_MS = 10 * 60_000;

export function reachable(range: TimeWindow, now: Date, days: number): TimeWindow | null {
  return clampStart(range, now.getTime() - days * DAY_MS + REACH_MARGIN_MS);
}

async function runChannels(ctx: CollectContext, channels: PlainChannel[], options: PlainRunOptions): Promise<WindowOutcome[]> {
  const outcomes: WindowOutcome[] = [];
  for (const channel of channels) outcomes.push(...(await collectPlainChannel(ctx, channel, options)));
  return outcomes;
}

export async function collectSignIns(ctx: CollectContext, graphBase: string, range: TimeWindow, options: PlainRunOptions & { eventTypes?: readonly SignInEventType[] } = {}): Promise<WindowOutcome[]> {
  const windows = splitRange(range, DAY_MS);
  const channels = (options.eventTypes ?? SIGN_IN_EVENT_TYPES).map((eventType): PlainChannel => ({
    source: 'signin',
    channel: `graph.${eventType}`,
    filter: { endpoint: 'beta/auditLogs/signIns', signInEventType: eventType },
    format: 'signin.graph',
    folder: 'signin',
    windows,
    pages: (w, signal) => signInPages(ctx.api, graphBase, eventType, w, signal),
  }));
  return runChannels(ctx, channels, options);
}

/** Categories of the Entra audit subsets responders ask for by name. */
export const AUDIT_SUBSET_CATEGORY = { apps: 'ApplicationManagement', devices: 'Device' } as const;

export async function collectDirectoryAudits(
  ctx: CollectContext,
  graphBase: string,
  range: TimeWindow,
  options: PlainRunOptions & { subset?: keyof typeof AUDIT_SUBSET_CATEGORY } = {},
): Promise<WindowOutcome[]> {
  const category = options.subset ? AUDIT_SUBSET_CATEGORY[options.subset] : undefined;
  return collectPlainChannel(
    ctx,
    {
      source: 'directory_audit',
      channel: options.subset ? `graph.${options.subset}` : 'graph',
      filter: { endpoint: 'v1.0/auditLogs/directoryAudits', ...(category ? { category } : {}) },
      format: 'directory_audit.graph',
      folder: 'directory-audit',
      windows: splitRange(range, DAY_MS),
      pages: (w, signal) => directoryAuditPages(ctx.api, graphBase, w, signal, category),
    },
    options,
  );
}

export async function collectArmActivity(ctx: CollectContext, armBase: string, subscriptionIds: readonly string[], range: TimeWindow, options: PlainRunOptions = {}): Promise<WindowOutcome[]> {
  const clamped = reachable(range, ctx.now(), ARM_REACH_DAYS);
  if (!clamped) return [];
  const windows = splitRange(clamped, DAY_MS);
  const channels = subscriptionIds.map((subscriptionId): PlainChannel => ({
    source: 'azure_activity',
    channel: `arm.${subscriptionId}`,
    filter: { subscriptionId, endpoint: 'providers/Microsoft.Insights/eventtypes/management/values' },
    format: 'azure_activity.arm',
    folder: 'azure-activity',
    windows,
    pages: (w, signal) => armActivityPages(ctx.api, armBase, subscriptionId, w, signal),
  }));
  return runChannels(ctx, channels, options);
}

export async function collectDevOpsAudit(ctx: CollectContext, auditBase: string, organizations: readonly string[], range: TimeWindow, options: PlainRunOptions = {}): Promise<WindowOutcome[]> {
  const clamped = reachable(range, ctx.now(), DEVOPS_REACH_DAYS);
  if (!clamped) return [];
  const windows = splitRange(clamped, DAY_MS);
  const channels = organizations.map((organization): PlainChannel => ({
    source: 'devops_audit',
    channel: `devops.${organization}`,
    filter: { organization, skipAggregation: true },
    format: 'devops_audit.rest',
    folder: 'devops-audit',
    windows,
    pages: (w, signal) => devopsAuditPages(ctx.api, auditBase, organization, w, signal),
  }));
  return runChannels(ctx, channels, options);
}

/**
 * Management API content that became available in the last seven days (the API's reach), per
 * content type, in windows of at most 24 hours. Windows are on blob availability, not event time.
 */
export async function collectManagementContent(
  ctx: CollectContext,
  target: MgmtTarget,
  contentTypes: readonly MgmtContentType[],
  options: PlainRunOptions & { range?: TimeWindow } = {},
): Promise<WindowOutcome[]> {
  const now = ctx.now().getTime();
  const clamped = reachable(options.range ?? { startMs: now - MGMT_REACH_DAYS * DAY_MS, endMs: now }, ctx.now(), MGMT_REACH_DAYS);
  if (!clamped) return [];
  const windows = splitRange({ startMs: clamped.startMs, endMs: Math.min(clamped.endMs, now) }, DAY_MS);
  const channels = contentTypes.map((contentType): PlainChannel => ({
    source: 'ual',
    channel: `management_api.${contentType}`,
    filter: { contentType, matchedOn: 'contentCreated' },
    format: 'ual.management_api',
    folder: 'ual-mgmt',
    windows,
    pages: (w, signal) => contentBlobPages(ctx.api, target, contentType, w, signal),
  }));
  return runChannels(ctx, channels, options);
}
