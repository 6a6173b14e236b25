import { z } from 'zod';
import type { ArmActivityEvent, ArmSubscription } from '../../data/types.js';
import { json, SimHttpError, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { parseRecordTime, retentionStartMs, type SimApiContext } from '../sim-context.js';
import { armError } from './arm-errors.js';

/**
 * Azure Resource Manager: tenants, subscriptions, the Activity Log
 * (`providers/Microsoft.Insights/eventtypes/management/values`) with its narrow `$filter`
 * grammar (eventTimestamp ge/le mandatory, quoted; one optional equality), 90-day reach,
 * newest-first pages with `nextLink`, and the caller-permissions API.
 */
const skipTokenSchema = z.object({ o: z.number().int().nonnegative() });
const FILTER_PATTERN =
  /^\s*eventTimestamp\s+ge\s+'([^']+)'\s+and\s+eventTimestamp\s+le\s+'([^']+)'(?:\s+and\s+(resourceGroupName|resourceUri|resourceProvider|correlationId)\s+eq\s+'([^']*)')?\s*$/i;
const READ_INSIGHTS = 'Microsoft.Insights/eventtypes/values/read';

export function armRoutes(ctx: SimApiContext): Route[] {
  const subscriptions = ctx.dataset.azure.subscriptions;
  const activityBySubscription = new Map<string, ArmActivityEvent[]>();
  for (const event of ctx.dataset.azure.activity) {
    const key = event.subscriptionId.toLowerCase();
    const list = activityBySubscription.get(key) ?? [];
    list.push(event);
    activityBySubscription.set(key, list);
  }
  for (const list of activityBySubscription.values()) {
    list.sort((a, b) => parseRecordTime(b.eventTimestamp) - parseRecordTime(a.eventTimestamp) || b.eventDataId.localeCompare(a.eventDataId));
  }

  const findSubscription = (req: SimRequest): ArmSubscription => {
    const id = req.params['subscriptionId'] ?? '';
    if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(id)) {
      throw new SimHttpError(armError(400, 'InvalidSubscriptionId', `The provided subscription identifier '${id}' is malformed or invalid.`, req));
    }
    const found = subscriptions.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase());
    if (!found) throw new SimHttpError(armError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`, req));
    return found;
  };

  const listSubscriptions = (req: SimRequest): SimResponse => {
    requireApiVersion(req);
    return json(200, { value: subscriptions, count: { type: 'Total', value: subscriptions.length } });
  };
  const getSubscription = (req: SimRequest): SimResponse => {
    requireApiVersion(req);
    return json(200, findSubscription(req));
  };
  const listTenants = (req: SimRequest): SimResponse => {
    requireApiVersion(req);
    const t = ctx.dataset.tenant;
    return json(200, {
      value: [{ id: `/tenants/${t.id}`, tenantId: t.id, countryCode: ctx.dataset.tenantConfig.organization.countryLetterCode, displayName: t.displayName, domains: t.domains, tenantCategory: 'Home', defaultDomain: t.defaultDomain, tenantType: 'AAD' }],
    });
  };

  const permissions = (req: SimRequest): SimResponse => {
    requireApiVersion(req);
    findSubscription(req);
    // Without Reader the responder still sees the subscription (a narrow custom role), but not its log.
    const entry = ctx.profile.armReadActivity
      ? { actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }
      : { actions: ['Microsoft.Resources/subscriptions/read', 'Microsoft.Resources/subscriptions/resourceGroups/read'], notActions: [], dataActions: [], notDataActions: [] };
    return json(200, { value: [entry] });
  };

  const activityLog = (req: SimRequest): SimResponse => {
    requireApiVersion(req);
    const subscription = findSubscription(req);
    if (!ctx.profile.armReadActivity) {
      return armError(
        403,
        'AuthorizationFailed',
        `The client '${req.auth?.upn ?? ''}' with object id '${req.auth?.objectId ?? ''}' does not have authorization to perform action '${READ_INSIGHTS}' over scope '/subscriptions/${subscription.subscriptionId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
        req,
      );
    }
    const filterText = req.url.searchParams.get('$filter');
    const match = filterText === null ? null : FILTER_PATTERN.exec(filterText);
    if (!match) {
      return armError(
        400,
        'BadRequest',
        "The $filter query parameter is missing or invalid. It must be: eventTimestamp ge '<start>' and eventTimestamp le '<end>' [and resourceGroupName|resourceUri|resourceProvider|correlationId eq '<value>'].",
        req,
      );
    }
    const start = Date.parse(match[1] as string);
    const end = Date.parse(match[2] as string);
    if (Number.isNaN(start) || Number.isNaN(end)) return armError(400, 'BadRequest', 'The eventTimestamp values in $filter must be ISO 8601 date-times.', req);
    if (end < start) return armError(400, 'BadRequest', 'The end time of the query must not be earlier than its start time.', req);
    const reach = retentionStartMs(ctx, 'azureActivity');
    if (start < reach) {
      return armError(400, 'BadRequest', `The start time of the query cannot be older than ${ctx.profile.retentionDays.azureActivity} days.`, req);
    }
    const field = match[3]?.toLowerCase() ?? null;
    const value = (match[4] ?? '').toLowerCase();
    const events = (activityBySubscription.get(subscription.subscriptionId.toLowerCase()) ?? []).filter((e) => {
      const t = parseRecordTime(e.eventTimestamp);
      if (t < start || t > end) return false;
      switch (field) {
        case 'resourcegroupname':
          return e.resourceGroupName.toLowerCase() === value;
        case 'resourceuri':
          return e.resourceId.toLowerCase() === value;
        case 'resourceprovider':
          return e.resourceProviderName.value.toLowerCase() === value;
        case 'correlationid':
          return e.correlationId.toLowerCase() === value;
        default:
          return true;
      }
    });
    const offset = decodeSkipToken(req);
    const page = events.slice(offset, offset + ctx.limits.armPageSize);
    const select = req.url.searchParams.get('$select');
    const wanted = select ? new Set(select.split(',').map((s) => s.trim().toLowerCase())) : null;
    const body: Record<string, unknown> = {
      value: page.map((e) => (wanted ? Object.fromEntries(Object.entries(e).filter(([k]) => wanted.has(k.toLowerCase()))) : e)),
    };
    if (offset + page.length < events.length) {
      const next = new URL(req.url.toString());
      next.searchParams.set('$skiptoken', Buffer.from(JSON.stringify({ o: offset + page.length })).toString('base64url'));
      body['nextLink'] = next.toString();
    }
    return json(200, body);
  };

  return [
    { method: 'GET', pattern: '/tenants', handler: listTenants },
    { method: 'GET', pattern: '/subscriptions', handler: listSubscriptions },
    { method: 'GET', pattern: '/subscriptions/:subscriptionId', handler: getSubscription },
    { method: 'GET', pattern: '/subscriptions/:subscriptionId/providers/Microsoft.Insights/eventtypes/management/values', handler: activityLog },
    { method: 'GET', pattern: '/subscriptions/:subscriptionId/providers/Microsoft.Authorization/permissions', handler: permissions },
  ];
}

function requireApiVersion(req: SimRequest): void {
  const version = req.url.searchParams.get('api-version');
  if (version === null || version === '') {
    throw new SimHttpError(armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.", req));
  }
  if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(version)) {
    throw new SimHttpError(armError(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '2015-04-01,2020-01-01,2022-12-01'.`, req));
  }
}

function decodeSkipToken(req: SimRequest): number {
  const raw = req.url.searchParams.get('$skiptoken');
  if (raw === null) return 0;
  try {
    return skipTokenSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))).o;
  } catch {
    throw new SimHttpError(armError(400, 'InvalidSkipToken', 'The $skiptoken value is invalid.', req));
  }
}
