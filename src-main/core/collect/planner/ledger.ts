import type { WindowStatus } from '../../db/queries/collection-ledger.js';
import type { WriteOp } from '../write-op.js';
import type { TimeWindow } from './windows.js';

/**
 * The collector's side of the window ledger (`collection_windows`): open a window before its first
 * request, record its verdict after its last. Counts of fetched and newly stored records are added
 * by each page's ingest, so they always match the pages on disk.
 *
 * Meaning of a verdict:
 * - `complete`: every record the service has for the window arrived. For a search that reports
 *   its total (Exchange), the last attempt's distinct record ids equalled `reported_total`; for an
 *   API that reports none, the last page was reached.
 * - `split`: too big to prove in one go; its children (`split_parent` = this id) cover it exactly.
 * - `gap`: cannot be proven complete at the smallest span; `last_error` says why. Records that did
 *   arrive are stored, but the window is known to be incomplete.
 * - `failed`: the service refused or kept failing; `last_error` says how.
 * `fetched` counts every record received, retried attempts and a split window's probing page
 * included; `stored_unique` counts records that were new to the case when they arrived.
 */
export interface WindowVerdict {
  status: WindowStatus;
  reportedTotal?: number | null;
  attempts?: number;
  lastError?: string | null;
}

export interface OpenWindowSpec {
  jobId: number;
  source: string;
  channel: string;
  filter: Record<string, unknown>;
  window: TimeWindow;
  splitParent: number | null;
}

export interface Ledger {
  createJob(kind: string, params: Record<string, unknown>): Promise<number>;
  open(spec: OpenWindowSpec): Promise<number>;
  record(windowId: number, verdict: WindowVerdict): Promise<void>;
}

export function createLedger(write: WriteOp, now: () => Date): Ledger {
  const at = () => now().toISOString();
  return {
    async createJob(kind, params) {
      return (await write('collection.createJob', { kind, params, at: at() })).id;
    },
    async open(spec) {
      const { id } = await write('collection.openWindow', {
        job_id: spec.jobId,
        source: spec.source,
        channel: spec.channel,
        filter: spec.filter,
        start_ms: spec.window.startMs,
        end_ms: spec.window.endMs,
        split_parent: spec.splitParent,
        at: at(),
      });
      return id;
    },
    async record(windowId, verdict) {
      await write('collection.updateWindow', {
        id: windowId,
        status: verdict.status,
        ...(verdict.reportedTotal !== undefined ? { reported_total: verdict.reportedTotal } : {}),
        ...(verdict.attempts !== undefined ? { attempts: verdict.attempts } : {}),
        ...(verdict.lastError !== undefined ? { last_error: verdict.lastError } : {}),
        at: at(),
      });
    },
  };
}
