import type { CollectContext, WindowOutcome } from '../collect-context.js';
import type { ApiPage } from '../http/api-types.js';
import { errorText, RunStopped } from '../planner/window-errors.js';
import type { TimeWindow } from '../planner/windows.js';
import { readPages } from './read-pages.js';
import { pageItems, withoutCredentialValues, type SnapshotObject } from './snapshot-objects.js';
import { snapshotParts, type SnapshotPart, type SnapshotTarget } from './snapshot-parts.js';

/**
 * The tenant configuration snapshot: every part (snapshot-parts.ts) read in turn, each response
 * page stored as evidence (format `snapshot.graph` / `snapshot.exo`, no events) and each object
 * saved as one `snapshot_objects` row naming its page. A part is one ledger window of source
 * `tenant_snapshot`, its channel the endpoint or cmdlet; the window spans the instant the part
 * was started (a snapshot has no time range, but a ledger window is never empty).
 *
 * A refused part (403, 404, a cmdlet the account may not run) is failed with the service's
 * reason and the snapshot goes on. Only a missing token or a cancellation stops it.
 */
export const SNAPSHOT_SOURCE = 'tenant_snapshot';
const FOLDER = 'snapshot';

export interface SnapshotOptions extends SnapshotTarget {
  /** Attempts per request after network failures or server errors (default 2). */
  maxAttempts?: number;
  /** A resumed job skips the parts (by channel) an earlier run completed. */
  partDone?: (channel: string) => boolean;
  onWindow?: (outcome: WindowOutcome) => void;
}

export interface SnapshotResult {
  /** One window per part read, in order. */
  windows: WindowOutcome[];
  complete: number;
  failed: number;
  /** Objects read per kind (parts skipped as done are absent). */
  objects: Record<string, number>;
}

export async function collectTenantSnapshot(ctx: CollectContext, options: SnapshotOptions): Promise<SnapshotResult> {
  const maxAttempts = options.maxAttempts ?? 2;
  const found = new Map<string, SnapshotObject[]>();
  const failedKinds = new Set<string>();
  const result: SnapshotResult = { windows: [], complete: 0, failed: 0, objects: {} };

  for (const part of snapshotParts(ctx.api, options)) {
    if (options.partDone?.(part.channel)) continue;
    const objects = new Map<string, SnapshotObject>();
    const settle = (outcome: WindowOutcome) => {
      found.set(part.kind, [...objects.values()]);
      result.windows.push(outcome);
      if (outcome.status === 'complete') result.complete += 1;
      else {
        result.failed += 1;
        failedKinds.add(part.kind);
      }
      result.objects[part.kind] = objects.size;
      options.onWindow?.(outcome);
    };
    await runPart(ctx, part, { found, failedKinds, objects, maxAttempts, settle });
  }
  return result;
}

interface PartRun {
  found: ReadonlyMap<string, readonly SnapshotObject[]>;
  failedKinds: ReadonlySet<string>;
  /** This part's objects by key (a repeated object keeps its latest reading). */
  objects: Map<string, SnapshotObject>;
  maxAttempts: number;
  settle(outcome: WindowOutcome): void;
}

async function runPart(ctx: CollectContext, part: SnapshotPart, run: PartRun): Promise<void> {
  const at = ctx.now().getTime();
  const window: TimeWindow = { startMs: at, endMs: at + 1 };
  const windowId = await ctx.ledger.open({ jobId: ctx.jobId, source: SNAPSHOT_SOURCE, channel: part.channel, filter: part.filter, window, splitParent: null });
  const outcome: WindowOutcome = {
    windowId, source: SNAPSHOT_SOURCE, channel: part.channel, startMs: window.startMs, endMs: window.endMs, status: 'failed',
    reportedTotal: null, unique: 0, fetched: 0, storedNew: 0, attempts: 0, error: null, splitParent: null,
  };
  const failures: string[] = [];
  const notes: string[] = [];

  if (part.needs !== undefined && run.failedKinds.has(part.needs) && (run.found.get(part.needs)?.length ?? 0) === 0) {
    failures.push(`needs the ${part.needs} objects, which could not be read`);
  }
  for (const fetch of failures.length > 0 ? [] : part.fetches(run.found)) {
    const onPage = async (page: ApiPage) => {
      const stored = await ctx.sink.store({ page, format: part.format, jobId: ctx.jobId, windowId, folder: FOLDER });
      const batch = pageItems(page).map((item): SnapshotObject => ({ kind: part.kind, key: part.key(item, fetch), data: withoutCredentialValues(item) }));
      outcome.fetched += batch.length;
      if (batch.length === 0) return;
      const saved = await ctx.write('snapshot.saveObjects', { jobId: ctx.jobId, pageId: stored.pageId, collectedAt: page.receivedAt.toISOString(), objects: batch });
      outcome.storedNew += saved.inserted;
      for (const o of batch) run.objects.set(o.key, o);
    };
    try {
      const read = await readPages(() => fetch.pages(ctx.signal, (text) => notes.push(text)), onPage, run.maxAttempts);
      outcome.attempts = Math.max(outcome.attempts, read.attempts);
      if (read.error !== null) failures.push(fetch.subject ? `${fetch.subject}: ${read.error}` : read.error);
    } catch (e) {
      outcome.error = errorText(e);
      outcome.unique = run.objects.size;
      await ctx.ledger.record(windowId, { status: 'failed', attempts: Math.max(1, outcome.attempts), lastError: outcome.error });
      run.settle(outcome);
      throw new RunStopped(`tenant snapshot ${part.channel}: ${outcome.error}`, e);
    }
  }

  outcome.unique = run.objects.size;
  if (failures.length === 0) {
    outcome.status = 'complete';
    outcome.error = notes.length > 0 ? [...new Set(notes)].join('; ') : null;
    await ctx.ledger.record(windowId, { status: 'complete', reportedTotal: null, attempts: outcome.attempts, ...(outcome.error ? { lastError: outcome.error } : {}) });
  } else {
    outcome.error = failures.length > 3 ? `${failures.slice(0, 3).join('; ')}; and ${failures.length - 3} more` : failures.join('; ');
    await ctx.ledger.record(windowId, { status: 'failed', attempts: outcome.attempts, lastError: outcome.error });
  }
  run.settle(outcome);
}
