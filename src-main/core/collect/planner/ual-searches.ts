import { ualPresetMailboxes, ualPresetSearches, type UalPresetChoice, type UalPresetSearch } from '../../../../src-shared/domain/collection-presets.js';
import type { CollectContext, WindowOutcome } from '../collect-context.js';
import { collectMailboxTimeZones } from '../snapshot/mailbox-time-zones.js';
import type { ExoCmdletTarget } from '../sources/exo-cmdlets.js';
import type { UalSearchTarget } from '../sources/ual-exo-search.js';
import { collectUalGraphQuery } from './ual-graph-planner.js';
import { collectUal, type UalRunResult } from './ual-planner.js';
import type { TimeWindow } from './windows.js';

/**
 * Several searches of the unified audit log over one range (a preset's searches), through either
 * channel. Each search gets its own ledger channel — the base channel plus the search's label —
 * so the same hour searched with two filters is two windows, each proven on its own.
 */
export type UalVia =
  | { channel: 'exo_search'; target: Omit<UalSearchTarget, 'filter'> }
  | { channel: 'graph_audit_query'; graphBase: string };

export interface UalSearchesOptions {
  range: TimeWindow;
  via: UalVia;
  searches: readonly UalPresetSearch[];
  /** First cut of the range (each planner's default when absent: an hour for Exchange, a day for Graph). */
  initialWindowMs?: number;
  /** Attempts per window (each planner's default when absent). */
  maxAttempts?: number;
  /** Windows fetched at once per search (default 2). */
  concurrency?: number;
  onWindow?: (outcome: WindowOutcome) => void;
  /** Whether an earlier run of the job already proved this window complete (a resume). */
  isDone?: (channel: string, window: TimeWindow) => boolean;
}

/** The ledger channel of a search: `exo_search.light.all`, `graph_audit_query.defender.Campaign`. */
export function ualSearchChannelName(via: UalVia['channel'], label: string): string {
  return label ? `${via}.${label}` : via;
}

function merge(into: UalRunResult, more: UalRunResult): void {
  into.windows.push(...more.windows);
  into.complete += more.complete;
  into.gaps += more.gaps;
  into.failed += more.failed;
}

export async function collectUalSearches(ctx: CollectContext, options: UalSearchesOptions): Promise<UalRunResult> {
  const total: UalRunResult = { windows: [], complete: 0, gaps: 0, failed: 0 };
  const common = {
    range: options.range,
    ...(options.initialWindowMs !== undefined ? { initialWindowMs: options.initialWindowMs } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.onWindow ? { onWindow: options.onWindow } : {}),
    ...(options.isDone ? { isDone: options.isDone } : {}),
  };
  for (const search of options.searches) {
    const channel = ualSearchChannelName(options.via.channel, search.label);
    const result =
      options.via.channel === 'exo_search'
        ? await collectUal(ctx, { ...common, channel, target: { ...options.via.target, filter: search.filter } })
        : await collectUalGraphQuery(ctx, { ...common, channel, graphBase: options.via.graphBase, filter: search.filter });
    merge(total, result);
  }
  return total;
}

export interface UalPresetOptions extends Omit<UalSearchesOptions, 'searches'> {
  choice: UalPresetChoice;
  /** Where a user search reads each mailbox's regional configuration (Exchange cmdlets). */
  exo: ExoCmdletTarget;
}

/**
 * A preset, whole: its searches, and for a user search each user's mailbox time zone as well
 * (its windows, of source `mailbox_config`, are counted with the searches').
 */
export async function collectUalPreset(ctx: CollectContext, options: UalPresetOptions): Promise<UalRunResult> {
  const { choice, exo, ...rest } = options;
  const total = await collectUalSearches(ctx, { ...rest, searches: ualPresetSearches(choice) });
  const mailboxes = ualPresetMailboxes(choice);
  if (mailboxes.length > 0) {
    const zones = await collectMailboxTimeZones(ctx, { ...exo, mailboxes, ...(options.onWindow ? { onWindow: options.onWindow } : {}) });
    merge(total, {
      windows: zones,
      complete: zones.filter((z) => z.status === 'complete').length,
      gaps: 0,
      failed: zones.filter((z) => z.status === 'failed').length,
    });
  }
  return total;
}
