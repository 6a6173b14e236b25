import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordTypeName } from '../../../../src-shared/domain/ual-record-types.js';
import { effectiveExoRoles, canSearchAuditLog } from '../exo/exo-rbac.js';
import { json, SimHttpError, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { retentionStartMs, type SimApiContext } from '../sim-context.js';
import type { UalEntry, UalStore } from '../ual/ual-store.js';
import { normalizeIp } from '../ual/ual-store.js';
import { graphVersion } from './audit-log-routes.js';
import { collectionPage, metadataContext } from './graph-collection.js';
import { graphError } from './graph-errors.js';

/**
 * Microsoft Graph audit log queries (`security/auditLog/queries`): create (201, notStarted) →
 * the status moves to running and then succeeded on a timer → records page through
 * `@odata.nextLink`. A query that matches more than the record limit still succeeds, truncated,
 * with `isRecordCountLimitExceeded: true`. Records carry AuditData as an object. With the
 * query-fail fault on its create request, a query ends `failed` instead, with no records.
 */
const strings = z.array(z.string()).default([]);
const createBody = z.object({
  '@odata.type': z.string().optional(),
  displayName: z.string().optional(),
  filterStartDateTime: z.iso.datetime({ offset: true }).optional(),
  filterEndDateTime: z.iso.datetime({ offset: true }).optional(),
  recordTypeFilters: strings,
  keywordFilter: z.string().optional(),
  serviceFilter: z.string().optional(),
  serviceFilters: strings,
  operationFilters: strings,
  userPrincipalNameFilters: strings,
  ipAddressFilters: strings,
  objectIdFilters: strings,
  administrativeUnitIdFilters: strings,
});
type CreateBody = z.infer<typeof createBody>;

interface StoredQuery {
  id: string;
  body: CreateBody;
  createdAtMs: number;
  matches: UalEntry[];
  exceeded: boolean;
  fails: boolean;
}

const USER_TYPES = ['regular', 'reserved', 'admin', 'dcAdmin', 'system', 'application', 'servicePrincipal', 'customPolicy', 'systemPolicy', 'partnerTechnician', 'guest'];

export function auditQueryRoutes(ctx: SimApiContext, store: UalStore): Route[] {
  const queries = new Map<string, StoredQuery>();

  const statusOf = (q: StoredQuery): 'notStarted' | 'running' | 'succeeded' | 'failed' => {
    const elapsed = ctx.now().getTime() - q.createdAtMs;
    if (elapsed < ctx.limits.auditQueryStartMs) return 'notStarted';
    if (elapsed < ctx.limits.auditQueryStartMs + ctx.limits.auditQueryRunMs) return 'running';
    return q.fails ? 'failed' : 'succeeded';
  };

  const present = (q: StoredQuery): Record<string, unknown> => {
    const status = statusOf(q);
    const b = q.body;
    return {
      '@odata.type': '#microsoft.graph.security.auditLogQuery',
      id: q.id,
      displayName: b.displayName ?? null,
      filterStartDateTime: b.filterStartDateTime ?? null,
      filterEndDateTime: b.filterEndDateTime ?? null,
      recordTypeFilters: b.recordTypeFilters,
      keywordFilter: b.keywordFilter ?? null,
      serviceFilter: b.serviceFilter ?? null,
      serviceFilters: b.serviceFilters,
      operationFilters: b.operationFilters,
      userPrincipalNameFilters: b.userPrincipalNameFilters,
      ipAddressFilters: b.ipAddressFilters,
      objectIdFilters: b.objectIdFilters,
      administrativeUnitIdFilters: b.administrativeUnitIdFilters,
      status,
      recordCountLimit: ctx.limits.auditQueryRecordLimit,
      approximateReturnedRecordCount: status === 'succeeded' ? q.matches.length : null,
      isRecordCountLimitExceeded: status === 'succeeded' ? q.exceeded : null,
    };
  };

  const find = (req: SimRequest): StoredQuery => {
    const q = queries.get(req.params['id'] ?? '');
    if (!q) throw new SimHttpError(graphError(404, 'ResourceNotFound', `The audit log query '${req.params['id'] ?? ''}' was not found.`, req));
    return q;
  };

  const create = (req: SimRequest): SimResponse => {
    requireAuditQueryAccess(ctx, req);
    let raw: unknown;
    try {
      raw = req.body.trim() === '' ? {} : JSON.parse(req.body);
    } catch {
      return graphError(400, 'BadRequest', 'The request body is not valid JSON.', req);
    }
    const parsed = createBody.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return graphError(400, 'BadRequest', `Invalid value for '${issue?.path.join('.') ?? 'body'}': ${issue?.message ?? 'invalid'}.`, req);
    }
    const body = parsed.data;
    const start = body.filterStartDateTime ? Date.parse(body.filterStartDateTime) : retentionStartMs(ctx, 'ual');
    const end = body.filterEndDateTime ? Date.parse(body.filterEndDateTime) : ctx.simNow().getTime();
    if (end <= start) return graphError(400, 'BadRequest', 'filterEndDateTime must be later than filterStartDateTime.', req);
    const all = store.range(start, end).filter(matcher(store, body));
    const limit = ctx.limits.auditQueryRecordLimit;
    const query: StoredQuery = { id: randomUUID(), body, createdAtMs: ctx.now().getTime(), matches: all.slice(0, limit), exceeded: all.length > limit, fails: req.queryFail };
    queries.set(query.id, query);
    const version = graphVersion(req);
    return json(201, { '@odata.context': metadataContext(req, version, 'security/auditLog/queries/$entity'), ...present(query) }, {
      location: `${req.mountBase}/${version}/security/auditLog/queries/${query.id}`,
    });
  };

  const list = (req: SimRequest): SimResponse => {
    requireAuditQueryAccess(ctx, req);
    return collectionPage(req, {
      items: [...queries.values()].map((q) => present(q)),
      context: metadataContext(req, graphVersion(req), 'security/auditLog/queries'),
      defaultTop: 100,
      maxTop: 1000,
    });
  };

  const get = (req: SimRequest): SimResponse => {
    requireAuditQueryAccess(ctx, req);
    const q = find(req);
    return json(200, { '@odata.context': metadataContext(req, graphVersion(req), 'security/auditLog/queries/$entity'), ...present(q) });
  };

  const records = (req: SimRequest): SimResponse => {
    requireAuditQueryAccess(ctx, req);
    const q = find(req);
    const status = statusOf(q);
    if (status !== 'succeeded') {
      return graphError(400, 'BadRequest', `The audit log query is ${status}; records are available once its status is succeeded.`, req);
    }
    return collectionPage(req, {
      items: q.matches,
      context: metadataContext(req, graphVersion(req), `security/auditLog/queries('${q.id}')/records`),
      defaultTop: ctx.limits.auditQueryPageSize,
      maxTop: ctx.limits.auditQueryPageSize,
      map: (e) => presentRecord(ctx, store, e),
    });
  };

  return [
    { method: 'POST', pattern: '/:version/security/auditLog/queries', handler: create },
    { method: 'GET', pattern: '/:version/security/auditLog/queries', handler: list },
    { method: 'GET', pattern: '/:version/security/auditLog/queries/:id', handler: get },
    { method: 'GET', pattern: '/:version/security/auditLog/queries/:id/records', handler: records },
  ];
}

