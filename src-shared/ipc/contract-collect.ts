import { z } from 'zod';
import { CollectJob, CollectOptions, CollectRequest, CollectStartResult, CoverageStrip, JobLogLine } from '../domain/collection.js';

/**
 * Collection commands: what can be collected now, start jobs, follow them, stop and resume them,
 * and read their ledger as coverage. Spread into `commands` of contract.ts. Progress arrives as
 * `job.progress` events; the page re-reads `collect.jobs` for the full picture.
 */
const Empty = z.object({}).strict();
const JobRef = z.object({ jobId: z.number().int().positive() }).strict();

export const collectCommands = {
  /** Each source: can it start (readiness, sign-in), from when can it still be recovered. */
  'collect.options': { input: Empty, output: CollectOptions },
  /** Starts one job per source; blocked sources are refused with the reason, the others start. */
  'collect.start': { input: CollectRequest, output: CollectStartResult },
  /** Every job of the open case, newest first. */
  'collect.jobs': { input: Empty, output: z.array(CollectJob) },
  /** Stops a queued or running job; windows finished so far stay in the ledger. */
  'collect.cancel': { input: JobRef, output: CollectJob },
  /** Runs a paused, failed or cancelled job again; windows already complete are not fetched again. */
  'collect.resume': { input: JobRef, output: CollectJob },
  /** The job's ledger as one time strip per channel. */
  'collect.coverage': { input: JobRef, output: z.array(CoverageStrip) },
  /** The job's log lines after `afterId` (oldest first, at most `limit`). */
  'collect.log': {
    input: z.object({ jobId: z.number().int().positive(), afterId: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(JobLogLine),
  },
} as const;
