import type { GraphDirectoryAudit, GraphSignIn, SimSource } from '../../data/types.js';
import { json, SimHttpError, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { parseRecordTime, retentionStartMs, type SimApiContext } from '../sim-context.js';
import { collectionPage, metadataContext, queryParam } from './graph-collection.js';
import { graphError } from './graph-errors.js';
import { FilterSyntaxError, parseODataFilter, type Predicate } from './odata-filter.js';

/**
 * `auditLogs/signIns` and `auditLogs/directoryAudits` (v1.0 and beta): newest first, `$filter` on
 * the documented properties, `$top` ≤ 1000, `@odata.nextLink` paging, retention per profile, and
 * the real refusals — licence (non-premium tenant), missing directory role, missing permission,
 * and v1.0's rejection of `signInEventTypes`. Without a `signInEventTypes` filter only interactive
 * sign-ins are returned, which is the trap the real API sets for collectors.
 */
export const REPORT_READER_ROLES = new Set([
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451', // Global Reader
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  '5d6b6bb7-de71-4623-b4af-96380a352509', // Security Reader
  '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', // Security Operator
  '4a5d8f65-41da-4de4-8968-e035b65339cf', // Reports Reader
]);

const SIGNIN_FILTERABLE = new Set([
  'createddatetime', 'signineventtypes', 'appdisplayname', 'appid', 'userprincipalname', 'userdisplayname', 'userid', 'ipaddress',
  'clientappused', 'conditionalaccessstatus', 'correlationid', 'id', 'status/errorcode', 'location/city', 'location/state',
  'location/countryorregion', 'devicedetail/browser', 'devicedetail/operatingsystem', 'resourcedisplayname', 'resourceid',
  'serviceprincipalid', 'serviceprincipalname', 'useragent', 'riskstate', 'risklevelaggregated', 'risklevelduringsignin',
  'riskdetail', 'tokenissuername', 'originalrequestid', 'authenticationrequirement', 'isinteractive',
]);
const AUDIT_FILTERABLE = new Set([
  'activitydatetime', 'activitydisplayname', 'category', 'correlationid', 'id', 'loggedbyservice', 'result', 'operationtype',
  'initiatedby/user/id', 'initiatedby/user/displayname', 'initiatedby/user/userprincipalname', 'initiatedby/app/appid',
  'initiatedby/app/displayname', 'targetresources',
]);
const V1_SIGNIN_FIELDS = [
  'id', 'createdDateTime', 'userDisplayName', 'userPrincipalName', 'userId', 'appId', 'appDisplayName', 'ipAddress', 'clientAppUsed',
  'correlationId', 'conditionalAccessStatus', 'isInteractive', 'riskDetail', 'riskLevelAggregated', 'riskLevelDuringSignIn',
  'riskState', 'riskEventTypes_v2', 'resourceDisplayName', 'resourceId', 'status', 'deviceDetail', 'location',
  'appliedConditionalAccessPolicies',
] as const;

interface AuditCollection<T> {
  source: SimSource;
  entitySet: string;
  newestFirst: T[];
  timeField: 'createdDateTime' | 'activityDateTime';
  filterable: Set<string>;
}

export function auditLogRoutes(ctx: SimApiContext): Route[] {
  const signIns: AuditCollection<GraphSignIn> = {
    source: 'signins',
    entitySet: 'auditLogs/signIns',
    newestFirst: [...ctx.dataset.signIns].reverse(),
    timeField: 'createdDateTime',
    filterable: SIGNIN_FILTERABLE,
  };
  const audits: AuditCollection<GraphDirectoryAudit> = {
    source: 'directoryAudits',
    entitySet: 'auditLogs/directoryAudits',
    newestFirst: [...ctx.dataset.directoryAudits].reverse(),
    timeField: 'activityDateTime',
    filterable: AUDIT_FILTERABLE,
  };
  const cache = createResultCache();

  const listSignIns = (req: SimRequest): SimResponse => {
    const version = graphVersion(req);
    requireReportAccess(ctx, req, true);
    const filterText = queryParam(req, '$filter') ?? '';
    const usesEventTypes = /signInEventTypes/i.test(filterText);
    if (version === 'v1.0' && usesEventTypes) throw new SimHttpError(graphError(400, 'BadRequest', 'Invalid filter clause', req));
    const items = cache.get(`signIns|${version}|${filterText}|${queryParam(req, '$orderby') ?? ''}`, retentionStartMs(ctx, 'signins'), () => {
      const predicate = compileFilter(req, filterText, signIns.filterable);
      // No signInEventTypes clause (and always on v1.0): interactive sign-ins only.
      const interactiveOnly = !usesEventTypes;
      return selectRecords(ctx, req, signIns, (r) => (!interactiveOnly || r.signInEventTypes.includes('interactiveUser')) && predicate(r));
    });
    return collectionPage(req, {
      items,
      context: metadataContext(req, version, signIns.entitySet),
      defaultTop: ctx.limits.graphPageSize,
      maxTop: ctx.limits.graphPageSize,
      map: (r) => presentSignIn(ctx, r, version),
    });
  };

  const listAudits = (req: SimRequest): SimResponse => {
    const version = graphVersion(req);
    requireReportAccess(ctx, req, false);
    const filterText = queryParam(req, '$filter') ?? '';
    const items = cache.get(`audits|${filterText}|${queryParam(req, '$orderby') ?? ''}`, retentionStartMs(ctx, 'directoryAudits'), () =>
      selectRecords(ctx, req, audits, compileFilter(req, filterText, audits.filterable)),
    );
    return collectionPage(req, { items, context: metadataContext(req, version, audits.entitySet), defaultTop: ctx.limits.graphPageSize, maxTop: ctx.limits.graphPageSize });
  };

  const getOne = <T extends { id: string }>(collection: AuditCollection<T>, present: (r: T, version: string) => object) => (req: SimRequest): SimResponse => {
    const version = graphVersion(req);
    requireReportAccess(ctx, req, collection.source === 'signins');
    const id = req.params['id'] ?? '';
    const start = retentionStartMs(ctx, collection.source);
    const found = collection.newestFirst.find((r) => r.id === id && parseRecordTime(timeOf(r, collection.timeField)) >= start);
    if (!found) {
      return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, req);
    }
    return json(200, { '@odata.context': `${metadataContext(req, version, collection.entitySet)}/$entity`, ...present(found, version) });
  };

  return [
    { method: 'GET', pattern: '/:version/auditLogs/signIns', handler: listSignIns, bucket: 'graph-audit' },
    { method: 'GET', pattern: '/:version/auditLogs/signIns/:id', handler: getOne(signIns, (r, v) => presentSignIn(ctx, r, v)), bucket: 'graph-audit' },
    { method: 'GET', pattern: '/:version/auditLogs/directoryAudits', handler: listAudits, bucket: 'graph-audit' },
    { method: 'GET', pattern: '/:version/auditLogs/directoryAudits/:id', handler: getOne(audits, (r) => r), bucket: 'graph-audit' },
  ];
}