function requireAuditQueryAccess(ctx: SimApiContext, req: SimRequest): void {
  const scopes = req.auth?.scopes ?? [];
  if (!scopes.some((s) => s === 'AuditLogsQuery.Read.All' || /^AuditLogsQuery-[A-Za-z]+\.Read\.All$/.test(s))) {
    throw new SimHttpError(graphError(403, 'Forbidden', "Missing scope permissions on the request. API requires one of 'AuditLogsQuery.Read.All'.", req));
  }
  if (!canSearchAuditLog(effectiveExoRoles(ctx.profile.exoRoles, req.auth?.roleTemplateIds ?? []))) {
    throw new SimHttpError(graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', req));
  }
}

/** Graph spells record types camelCase (`exchangeItem`); types it has no name for are `unknownFutureValue`. */
export function camelRecordType(recordType: number): string {
  const name = recordTypeName(recordType);
  return name === undefined ? 'unknownFutureValue' : name.charAt(0).toLowerCase() + name.slice(1);
}

function matcher(store: UalStore, b: CreateBody): (e: UalEntry) => boolean {
  const lower = (xs: string[]): Set<string> | null => (xs.length > 0 ? new Set(xs.map((x) => x.toLowerCase())) : null);
  const types = lower(b.recordTypeFilters);
  const services = lower([...b.serviceFilters, ...(b.serviceFilter ? [b.serviceFilter] : [])]);
  const operations = lower(b.operationFilters);
  const users = lower(b.userPrincipalNameFilters);
  const ips = b.ipAddressFilters.length > 0 ? new Set(b.ipAddressFilters.map(normalizeIp)) : null;
  const objects = lower(b.objectIdFilters);
  const keyword = b.keywordFilter ? b.keywordFilter.toLowerCase() : null;
  return (e) => {
    const d = e.data;
    if (types && !types.has(camelRecordType(d.RecordType).toLowerCase())) return false;
    if (services && !services.has(d.Workload.toLowerCase())) return false;
    if (operations && !operations.has(d.Operation.toLowerCase())) return false;
    if (users && !users.has(d.UserId.toLowerCase())) return false;
    if (ips && !ips.has(store.clientIp(e) ?? '')) return false;
    if (objects && !objects.has(String(d.ObjectId ?? '').toLowerCase())) return false;
    if (keyword && !store.json(e).toLowerCase().includes(keyword)) return false;
    return true;
  };
}

function presentRecord(ctx: SimApiContext, store: UalStore, e: UalEntry): object {
  const d = e.data;
  return {
    '@odata.type': '#microsoft.graph.security.auditLogRecord',
    id: d.Id,
    createdDateTime: `${d.CreationTime.replace(/Z$/, '')}Z`,
    auditLogRecordType: camelRecordType(d.RecordType),
    operation: d.Operation,
    organizationId: ctx.tenantId,
    userType: USER_TYPES[d.UserType] ?? 'unknownFutureValue',
    userId: d.UserId,
    service: d.Workload,
    objectId: d.ObjectId ?? '',
    userPrincipalName: d.UserId,
    clientIp: store.clientIp(e) ?? '',
    administrativeUnits: [],
    auditData: { '@odata.type': '#microsoft.graph.security.defaultAuditData', ...d },
  };
}
