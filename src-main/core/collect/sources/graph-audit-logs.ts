import type { ApiClient } from '../http/api-client.js';
import { odataPages, type Pager } from '../http/paging.js';
import type { TimeWindow } from '../planner/windows.js';

/**
 * Entra sign-ins and directory audits from Microsoft Graph (notes §1, §2).
 *
 * Sign-ins come from the beta endpoint, once per `signInEventTypes` value: without that filter
 * Graph returns interactive sign-ins only, and v1.0 refuses the filter. Time filters use `ge` and
 * `le` (the documented operators), so a record exactly on a window's end is fetched by both
 * neighbours and de-duplicated on ingest. Pages of up to 1000 records, `@odata.nextLink` paging.
 */
export const SIGN_IN_EVENT_TYPES = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'] as const;
export type SignInEventType = (typeof SIGN_IN_EVENT_TYPES)[number];

/** Graph's DateTimeOffset literal: UTC, unquoted, milliseconds only when there are any. */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function graphUrl(graphBase: string, path: string, filter: string): string {
  return `${graphBase.replace(/\/$/, '')}${path}?$filter=${encodeURIComponent(filter)}&$top=1000`;
}

export function signInFilter(window: TimeWindow, eventType: SignInEventType): string {
  return `createdDateTime ge ${graphTime(window.startMs)} and createdDateTime le ${graphTime(window.endMs)} and signInEventTypes/any(t: t eq '${eventType}')`;
}

export function signInPages(api: ApiClient, graphBase: string, eventType: SignInEventType, window: TimeWindow, signal?: AbortSignal): Pager {
  const url = graphUrl(graphBase, '/beta/auditLogs/signIns', signInFilter(window, eventType));
  return odataPages(api, { service: 'graph', method: 'GET', url, ...(signal ? { signal } : {}) });
}

export function directoryAuditFilter(window: TimeWindow, category?: string): string {
  const time = `activityDateTime ge ${graphTime(window.startMs)} and activityDateTime le ${graphTime(window.endMs)}`;
  return category ? `${time} and category eq '${category.replace(/'/g, "''")}'` : time;
}

/** Directory audits of a window; with `category`, only that category (the Apps and Devices subsets). */
export function directoryAuditPages(api: ApiClient, graphBase: string, window: TimeWindow, signal?: AbortSignal, category?: string): Pager {
  const url = graphUrl(graphBase, '/v1.0/auditLogs/directoryAudits', directoryAuditFilter(window, category));
  return odataPages(api, { service: 'graph', method: 'GET', url, ...(signal ? { signal } : {}) });
}