export function graphVersion(req: SimRequest): 'v1.0' | 'beta' {
  const version = req.params['version'] ?? '';
  if (version === 'v1.0' || version === 'beta') return version;
  throw new SimHttpError(graphError(400, 'BadRequest', `Invalid version: ${version}`, req));
}

/** Permission, role and (for sign-ins) licence gates, in the order Graph applies them. */
function requireReportAccess(ctx: SimApiContext, req: SimRequest, signIns: boolean): void {
  const auth = req.auth;
  const scopes = new Set(auth?.scopes ?? []);
  if (!scopes.has('AuditLog.Read.All') && !scopes.has('Directory.Read.All')) {
    throw new SimHttpError(graphError(403, 'Authentication_MSGraphPermissionMissing', 'Calling principal does not have required MSGraph permissions AuditLog.Read.All', req));
  }
  if (!(auth?.roleTemplateIds ?? []).some((id) => REPORT_READER_ROLES.has(id))) {
    throw new SimHttpError(graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', req));
  }
  if (signIns && (ctx.profile.signInsApiForbidden || !ctx.profile.hasEntraP1)) {
    throw new SimHttpError(
      graphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license", req),
    );
  }
}

function compileFilter(req: SimRequest, text: string, filterable: Set<string>): Predicate {
  if (text.trim().length === 0) return () => true;
  try {
    const parsed = parseODataFilter(text);
    for (const path of parsed.paths) {
      if (!filterable.has(path)) throw new FilterSyntaxError(`property '${path}' is not supported in a filter`);
    }
    return parsed.predicate;
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new SimHttpError(graphError(400, 'BadRequest', `Invalid filter clause: ${error.message}`, req));
    throw error;
  }
}

function selectRecords<T extends { id: string }>(ctx: SimApiContext, req: SimRequest, collection: AuditCollection<T>, predicate: (record: T) => boolean): T[] {
  const start = retentionStartMs(ctx, collection.source);
  const orderBy = (queryParam(req, '$orderby') ?? '').trim().toLowerCase();
  if (orderBy && !new RegExp(`^${collection.timeField.toLowerCase()}( (asc|desc))?$`).test(orderBy)) {
    throw new SimHttpError(graphError(400, 'BadRequest', `Ordering by '${orderBy}' is not supported.`, req));
  }
  const selected = collection.newestFirst.filter((r) => parseRecordTime(timeOf(r, collection.timeField)) >= start && predicate(r));
  return orderBy.endsWith(' asc') ? selected.reverse() : selected;
}

function timeOf(record: object, field: string): string {
  const value = (record as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

function presentSignIn(ctx: SimApiContext, record: GraphSignIn, version: string): object {
  // Risk details need Entra ID P2; other tenants see them as hidden.
  const risk = ctx.profile.hasEntraP2
    ? {}
    : { riskDetail: 'hidden', riskLevelAggregated: 'hidden', riskLevelDuringSignIn: 'hidden', riskState: 'none', riskEventTypes_v2: [] };
  const full = { ...record, ...risk };
  if (version === 'beta') return full;
  return Object.fromEntries(V1_SIGNIN_FIELDS.map((k) => [k, (full as Record<string, unknown>)[k]]));
}

/** Filtered results are reused while paging; the key includes the retention minute. */
function createResultCache(): { get<T>(key: string, retentionStart: number, compute: () => T[]): T[] } {
  const entries = new Map<string, unknown[]>();
  return {
    get<T>(key: string, retentionStart: number, compute: () => T[]): T[] {
      const full = `${key}|${Math.floor(retentionStart / 60_000)}`;
      const hit = entries.get(full);
      if (hit) return hit as T[];
      const value = compute();
      entries.set(full, value);
      if (entries.size > 16) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
