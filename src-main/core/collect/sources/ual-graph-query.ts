import { z } from 'zod';
import type { ApiClient } from '../http/api-client.js';
import type { ApiPage } from '../http/api-types.js';
import type { UalSearchFilter } from '../http/exo-session.js';
import { odataPages, shapeOf, type Pager } from '../http/paging.js';
import type { TimeWindow } from '../planner/windows.js';

/**
 * The unified audit log through Microsoft Graph's audit log query (notes §3): a query is created
 * for a time range and filters, runs on the service for a while (minutes to hours), and once its
 * status is `succeeded` its records are paged with `@odata.nextLink`. Records carry AuditData as
 * an object (format `ual.graph_audit_query`).
 *
 * Filters are the Exchange search's, under Graph's names. Record types are spelled camelCase
 * here (`exchangeItem`), leading acronyms in lower case (`mcasAlerts`), as Graph spells enums.
 */
export const AUDIT_QUERY_VERSION = 'v1.0';

export const AuditQueryStatus = z.enum(['notStarted', 'running', 'succeeded', 'failed', 'cancelled', 'unknownFutureValue']);
export type AuditQueryStatus = z.infer<typeof AuditQueryStatus>;

const queryState = z
  .object({
    id: z.string().min(1),
    // A status this build does not know is read as still unknown, not as a failure to parse.
    status: AuditQueryStatus.catch('unknownFutureValue'),
    approximateReturnedRecordCount: z.number().int().nonnegative().nullish(),
    isRecordCountLimitExceeded: z.boolean().nullish(),
  })
  .loose();
export type AuditQueryState = z.infer<typeof queryState>;

const recordIds = z.object({ value: z.array(z.object({ id: z.string().min(1) }).loose()) }).loose();

export function isTerminal(status: AuditQueryStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

/** `ExchangeItem` → `exchangeItem`, `MCASAlerts` → `mcasAlerts`, `MSTIC` → `mstic`. */
export function graphRecordType(name: string): string {
  const lead = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (lead.length <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  // The last capital of a run starts the next word when a lower-case letter follows it.
  const keep = lead.length < name.length ? lead.length - 1 : lead.length;
  return name.slice(0, keep).toLowerCase() + name.slice(keep);
}

/** Whole seconds, UTC: the windows of one range must meet exactly. */
function queryTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function auditQueryBody(window: TimeWindow, filter: UalSearchFilter, displayName: string): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.security.auditLogQuery',
    displayName,
    filterStartDateTime: queryTime(window.startMs),
    filterEndDateTime: queryTime(window.endMs),
    ...(filter.recordType ? { recordTypeFilters: [graphRecordType(filter.recordType)] } : {}),
    ...(filter.operations?.length ? { operationFilters: filter.operations } : {}),
    ...(filter.userIds?.length ? { userPrincipalNameFilters: filter.userIds } : {}),
    ...(filter.ipAddresses?.length ? { ipAddressFilters: filter.ipAddresses } : {}),
    ...(filter.objectIds?.length ? { objectIdFilters: filter.objectIds } : {}),
    ...(filter.freeText ? { keywordFilter: filter.freeText } : {}),
  };
}

function queriesUrl(graphBase: string): string {
  return `${graphBase.replace(/\/$/, '')}/${AUDIT_QUERY_VERSION}/security/auditLog/queries`;
}

export async function createAuditQuery(api: ApiClient, graphBase: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<AuditQueryState> {
  const page = await api.request({ service: 'graph', method: 'POST', url: queriesUrl(graphBase), body: JSON.stringify(body), ...(signal ? { signal } : {}) });
  return shapeOf(queryState, page, 'an audit log query');
}

export async function readAuditQuery(api: ApiClient, graphBase: string, id: string, signal?: AbortSignal): Promise<AuditQueryState> {
  const page = await api.request({ service: 'graph', method: 'GET', url: `${queriesUrl(graphBase)}/${encodeURIComponent(id)}`, ...(signal ? { signal } : {}) });
  return shapeOf(queryState, page, 'an audit log query');
}

export function auditQueryRecordPages(api: ApiClient, graphBase: string, id: string, signal?: AbortSignal): Pager {
  return odataPages(api, { service: 'graph', method: 'GET', url: `${queriesUrl(graphBase)}/${encodeURIComponent(id)}/records`, ...(signal ? { signal } : {}) });
}

/** Record ids of a records page (what completeness is counted on). */
export function recordIdsOf(page: ApiPage): string[] {
  return shapeOf(recordIds, page, 'a page of audit log records').value.map((r) => r.id);
}

/** The ledger's record of what was queried. */
export function auditQueryFilterRecord(filter: UalSearchFilter): Record<string, unknown> {
  return { endpoint: `${AUDIT_QUERY_VERSION}/security/auditLog/queries`, ...filter };
}
