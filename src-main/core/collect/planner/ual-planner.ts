import type { CollectContext, WindowOutcome } from '../collect-context.js';
import { SessionGlitch } from '../http/exo-session.js';
import { prefetchOne } from '../http/prefetch.js';
import { ualFilterRecord, ualSearchPages, ualSessionCap, type UalSearchTarget } from '../sources/ual-exo-search.js';
import { runPool } from './pool.js';
import { errorText, RunStopped, stopsTheRun } from './window-errors.js';
import { splitOrGap } from './split-or-gap.js';
import { describeWindow, HOUR_MS, SECOND_MS, splitRange, wholeSeconds, type TimeWindow } from './windows.js';

/**
 * The unified audit log, window by window, each one proven complete or marked a gap.
 *
 * A window is searched in one Exchange session. Exchange reports the search's total
 * (`ResultCount`) on every row, so completeness is checkable: the window is complete when the
 * distinct records received equal that total. When the total exceeds what one session hands out
 * (50,000), or what arrived does not add up, the window is halved and each half is proven on its
 * own — down to one second, the cmdlet's date resolution. A one-second window that still cannot
 * be proven is a gap, recorded with the reason; nothing is skipped silently.
 *
 * Exchange's session glitches (an empty page before the total is reached, indexes that skip)
 * lose rows that the session cannot return again, so the window is searched again with a new
 * session; a window that keeps glitching is split like an oversized one. An empty answer is
 * confirmed once with a second session, because Exchange also answers empty when it is not.
 */
export interface UalPlanOptions {
  range: TimeWindow;
  target: UalSearchTarget;
  /** First cut of the range (default one hour); oversized windows are halved from there. */
  initialWindowMs?: number;
  /** Smallest window (default one second). */
  minSpanMs?: number;
  /** Attempts per window before it is split (glitches) or failed (errors). Default 3. */
  maxAttempts?: number;
  /** Windows searched at once (default 2; Exchange's quota is per tenant). */
  concurrency?: number;
  onWindow?: (outcome: WindowOutcome) => void;
  /** Ledger channel (default `exo_search`); searches of one range with different filters need different channels. */
  channel?: string;
  /**
   * Whether an earlier run of the job already proved this window complete (a resume): such a
   * window is not searched again and gets no new ledger row.
   */
  isDone?: (channel: string, window: TimeWindow) => boolean;
}

export interface UalRunResult {
  /** Every window, split parents included, in the order they were settled. */
  windows: WindowOutcome[];
  complete: number;
  gaps: number;
  failed: number;
}

/** The settled windows with how many ended each way. */
export function ualRunResult(windows: WindowOutcome[]): UalRunResult {
  return {
    windows,
    complete: windows.filter((w) => w.status === 'complete').length,
    gaps: windows.filter((w) => w.status === 'gap').length,
    failed: windows.filter((w) => w.status === 'failed').length,
  };
}

interface AttemptResult {
  reported: number;
  unique: number;
  glitch: string | null;
}

const FOLDER = 'ual-exo';

