import type { ApiClient } from '../http/api-client.js';
import { searchSessionPages, type SessionPage, type UalSearchFilter } from '../http/exo-session.js';
import type { TimeWindow } from '../planner/windows.js';

/**
 * Unified audit log through Exchange Online's Search-UnifiedAuditLog: one session per window
 * attempt. The settings default to Microsoft's limits (notes §4.1); tests lower them together
 * with the simulator's.
 */
export interface UalSearchTarget {
  exoBase: string;
  /** Tenant GUID or initial domain. */
  tenant: string;
  anchorUpn: string | null;
  filter: UalSearchFilter;
  /** Rows per cmdlet run; at most 5000. */
  resultSize?: number;
  /** Rows per HTTP page inside a run. */
  odataPageSize?: number;
  /** Rows one session hands out at most: 50,000. */
  sessionCap?: number;
}

export const UAL_LIMITS = { resultSize: 5000, odataPageSize: 1000, sessionCap: 50_000 } as const;

export function ualSessionCap(target: UalSearchTarget): number {
  return target.sessionCap ?? UAL_LIMITS.sessionCap;
}

export function ualSearchPages(api: ApiClient, target: UalSearchTarget, window: TimeWindow, sessionId: string, signal?: AbortSignal): AsyncGenerator<SessionPage, void, undefined> {
  return searchSessionPages(api, {
    exoBase: target.exoBase,
    tenant: target.tenant,
    anchorUpn: target.anchorUpn,
    startMs: window.startMs,
    endMs: window.endMs,
    filter: target.filter,
    sessionId,
    resultSize: Math.min(5000, target.resultSize ?? UAL_LIMITS.resultSize),
    odataPageSize: target.odataPageSize ?? UAL_LIMITS.odataPageSize,
    sessionCap: ualSessionCap(target),
    ...(signal ? { signal } : {}),
  });
}

/** The ledger's record of what was searched (no secrets: filters only). */
export function ualFilterRecord(target: UalSearchTarget): Record<string, unknown> {
  return { cmdlet: 'Search-UnifiedAuditLog', sessionCommand: 'ReturnLargeSet', ...target.filter };
}
