import type { CollectContext, WindowOutcome } from '../collect-context.js';
import { ApiError } from '../http/api-types.js';
import type { UalSearchFilter } from '../http/exo-session.js';
import { auditQueryBody, auditQueryFilterRecord, auditQueryRecordPages, createAuditQuery, isTerminal, readAuditQuery, recordIdsOf, type AuditQueryState } from '../sources/ual-graph-query.js';
import { runPool } from './pool.js';
import { ualRunResult, type UalRunResult } from './ual-planner.js';
import { errorText, RunStopped, stopsTheRun } from './window-errors.js';
import { splitOrGap } from './split-or-gap.js';
import { DAY_MS, describeWindow, SECOND_MS, splitRange, wholeSeconds, type TimeWindow } from './windows.js';

/**
 * The unified audit log through Graph audit log queries, one query per UTC day: a tenant may
 * submit a few hundred queries a day and each may return a million records (notes §3.5), so a
 * day per query keeps months of log within the daily quota.
 *
 * A window's query is created, polled on the run's clock until it ends, and its records paged
 * into the case. It is complete when the query succeeded and every page arrived. A query the
 * service reports as truncated (`isRecordCountLimitExceeded`) is split in halves, each queried on
 * its own, down to one second; one that still overflows is a gap. A query that ends failed or
 * cancelled is created again, and after the last attempt its window is failed with the reason.
 * The query's own record count is approximate by name: it is recorded as the window's reported
 * total when the records that arrived match it, and named in the ledger when they do not.
 */
export interface GraphQueryPlanOptions {
  graphBase: string;
  range: TimeWindow;
  filter: UalSearchFilter;
  /** Ledger channel (default `graph_audit_query`); searches of one range with different filters need different channels. */
  channel?: string;
  /** First cut of the range (default one UTC day). */
  initialWindowMs?: number;
  /** Smallest window a truncated query is split down to (default one second). */
  minSpanMs?: number;
  /** Queries per window before it is failed (default 2). */
  maxAttempts?: number;
  /** Windows queried at once (default 2). */
  concurrency?: number;
  /** First wait before asking how a query is doing, and the longest wait between asks. */
  pollMs?: { first: number; max: number };
  /** How long a query may run before its window is failed (default six hours). */
  maxRunMs?: number;
  onWindow?: (outcome: WindowOutcome) => void;
  /** Whether an earlier run of the job already proved this window complete (a resume). */
  isDone?: (channel: string, window: TimeWindow) => boolean;
}

const FOLDER = 'ual-graph';
export const GRAPH_QUERY_CHANNEL = 'graph_audit_query';

/** The query ended without records (failed, cancelled, or ran too long). */
class QueryDidNotSucceed extends Error {
  override readonly name = 'QueryDidNotSucceed';
}

interface AttemptResult {
  state: AuditQueryState;
  unique: number;
}

