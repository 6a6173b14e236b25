import { z } from 'zod';
import { profileNames } from '../profiles.js';
import type { SimDataset, SimProfileName } from '../data/types.js';
import { EMPTY_FAULT_PLAN, faultsOptionSchema } from './faults/fault-spec.js';

/**
 * Everything `startSimulator` accepts, validated at the boundary. Limits default to the real
 * services' published numbers; tests lower them to stay small and fast.
 */
export const simLimitsSchema = z.object({
  /** Search-UnifiedAuditLog ReturnLargeSet: most results one SessionId can page through. */
  ualSessionCap: z.number().int().positive().default(50_000),
  /** Search-UnifiedAuditLog ResultSize maximum. */
  ualPageMax: z.number().int().positive().default(5000),
  /** Search-UnifiedAuditLog ResultSize when the caller gives none. */
  ualDefaultResultSize: z.number().int().positive().default(100),
  /** ReturnNextPreviewPage: sorted results, capped lower than ReturnLargeSet. */
  ualPreviewCap: z.number().int().positive().default(5000),
  /** Graph auditLogs/* `$top` maximum and default. */
  graphPageSize: z.number().int().positive().default(1000),
  /** Graph directory collections (servicePrincipals, applications...): default page and `$top` maximum. */
  graphDirectoryDefaultTop: z.number().int().positive().default(100),
  graphDirectoryMaxTop: z.number().int().positive().default(999),
  /** Graph audit log query: records per page, record limit per query, and its simulated run time. */
  auditQueryPageSize: z.number().int().positive().default(1000),
  auditQueryRecordLimit: z.number().int().positive().default(1_000_000),
  auditQueryStartMs: z.number().int().nonnegative().default(3000),
  auditQueryRunMs: z.number().int().nonnegative().default(15_000),
  /** Management Activity API: content entries per listing page; records per content blob. */
  mgmtContentPageSize: z.number().int().positive().default(200),
  mgmtBlobMinutes: z.number().int().positive().max(1440).default(30),
  /** Share of records that also appear in the following blob (duplicates are by design). */
  mgmtDuplicateRate: z.number().min(0).max(1).default(0.02),
  /** Minutes after a blob's slice ends before it is listable (plus up to half that again as jitter). */
  mgmtLatencyMinutes: z.number().int().nonnegative().default(30),
  /** ARM Activity Log events per page. */
  armPageSize: z.number().int().positive().default(200),
  /** Azure DevOps audit log: default and maximum batchSize. */
  devopsBatchDefault: z.number().int().positive().default(200),
  devopsBatchMax: z.number().int().positive().default(1000),
  /** Delay of a `slow` fault without an explicit ~MS. */
  slowMs: z.number().int().nonnegative().default(3000),
  deviceCodeIntervalSeconds: z.number().int().positive().default(5),
  deviceCodeLifetimeSeconds: z.number().int().positive().default(900),
  authCodeLifetimeSeconds: z.number().int().positive().default(600),
  refreshTokenLifetimeSeconds: z.number().int().positive().default(90 * 24 * 3600),
});
export type SimLimits = z.infer<typeof simLimitsSchema>;

const clockSchema = z.custom<() => Date>((v) => typeof v === 'function', 'clock must be a function returning a Date');
const sleepSchema = z.custom<(ms: number) => Promise<void>>((v) => typeof v === 'function', 'sleep must be a function');
const logSchema = z.custom<(line: string) => void>((v) => typeof v === 'function', 'log must be a function');
const datasetSchema = z.custom<SimDataset>(
  (v) => typeof v === 'object' && v !== null && 'tenant' in v && 'profile' in v && 'ual' in v,
  'dataset must be a generated SimDataset',
);

export const simulatorOptionsSchema = z.object({
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(0),
  seed: z.number().int().nonnegative().default(1),
  profile: z.enum(profileNames as [SimProfileName, ...SimProfileName[]]).default('e5'),
  days: z.number().int().min(1).max(400).default(30),
  scale: z.number().positive().max(100).default(1),
  /** The simulated "now" at start; defaults to the current time floored to the hour. */
  anchor: z.coerce.date().optional(),
  faults: faultsOptionSchema.default(EMPTY_FAULT_PLAN),
  /** Device codes approve themselves (unattended runs and tests). */
  autoApprove: z.boolean().default(false),
  /** Holds the CA, the token-signing key and the ground-truth file across restarts. */
  stateDir: z.string().min(1).default('.sim-state'),
  tokenLifetimeSeconds: z.number().int().positive().max(24 * 3600).default(3600),
  limits: simLimitsSchema.partial().default({}),
  /** Reuse an already generated dataset (tests share one across several servers). */
  dataset: datasetSchema.optional(),
  /** Injected time sources; real ones by default. */
  clock: clockSchema.optional(),
  sleep: sleepSchema.optional(),
  /** Where handler failures (simulator bugs) are reported; stderr by default. */
  log: logSchema.optional(),
});
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;
export type ParsedSimulatorOptions = z.output<typeof simulatorOptionsSchema>;

export function resolveLimits(overrides: Partial<SimLimits>): SimLimits {
  return simLimitsSchema.parse(overrides);
}

export function floorToHour(date: Date): Date {
  const copy = new Date(date.getTime());
  copy.setUTCMinutes(0, 0, 0);
  return copy;
}
