import { z } from 'zod';
import type { ApiClient } from '../http/api-client.js';
import { ApiError } from '../http/api-types.js';
import { listingEntries, nextPageUriPages, shapeOf, type Pager } from '../http/paging.js';
import type { TimeWindow } from '../planner/windows.js';

/**
 * The Office 365 Management Activity API (notes §5): per content type, list the content blobs that
 * became available in a window (at most 24 hours, at most 7 days back, matched on when the blob
 * was created — not on event time), page the listing with the `NextPageUri` header, then fetch
 * every blob. Blobs are the pages kept as evidence; the listing only says where they are.
 * `PublisherIdentifier` (the tenant) is sent on every call for the tenant's own throttling quota.
 */
export const MGMT_CONTENT_TYPES = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General', 'DLP.All'] as const;
export type MgmtContentType = (typeof MGMT_CONTENT_TYPES)[number];
export const MGMT_REACH_DAYS = 7;

const subscriptionList = z.array(z.object({ contentType: z.string(), status: z.string() }).loose());

export interface MgmtTarget {
  mgmtBase: string;
  /** Tenant GUID: the URL's tenant must be the token's. */
  tenantId: string;
}

function feed(target: MgmtTarget): string {
  return `${target.mgmtBase.replace(/\/$/, '')}/api/v1.0/${encodeURIComponent(target.tenantId)}/activity/feed`;
}

/** The feed's time format: UTC, to the second, no zone designator. */
export function feedTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export interface SubscriptionState {
  enabled: string[];
  /** Started by this call (only with `start`). */
  started: string[];
  /** Not enabled and not started: their content cannot be listed. */
  missing: string[];
}

/**
 * Which content types have an enabled subscription; with `start`, starts the missing ones.
 * Starting one changes the tenant (and content only exists from then on), so it is the caller's
 * explicit choice.
 */
export async function ensureSubscriptions(api: ApiClient, target: MgmtTarget, contentTypes: readonly MgmtContentType[], start: boolean, signal?: AbortSignal): Promise<SubscriptionState> {
  const publisher = `PublisherIdentifier=${encodeURIComponent(target.tenantId)}`;
  const listed = await api.request({ service: 'mgmt', method: 'GET', url: `${feed(target)}/subscriptions/list?${publisher}`, ...(signal ? { signal } : {}) });
  const enabled = new Set(shapeOf(subscriptionList, listed, 'a subscription list').filter((s) => s.status.toLowerCase() === 'enabled').map((s) => s.contentType.toLowerCase()));
  const state: SubscriptionState = { enabled: [], started: [], missing: [] };
  for (const type of contentTypes) {
    if (enabled.has(type.toLowerCase())) state.enabled.push(type);
    else if (start) {
      await api.request({ service: 'mgmt', method: 'POST', url: `${feed(target)}/subscriptions/start?contentType=${encodeURIComponent(type)}&${publisher}`, ...(signal ? { signal } : {}) });
      state.started.push(type);
    } else state.missing.push(type);
  }
  return state;
}

export function contentListingUrl(target: MgmtTarget, contentType: MgmtContentType, window: TimeWindow): string {
  const url = new URL(`${feed(target)}/subscriptions/content`);
  url.searchParams.set('contentType', contentType);
  url.searchParams.set('startTime', feedTime(window.startMs));
  url.searchParams.set('endTime', feedTime(window.endMs));
  url.searchParams.set('PublisherIdentifier', target.tenantId);
  return url.toString();
}

/** The content blobs that became available in the window, one page per blob. */
export async function* contentBlobPages(api: ApiClient, target: MgmtTarget, contentType: MgmtContentType, window: TimeWindow, signal?: AbortSignal): Pager {
  const origin = new URL(target.mgmtBase).origin;
  const first = { service: 'mgmt' as const, method: 'GET' as const, url: contentListingUrl(target, contentType, window), ...(signal ? { signal } : {}) };
  for await (const listing of nextPageUriPages(api, first)) {
    for (const entry of listingEntries(listing)) {
      const blob = new URL(entry.contentUri);
      if (blob.origin !== origin) {
        throw new ApiError('shape', `content ${entry.contentId} is served from ${blob.origin}, not ${origin}; not fetched with the bearer token`, listing.request, listing.status);
      }
      if (!blob.searchParams.has('PublisherIdentifier')) blob.searchParams.set('PublisherIdentifier', target.tenantId);
      yield await api.request({ service: 'mgmt', method: 'GET', url: blob.toString(), ...(signal ? { signal } : {}) });
    }
  }
}
