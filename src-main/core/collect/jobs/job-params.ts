import { z } from 'zod';
import { AuditSubset, CollectSourceId, SignInKind, UalChannel } from '../../../../src-shared/domain/collection.js';

/**
 * What one job collects, as stored in `collection_jobs.params`: decided once when the job is
 * queued (range clamped, preset expanded into the exact searches), so a resumed run repeats
 * exactly the same collection, whatever the responder's form says by then.
 */
export const UalSearchFilterSchema = z
  .object({
    recordType: z.string().min(1).optional(),
    operations: z.array(z.string().min(1)).optional(),
    userIds: z.array(z.string().min(1)).optional(),
    ipAddresses: z.array(z.string().min(1)).optional(),
    objectIds: z.array(z.string().min(1)).optional(),
    freeText: z.string().min(1).optional(),
  })
  .strict();

export const UalSearch = z.object({
  /** Short name of the search, part of its ledger channel ('' for a single unnamed search). */
  label: z.string().regex(/^[\w.@+-]*$/),
  filter: UalSearchFilterSchema,
});
export type UalSearch = z.infer<typeof UalSearch>;

export const JobRange = z.object({ startMs: z.number().int(), endMs: z.number().int() }).refine((r) => r.endMs > r.startMs, { message: 'a range ends after it starts' });

export const JobParams = z.object({
  source: CollectSourceId,
  /** UTC ms, [start, end); null for the configuration snapshot, which has no time range. */
  range: JobRange.nullable(),
  ualChannel: UalChannel.default('exo_search'),
  preset: z.string().default('light:all'),
  ualSearches: z.array(UalSearch).default([]),
  signInKinds: z.array(SignInKind).default([]),
  auditSubset: AuditSubset.default('all'),
  subscriptions: z.array(z.string()).default([]),
  organizations: z.array(z.string()).default([]),
  users: z.array(z.string()).default([]),
});
export type JobParams = z.output<typeof JobParams>;
export type JobParamsInput = z.input<typeof JobParams>;

/** Where a run sends its requests: the signed-in session's cloud and tenant (not stored; a resume may run against a renewed session). */
export const JobTarget = z.object({
  graph: z.string(),
  exo: z.string(),
  mgmt: z.string().nullable(),
  arm: z.string(),
  devopsVssps: z.string().nullable(),
  devopsAudit: z.string().nullable(),
  tenantId: z.string(),
  anchorUpn: z.string().nullable(),
});
export type JobTarget = z.infer<typeof JobTarget>;
