import { z } from 'zod';
import { json, SimHttpError, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import type { SimApiContext } from '../sim-context.js';
import type { UalStore } from '../ual/ual-store.js';
import { CONTENT_TYPES, createContentBlobs, type ContentType } from './content-blobs.js';
import { mgmtError } from './mgmt-errors.js';

/**
 * Office 365 Management Activity API (`/api/v1.0/{tenant}/activity/feed/...`): subscriptions
 * (start/stop/list), content listing over at most 24 hours and at most 7 days back, matched on
 * contentCreated, paged with a `NextPageUri` response header (which says `api/v1`, as the real
 * one does), and content blobs as JSON arrays of AuditData objects.
 *
 * Content is available for the whole seven days as soon as a subscription starts (the real
 * service only has content from the start onwards); the simulated tenant behaves as if it had
 * been subscribed all along.
 */
const DAY_MS = 86_400_000;
const nextPageSchema = z.object({ o: z.number().int().nonnegative() });

export function managementActivityRoutes(ctx: SimApiContext, store: UalStore): Route[] {
  const blobs = createContentBlobs(ctx, store, ctx.limits.mgmtLatencyMinutes);
  const subscriptions = new Map<ContentType, 'enabled' | 'disabled'>();

  const guard = (req: SimRequest, contentTypeRequired: boolean): ContentType | null => {
    const version = req.params['ver'];
    if (version !== 'v1.0' && version !== 'v1') throw new SimHttpError(mgmtError(404, 'AF20001', 'The requested API version is not supported.', req));
    const tenant = req.params['tenant'] ?? '';
    if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(tenant)) throw new SimHttpError(mgmtError(400, 'AF20013', 'The tenant ID in the URL must be a GUID.', req));
    if (tenant.toLowerCase() !== ctx.tenantId.toLowerCase() || req.auth?.tenantId !== ctx.tenantId) {
      throw new SimHttpError(mgmtError(401, 'AF20010', 'The tenant ID passed in the URL does not match the tenant ID passed in the access token.', req));
    }
    const contentType = req.url.searchParams.get('contentType');
    if (contentType === null) {
      if (contentTypeRequired) throw new SimHttpError(mgmtError(400, 'AF20001', 'Missing parameter: contentType.', req));
      return null;
    }
    const type = CONTENT_TYPES.find((t) => t.toLowerCase() === contentType.toLowerCase());
    if (!type) throw new SimHttpError(mgmtError(400, 'AF20020', `The content type '${contentType}' is not valid.`, req));
    const scopes = req.auth?.scopes ?? [];
    const needed = type === 'DLP.All' ? 'ActivityFeed.ReadDlp' : 'ActivityFeed.Read';
    if (!scopes.includes(needed)) {
      throw new SimHttpError(mgmtError(401, 'AF10001', `The permission set (${scopes.join(',')}) sent in the request does not include the expected permission ${needed}.`, req));
    }
    return type;
  };

  const start = (req: SimRequest): SimResponse => {
    const type = guard(req, true) as ContentType;
    subscriptions.set(type, 'enabled');
    return json(200, { contentType: type, status: 'enabled', webhook: null });
  };
  const stop = (req: SimRequest): SimResponse => {
    const type = guard(req, true) as ContentType;
    if (subscriptions.get(type) !== 'enabled') return mgmtError(400, 'AF20022', 'No subscription found for the specified content type.', req);
    subscriptions.set(type, 'disabled');
    return { status: 204, body: '' };
  };
  const list = (req: SimRequest): SimResponse => {
    guard(req, false);
    return json(200, [...subscriptions.entries()].map(([contentType, status]) => ({ contentType, status, webhook: null })));
  };

  const content = (req: SimRequest): SimResponse => {
    const type = guard(req, true) as ContentType;
    if (subscriptions.get(type) !== 'enabled') return mgmtError(400, 'AF20022', 'No subscription found for the specified content type.', req);
    const nowMs = ctx.simNow().getTime();
    const window = parseWindow(req, nowMs);
    const offset = parseNextPage(req);
    const all = blobs.list(type, window.start, Math.min(window.end, nowMs + 1));
    const page = all.slice(offset, offset + ctx.limits.mgmtContentPageSize);
    const headers: Record<string, string> = {};
    if (offset + page.length < all.length) {
      const next = new URL(`${req.mountBase}/api/v1/${ctx.tenantId}/activity/feed/subscriptions/content`);
      next.searchParams.set('contentType', type);
      next.searchParams.set('startTime', iso(window.start));
      next.searchParams.set('endTime', iso(window.end));
      next.searchParams.set('nextPage', Buffer.from(JSON.stringify({ o: offset + page.length })).toString('base64url'));
      const publisher = req.url.searchParams.get('PublisherIdentifier');
      if (publisher) next.searchParams.set('PublisherIdentifier', publisher);
      headers['NextPageUri'] = next.toString();
    }
    return json(
      200,
      page.map((b) => ({
        contentType: b.contentType,
        contentId: b.contentId,
        contentUri: `${req.mountBase}/api/v1.0/${ctx.tenantId}/activity/feed/audit/${encodeURIComponent(b.contentId)}`,
        contentCreated: iso(b.contentCreatedMs),
        contentExpiration: iso(b.contentCreatedMs + 7 * DAY_MS),
      })),
      headers,
    );
  };

  const blob = (req: SimRequest): SimResponse => {
    guard(req, false);
    const id = req.params['contentId'] ?? '';
    const found = blobs.find(id);
    const nowMs = ctx.simNow().getTime();
    if (!found || found.contentCreatedMs > nowMs) return mgmtError(400, 'AF20050', 'The specified content does not exist.', req);
    if (found.contentCreatedMs + 7 * DAY_MS < nowMs) return mgmtError(400, 'AF20051', 'Content requested with the key has already expired. Content older than 7 days cannot be retrieved.', req);
    return json(200, found.records);
  };

  const base = '/api/:ver/:tenant/activity/feed';
  return [
    { method: 'POST', pattern: `${base}/subscriptions/start`, handler: start },
    { method: 'POST', pattern: `${base}/subscriptions/stop`, handler: stop },
    { method: 'GET', pattern: `${base}/subscriptions/list`, handler: list },
    { method: 'GET', pattern: `${base}/subscriptions/content`, handler: content },
    { method: 'GET', pattern: `${base}/audit/:contentId`, handler: blob },
  ];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, '.000Z');
}

