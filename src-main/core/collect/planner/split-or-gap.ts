import type { WindowOutcome } from '../collect-context.js';
import type { Ledger } from './ledger.js';
import { halve, SECOND_MS, type TimeWindow } from './windows.js';

/** What a planner lends the verdict: its ledger, how it settles a window, and how it runs one. */
export interface SplitOrGapDeps {
  ledger: Ledger;
  minSpanMs: number;
  settle: (outcome: WindowOutcome) => void;
  runWindow: (window: TimeWindow, parent: number) => Promise<void>;
}

/**
 * The verdict on a window that could not be proven complete in one go, for `why`: halved when it
 * can be, each half then run in turn with this window as its split parent; a gap when it is
 * already the smallest span. Both are recorded before the halves run, so a ledger read mid-run
 * already says why the window has children.
 */
export async function splitOrGap(deps: SplitOrGapDeps, window: TimeWindow, outcome: WindowOutcome, why: string): Promise<void> {
  const halves = halve(window, deps.minSpanMs);
  outcome.status = halves === null ? 'gap' : 'split';
  outcome.error = halves === null ? `cannot be split below ${deps.minSpanMs / SECOND_MS} s: ${why}` : why;
  await deps.ledger.record(outcome.windowId, { status: outcome.status, reportedTotal: outcome.reportedTotal, attempts: outcome.attempts, lastError: outcome.error });
  deps.settle(outcome);
  for (const half of halves ?? []) await deps.runWindow(half, outcome.windowId);
}
