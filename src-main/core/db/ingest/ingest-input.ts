import { z } from 'zod';
import { NormalisedEvent, RawPage } from '../../../../src-shared/domain/event.js';
import { isPlainlyValidEvent } from '../../normalise/event-check.js';
import { findRequestSecret } from './secret-guard.js';

/**
 * What the writer accepts for one page: the page's provenance row, its normalised events and
 * the records that could not be normalised — the shapes `normalisePage` produces. Checked here
 * because it crosses from a collector or the main thread into the writer.
 */

/** Events per call the collectors aim for (one page is one call; pages run up to 5,000 records). */
export const INGEST_BATCH_TARGET = 2_000;
/** Hard ceiling per call, so one message cannot hold the writer for long. */
export const INGEST_BATCH_MAX = 10_000;

const position = z.number().int().nonnegative();
const rejects = z
  .array(
    z.object({
      position,
      error: z.object({ field: z.string().min(1), message: z.string().min(1) }),
    }),
  )
  .max(INGEST_BATCH_MAX)
  .default([]);

type BatchShape = { page: { record_count: number; url: string; request_body: string | null }; events: { position: number }[]; rejects: { position: number }[] };

function checkBatch(input: BatchShape, ctx: z.RefinementCtx): void {
  const seen = new Set<number>();
  for (const { position } of [...input.events, ...input.rejects]) {
    if (position >= input.page.record_count) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: `position ${position} is outside the page's ${input.page.record_count} records` });
      return;
    }
    if (seen.has(position)) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: `position ${position} is given twice` });
      return;
    }
    seen.add(position);
  }
  const secret = findRequestSecret(input.page.url, input.page.request_body);
  if (secret) ctx.addIssue({ code: 'custom', path: ['page'], message: `the recorded request carries a secret (${secret}); redact it before storing` });
}

export const IngestBatchInput = z
  .object({
    page: RawPage,
    events: z.array(z.object({ position, event: NormalisedEvent })).max(INGEST_BATCH_MAX),
    rejects,
  })
  .superRefine(checkBatch);
export type IngestBatchInput = z.input<typeof IngestBatchInput>;

/**
 * The same schema with each event left unchecked: only ever used once every event has passed the
 * quick test (event-check.ts), so the page, positions, rejects and secret guard are still checked
 * by the schema while the events are not checked twice.
 */
const IngestBatchShell = z
  .object({
    page: RawPage,
    events: z.array(z.object({ position, event: z.custom<NormalisedEvent>() })).max(INGEST_BATCH_MAX),
    rejects,
  })
  .superRefine(checkBatch);

/**
 * IngestBatchInput.safeParse with a quicker path for plainly valid events. Anything the quick
 * path does not accept is parsed by the full schema, whose result (and wording) is returned.
 */
export function parseIngestBatch(args: unknown): ReturnType<typeof IngestBatchInput.safeParse> {
  const events = typeof args === 'object' && args !== null ? (args as { events?: unknown }).events : undefined;
  const plain = Array.isArray(events) && events.every((e: unknown) => typeof e === 'object' && e !== null && isPlainlyValidEvent((e as { event?: unknown }).event));
  if (plain) {
    const quick = IngestBatchShell.safeParse(args);
    if (quick.success) return quick;
  }
  return IngestBatchInput.safeParse(args);
}

export interface IngestCounts {
  page_id: number;
  /** Events stored now. */
  inserted: number;
  /** Events already in the case under the same (source, record_id), from this or an earlier page. */
  duplicates: number;
  /** Records of the page that could not be normalised. */
  rejected: number;
}