export async function collectUal(ctx: CollectContext, options: UalPlanOptions): Promise<UalRunResult> {
  const minSpan = options.minSpanMs ?? SECOND_MS;
  const maxAttempts = options.maxAttempts ?? 3;
  const cap = ualSessionCap(options.target);
  const filter = ualFilterRecord(options.target);
  const CHANNEL = options.channel ?? 'exo_search';
  const settled: WindowOutcome[] = [];

  const settle = (outcome: WindowOutcome): WindowOutcome => {
    settled.push(outcome);
    options.onWindow?.(outcome);
    return outcome;
  };

  /** One session over the window; what arrived is counted on `outcome` as it is stored. */
  async function attempt(window: TimeWindow, outcome: WindowOutcome): Promise<AttemptResult> {
    const ids = new Set<string>();
    const result: AttemptResult = { reported: 0, unique: 0, glitch: null };
    try {
      for await (const sp of prefetchOne(ualSearchPages(ctx.api, options.target, window, ctx.newSessionId(), ctx.signal))) {
        const stored = await ctx.sink.store({ page: sp.page, format: 'ual.exo_search', jobId: ctx.jobId, windowId: outcome.windowId, folder: FOLDER });
        outcome.storedNew += stored.inserted;
        outcome.fetched += stored.recordCount;
        for (const row of sp.rows) ids.add(row.Identity);
        result.reported = sp.reportedCount;
        // Over the cap the window will be split whatever the rest says: stop paging it.
        if (sp.reportedCount > cap) break;
      }
    } catch (e) {
      if (!(e instanceof SessionGlitch)) throw e;
      result.glitch = e.message;
    }
    result.unique = ids.size;
    return result;
  }

  async function runWindow(window: TimeWindow, parent: number | null): Promise<void> {
    if (options.isDone?.(CHANNEL, window)) return;
    const windowId = await ctx.ledger.open({ jobId: ctx.jobId, source: 'ual', channel: CHANNEL, filter, window, splitParent: parent });
    const outcome: WindowOutcome = {
      windowId, source: 'ual', channel: CHANNEL, startMs: window.startMs, endMs: window.endMs, status: 'failed',
      reportedTotal: null, unique: 0, fetched: 0, storedNew: 0, attempts: 0, error: null, splitParent: parent,
    };
    let splitReason: string | null = null;
    let confirmedEmpty = false;

    while (outcome.attempts < maxAttempts && splitReason === null) {
      outcome.attempts += 1;
      let r: AttemptResult;
      try {
        r = await attempt(window, outcome);
      } catch (e) {
        outcome.error = errorText(e);
        if (stopsTheRun(e) || outcome.attempts >= maxAttempts) {
          await ctx.ledger.record(windowId, { status: 'failed', attempts: outcome.attempts, lastError: outcome.error });
          settle(outcome);
          if (stopsTheRun(e)) throw new RunStopped(`UAL window ${describeWindow(window)}: ${outcome.error}`, e);
          return;
        }
        continue;
      }
      outcome.unique = r.unique;
      outcome.reportedTotal = r.reported;
      if (r.glitch !== null) {
        outcome.error = `Exchange session glitch: ${r.glitch}`;
        await ctx.ledger.record(windowId, { status: 'running', attempts: outcome.attempts, lastError: outcome.error });
        if (outcome.attempts >= maxAttempts) splitReason = `${outcome.error} (${outcome.attempts} attempts)`;
        continue;
      }
      if (r.reported > cap) {
        splitReason = `Exchange reports ${r.reported} records, more than one session returns (${cap})`;
      } else if (r.unique !== r.reported) {
        splitReason = `received ${r.unique} distinct records of the ${r.reported} Exchange reports`;
      } else if (r.reported === 0 && !confirmedEmpty && outcome.attempts < maxAttempts) {
        confirmedEmpty = true;
      } else {
        outcome.status = 'complete';
        // last_error keeps why an earlier attempt was repeated (if one was): the window's history.
        await ctx.ledger.record(windowId, { status: 'complete', reportedTotal: r.reported, attempts: outcome.attempts });
        settle(outcome);
        return;
      }
    }

    await splitOrGap(verdictDeps, window, outcome, splitReason ?? outcome.error ?? 'could not be proven complete');
  }

  const verdictDeps = { ledger: ctx.ledger, minSpanMs: minSpan, settle, runWindow };

  // The cmdlet reads dates to the second: windows start and end on whole seconds, or two
  // neighbours could ask for overlapping (or missing) fractions of a second.
  const range = wholeSeconds(options.range);
  const windows = splitRange(range, options.initialWindowMs ?? HOUR_MS);
  await runPool(windows, options.concurrency ?? 2, (w) => runWindow(w, null));
  return ualRunResult(settled);
}