export async function collectUalGraphQuery(ctx: CollectContext, options: GraphQueryPlanOptions): Promise<UalRunResult> {
  const channel = options.channel ?? GRAPH_QUERY_CHANNEL;
  const minSpan = options.minSpanMs ?? SECOND_MS;
  const maxAttempts = options.maxAttempts ?? 2;
  const poll = options.pollMs ?? { first: 5_000, max: 30_000 };
  const maxRun = options.maxRunMs ?? 6 * 3_600_000;
  const filterRecord = auditQueryFilterRecord(options.filter);
  const settled: WindowOutcome[] = [];
  const settle = (o: WindowOutcome) => {
    settled.push(o);
    options.onWindow?.(o);
  };

  const cancelled = () => new ApiError('cancelled', 'audit log query: cancelled', { method: 'GET', url: options.graphBase, body: null });

  /** Asks until the query has ended; waits grow from `first` to `max` on the run's clock. */
  async function waitForEnd(query: AuditQueryState): Promise<AuditQueryState> {
    const started = ctx.now().getTime();
    let state = query;
    let delay = poll.first;
    while (!isTerminal(state.status)) {
      if (ctx.now().getTime() - started > maxRun) {
        throw new QueryDidNotSucceed(`audit log query ${state.id} was still ${state.status} after ${Math.round(maxRun / 60_000)} minutes`);
      }
      if (ctx.signal?.aborted) throw cancelled();
      await ctx.sleep(delay);
      if (ctx.signal?.aborted) throw cancelled();
      delay = Math.min(poll.max, delay * 2);
      state = await readAuditQuery(ctx.api, options.graphBase, state.id, ctx.signal);
    }
    return state;
  }

  async function attempt(window: TimeWindow, outcome: WindowOutcome): Promise<AttemptResult> {
    const body = auditQueryBody(window, options.filter, `cirrus ${channel} ${describeWindow(window)}`);
    const state = await waitForEnd(await createAuditQuery(ctx.api, options.graphBase, body, ctx.signal));
    if (state.status !== 'succeeded') throw new QueryDidNotSucceed(`audit log query ${state.id} ended ${state.status}`);
    const ids = new Set<string>();
    for await (const page of auditQueryRecordPages(ctx.api, options.graphBase, state.id, ctx.signal)) {
      const stored = await ctx.sink.store({ page, format: 'ual.graph_audit_query', jobId: ctx.jobId, windowId: outcome.windowId, folder: FOLDER });
      outcome.fetched += stored.recordCount;
      outcome.storedNew += stored.inserted;
      for (const id of recordIdsOf(page)) ids.add(id);
    }
    return { state, unique: ids.size };
  }

  async function runWindow(window: TimeWindow, parent: number | null): Promise<void> {
    if (options.isDone?.(channel, window)) return;
    const windowId = await ctx.ledger.open({ jobId: ctx.jobId, source: 'ual', channel, filter: filterRecord, window, splitParent: parent });
    const outcome: WindowOutcome = {
      windowId, source: 'ual', channel, startMs: window.startMs, endMs: window.endMs, status: 'failed',
      reportedTotal: null, unique: 0, fetched: 0, storedNew: 0, attempts: 0, error: null, splitParent: parent,
    };

    let result: AttemptResult | null = null;
    while (result === null) {
      outcome.attempts += 1;
      try {
        result = await attempt(window, outcome);
      } catch (e) {
        outcome.error = errorText(e);
        if (stopsTheRun(e) || outcome.attempts >= maxAttempts) {
          await ctx.ledger.record(windowId, { status: 'failed', attempts: outcome.attempts, lastError: outcome.error });
          settle(outcome);
          if (stopsTheRun(e)) throw new RunStopped(`UAL audit query window ${describeWindow(window)}: ${outcome.error}`, e);
          return;
        }
        await ctx.ledger.record(windowId, { status: 'running', attempts: outcome.attempts, lastError: outcome.error });
      }
    }

    const reported = result.state.approximateReturnedRecordCount ?? null;
    outcome.unique = result.unique;
    outcome.reportedTotal = reported;
    if (result.state.isRecordCountLimitExceeded === true) {
      await splitOrGap(verdictDeps, window, outcome, `the audit log query stopped at its record limit (${reported ?? 'unknown'} records returned)`);
      return;
    }
    outcome.status = 'complete';
    if (reported !== null && reported !== result.unique) {
      outcome.reportedTotal = null;
      outcome.error = `the query reported about ${reported} records; ${result.unique} distinct records arrived`;
      await ctx.ledger.record(windowId, { status: 'complete', reportedTotal: null, attempts: outcome.attempts, lastError: outcome.error });
    } else {
      // last_error keeps why an earlier attempt was repeated (if one was): the window's history.
      await ctx.ledger.record(windowId, { status: 'complete', reportedTotal: reported, attempts: outcome.attempts });
    }
    settle(outcome);
  }

  const verdictDeps = { ledger: ctx.ledger, minSpanMs: minSpan, settle, runWindow };
  const range = wholeSeconds(options.range);
  const windows = splitRange(range, options.initialWindowMs ?? DAY_MS);
  await runPool(windows, options.concurrency ?? 2, (w) => runWindow(w, null));
  return ualRunResult(settled);
}
