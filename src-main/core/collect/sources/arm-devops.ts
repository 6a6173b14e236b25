import type { ApiClient } from '../http/api-client.js';
import { armPages, continuationPages, type Pager } from '../http/paging.js';
import type { TimeWindow } from '../planner/windows.js';

/**
 * Azure Activity Log per subscription (notes §6.2) and the Azure DevOps audit log per
 * organisation (notes §7.2).
 *
 * The Activity Log accepts only `eventTimestamp ge '…' and eventTimestamp le '…'` (quoted), pages
 * with `nextLink`, and reaches back 90 days. The DevOps audit log takes `startTime`/`endTime`,
 * pages with `continuationToken` while `hasMore`, and its api-version must carry `-preview`;
 * `skipAggregation=true` returns individual events rather than summaries.
 */
export const ARM_ACTIVITY_API_VERSION = '2015-04-01';
export const DEVOPS_AUDIT_API_VERSION = '7.1-preview.1';
/** How far back each service answers. */
export const ARM_REACH_DAYS = 90;
export const DEVOPS_REACH_DAYS = 90;

const iso = (ms: number) => new Date(ms).toISOString();

export function armActivityFilter(window: TimeWindow): string {
  return `eventTimestamp ge '${iso(window.startMs)}' and eventTimestamp le '${iso(window.endMs)}'`;
}

export function armActivityPages(api: ApiClient, armBase: string, subscriptionId: string, window: TimeWindow, signal?: AbortSignal): Pager {
  const url =
    `${armBase.replace(/\/$/, '')}/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Insights/eventtypes/management/values` +
    `?api-version=${ARM_ACTIVITY_API_VERSION}&$filter=${encodeURIComponent(armActivityFilter(window))}`;
  return armPages(api, { service: 'arm', method: 'GET', url, ...(signal ? { signal } : {}) });
}

export function devopsAuditUrl(auditBase: string, organization: string, window: TimeWindow): string {
  const url = new URL(`${auditBase.replace(/\/$/, '')}/${encodeURIComponent(organization)}/_apis/audit/auditlog`);
  url.searchParams.set('startTime', iso(window.startMs));
  url.searchParams.set('endTime', iso(window.endMs));
  url.searchParams.set('batchSize', '1000');
  url.searchParams.set('skipAggregation', 'true');
  url.searchParams.set('api-version', DEVOPS_AUDIT_API_VERSION);
  return url.toString();
}

export function devopsAuditPages(api: ApiClient, auditBase: string, organization: string, window: TimeWindow, signal?: AbortSignal): Pager {
  return continuationPages(api, { service: 'devops', method: 'GET', url: devopsAuditUrl(auditBase, organization, window), ...(signal ? { signal } : {}) });
}