/** startTime/endTime: both or neither, ≤ 24 h apart, start within 7 days; omitted = last 24 h. */
function parseWindow(req: SimRequest, nowMs: number): { start: number; end: number } {
  const startText = req.url.searchParams.get('startTime');
  const endText = req.url.searchParams.get('endTime');
  if (startText === null && endText === null) return { start: nowMs - DAY_MS, end: nowMs };
  if (startText === null || endText === null) {
    throw new SimHttpError(mgmtError(400, 'AF20055', 'Start time and end time must both be specified (or both omitted).', req));
  }
  const start = parseFeedTime(startText);
  const end = parseFeedTime(endText);
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new SimHttpError(mgmtError(400, 'AF20002', 'Invalid parameter: startTime/endTime must be YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (UTC).', req));
  }
  if (end <= start || end - start > DAY_MS) {
    throw new SimHttpError(mgmtError(400, 'AF20055', 'Start time and end time must be specified in a range of at most 24 hours, with the end after the start.', req));
  }
  if (start < nowMs - 7 * DAY_MS) {
    throw new SimHttpError(mgmtError(400, 'AF20055', 'Start time cannot be more than 7 days in the past.', req));
  }
  return { start, end };
}

function parseFeedTime(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/.exec(text.trim());
  if (!m) return Number.NaN;
  return Date.parse(`${m[1]}T${m[2] ?? '00:00'}:${m[3] ?? '00'}Z`);
}

function parseNextPage(req: SimRequest): number {
  const raw = req.url.searchParams.get('nextPage');
  if (raw === null) return 0;
  try {
    return nextPageSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))).o;
  } catch {
    throw new SimHttpError(mgmtError(400, 'AF20031', 'Invalid nextPage Input.', req));
  }
}
