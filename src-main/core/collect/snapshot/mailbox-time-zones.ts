import type { CollectContext, WindowOutcome } from '../collect-context.js';
import type { ApiPage } from '../http/api-types.js';
import { errorText, RunStopped } from '../planner/window-errors.js';
import type { TimeWindow } from '../planner/windows.js';
import { cmdletPages, type ExoCmdletTarget } from '../sources/exo-cmdlets.js';
import { readPages } from './read-pages.js';
import { pageItems, textField } from './snapshot-objects.js';

/**
 * Each mailbox's own time zone (Get-MailboxRegionalConfiguration), so the timeline can show a
 * mailbox's local time beside UTC. One ledger window per mailbox (source `mailbox_config`, at the
 * instant it was read); the cmdlet's answer is kept as evidence (`snapshot.exo`) and the zone is
 * stored against the mailbox with that page. A mailbox whose owner never chose a zone answers
 * without one: its window is complete and says so, and no zone is guessed for it.
 */
export const MAILBOX_CONFIG_SOURCE = 'mailbox_config';
export const REGIONAL_CONFIG_CMDLET = 'Get-MailboxRegionalConfiguration';
const FOLDER = 'mailbox-config';

export interface MailboxTimeZoneOptions extends ExoCmdletTarget {
  mailboxes: readonly string[];
  /** Attempts per mailbox after network failures or server errors (default 2). */
  maxAttempts?: number;
  onWindow?: (outcome: WindowOutcome) => void;
}

export async function collectMailboxTimeZones(ctx: CollectContext, options: MailboxTimeZoneOptions): Promise<WindowOutcome[]> {
  const mailboxes = [...new Set(options.mailboxes.map((m) => m.trim().toLowerCase()).filter((m) => m.length > 0))];
  const outcomes: WindowOutcome[] = [];
  for (const mailbox of mailboxes) {
    const at = ctx.now().getTime();
    const window: TimeWindow = { startMs: at, endMs: at + 1 };
    const filter = { cmdlet: REGIONAL_CONFIG_CMDLET, Identity: mailbox };
    const windowId = await ctx.ledger.open({ jobId: ctx.jobId, source: MAILBOX_CONFIG_SOURCE, channel: REGIONAL_CONFIG_CMDLET, filter, window, splitParent: null });
    const outcome: WindowOutcome = {
      windowId, source: MAILBOX_CONFIG_SOURCE, channel: REGIONAL_CONFIG_CMDLET, startMs: window.startMs, endMs: window.endMs, status: 'failed',
      reportedTotal: null, unique: 0, fetched: 0, storedNew: 0, attempts: 0, error: null, splitParent: null,
    };
    let zone: string | null = null;
    const onPage = async (page: ApiPage) => {
      const stored = await ctx.sink.store({ page, format: 'snapshot.exo', jobId: ctx.jobId, windowId, folder: FOLDER });
      const items = pageItems(page);
      outcome.fetched += items.length;
      const found = items.map((item) => textField(item, 'TimeZone')).find((z): z is string => z !== null);
      if (found === undefined) return;
      zone = found;
      const saved = await ctx.write('mailbox.timeZones.save', { zones: [{ mailbox, windowsZone: found }], pageId: stored.pageId, collectedAt: page.receivedAt.toISOString() });
      outcome.storedNew += saved.saved;
    };

    let error: string | null;
    try {
      const read = await readPages(() => cmdletPages(ctx.api, options, REGIONAL_CONFIG_CMDLET, { Identity: mailbox }, ctx.signal), onPage, options.maxAttempts ?? 2);
      outcome.attempts = read.attempts;
      error = read.error;
    } catch (e) {
      outcome.error = errorText(e);
      await ctx.ledger.record(windowId, { status: 'failed', attempts: Math.max(1, outcome.attempts), lastError: outcome.error });
      outcomes.push(outcome);
      options.onWindow?.(outcome);
      throw new RunStopped(`${REGIONAL_CONFIG_CMDLET} ${mailbox}: ${outcome.error}`, e);
    }

    outcome.unique = zone === null ? 0 : 1;
    if (error === null) {
      outcome.status = 'complete';
      outcome.error = zone === null ? `${mailbox} has no time zone set` : null;
      await ctx.ledger.record(windowId, { status: 'complete', reportedTotal: null, attempts: outcome.attempts, ...(zone === null ? { lastError: outcome.error } : {}) });
    } else {
      outcome.error = error;
      await ctx.ledger.record(windowId, { status: 'failed', attempts: outcome.attempts, lastError: error });
    }
    outcomes.push(outcome);
    options.onWindow?.(outcome);
  }
  return outcomes;
}
