import { z } from 'zod';

/** What a responder types when creating a case. Trimmed; empty strings are not names. */
export const CaseCreateInput = z.object({
  dir: z.string().trim().min(1, 'folder is required').max(4096),
  name: z.string().trim().min(1, 'case name is required').max(200),
  examiner: z.string().trim().min(1, 'examiner is required').max(200),
  tenantLabel: z.string().trim().max(200).default(''),
  description: z.string().trim().max(10_000).default(''),
});
export type CaseCreateInput = z.input<typeof CaseCreateInput>;

export const CaseMeta = z.object({
  caseId: z.string(),
  name: z.string(),
  examiner: z.string(),
  tenantLabel: z.string(),
  description: z.string(),
  createdAt: z.string(), // ISO 8601 UTC
  createdWith: z.string(), // tool version that created it
  schemaVersion: z.number().int(),
});
export type CaseMeta = z.infer<typeof CaseMeta>;

export const CustodyEntry = z.object({
  seq: z.number().int(),
  at: z.string(), // ISO 8601 UTC with milliseconds
  action: z.string(),
  examiner: z.string(),
  toolVersion: z.string(),
  detail: z.record(z.string(), z.unknown()),
  /** SHA-256 over the previous entry's hash and this entry: the log is a chain. */
  hash: z.string(),
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

export const CaseInfo = z.object({
  dir: z.string(),
  dbPath: z.string(),
  meta: CaseMeta,
  custody: z.array(CustodyEntry),
  /** True when every custody entry's hash re-computes and links to its predecessor. */
  custodyChainIntact: z.boolean(),
});
export type CaseInfo = z.infer<typeof CaseInfo>;

export const RecentCase = z.object({
  dir: z.string(),
  name: z.string(),
  lastOpenedAt: z.string(),
});
export type RecentCase = z.infer<typeof RecentCase>;
