import type { PageFormat } from '../../../../src-shared/domain/event.js';
import type { CollectContext, WindowOutcome } from '../collect-context.js';
import type { ApiPage } from '../http/api-types.js';
import { prefetchOne } from '../http/prefetch.js';
import { runPool } from './pool.js';
import { errorText, RunStopped, stopsTheRun } from './window-errors.js';
import { describeWindow, type TimeWindow } from './windows.js';

/**
 * Windows of sources that report no total (Graph sign-ins and directory audits, ARM, DevOps, the
 * Management API): a window is complete when its last page has arrived. A window that fails part
 * way is fetched again from its first page (paging cursors do not survive an error); the pages
 * of the failed attempt stay as evidence and their records de-duplicate on ingest.
 */
export interface PlainChannel {
  /** Ledger source: the log family (`signin`, `directory_audit`, `azure_activity`, ...). */
  source: string;
  /** Ledger channel: how it was fetched (`graph.nonInteractiveUser`, `arm.<subscription>`, ...). */
  channel: string;
  /** The query as recorded in the ledger. */
  filter: Record<string, unknown>;
  format: PageFormat;
  /** Evidence folder name. */
  folder: string;
  windows: TimeWindow[];
  /** Pages to store for one window, in order. */
  pages(window: TimeWindow, signal?: AbortSignal): AsyncIterable<ApiPage>;
}

export interface PlainRunOptions {
  /** Windows fetched at once per channel (default 2). */
  concurrency?: number;
  /** Attempts per window (default 2). */
  maxAttempts?: number;
  onWindow?: (outcome: WindowOutcome) => void;
  /** Whether an earlier run of the job already completed this window (a resume): it is skipped. */
  isDone?: (channel: string, window: TimeWindow) => boolean;
}

export async function collectPlainChannel(ctx: CollectContext, channel: PlainChannel, options: PlainRunOptions = {}): Promise<WindowOutcome[]> {
  const maxAttempts = options.maxAttempts ?? 2;

  const runWindow = async (window: TimeWindow): Promise<WindowOutcome> => {
    const windowId = await ctx.ledger.open({ jobId: ctx.jobId, source: channel.source, channel: channel.channel, filter: channel.filter, window, splitParent: null });
    const outcome: WindowOutcome = {
      windowId, source: channel.source, channel: channel.channel, startMs: window.startMs, endMs: window.endMs, status: 'failed',
      reportedTotal: null, unique: 0, fetched: 0, storedNew: 0, attempts: 0, error: null, splitParent: null,
    };
    while (outcome.attempts < maxAttempts) {
      outcome.attempts += 1;
      let received = 0;
      try {
        for await (const page of prefetchOne(channel.pages(window, ctx.signal))) {
          const stored = await ctx.sink.store({ page, format: channel.format, jobId: ctx.jobId, windowId, folder: channel.folder });
          received += stored.recordCount;
          outcome.fetched += stored.recordCount;
          outcome.storedNew += stored.inserted;
        }
        outcome.unique = received;
        outcome.status = 'complete';
        await ctx.ledger.record(windowId, { status: 'complete', reportedTotal: null, attempts: outcome.attempts });
        break;
      } catch (e) {
        outcome.error = errorText(e);
        if (stopsTheRun(e) || outcome.attempts >= maxAttempts) {
          await ctx.ledger.record(windowId, { status: 'failed', attempts: outcome.attempts, lastError: outcome.error });
          options.onWindow?.(outcome);
          if (stopsTheRun(e)) throw new RunStopped(`${channel.source} ${channel.channel} window ${describeWindow(window)}: ${outcome.error}`, e);
          return outcome;
        }
        await ctx.ledger.record(windowId, { status: 'running', attempts: outcome.attempts, lastError: outcome.error });
      }
    }
    options.onWindow?.(outcome);
    return outcome;
  };

  const todo = options.isDone ? channel.windows.filter((w) => !options.isDone?.(channel.channel, w)) : channel.windows;
  return runPool(todo, options.concurrency ?? 2, runWindow);
}
