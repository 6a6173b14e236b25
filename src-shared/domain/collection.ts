import { z } from 'zod';

/**
 * Collection as the responder asks for it and as the case reports it: which sources, over which
 * range, with which Unified Audit Log preset; then one job per source with its progress, its
 * ledger of windows (the proof of completeness), and its log.
 *
 * Source ids are the words of the `collect --sources` option, so the CLI, the Collect page and the
 * case speak one vocabulary.
 */
export const collectSourceIds = ['ual', 'mailbox', 'signins', 'audit', 'tenant', 'azure', 'devops', 'mgmt'] as const;
export const CollectSourceId = z.enum(collectSourceIds);
export type CollectSourceId = z.infer<typeof CollectSourceId>;

export const collectSourceLabels: Record<CollectSourceId, string> = {
  ual: 'Unified Audit Log',
  mailbox: 'Mailbox audit (user search)',
  signins: 'Entra ID sign-ins',
  audit: 'Entra ID audit',
  tenant: 'Tenant configuration snapshot',
  azure: 'Azure Activity Log',
  devops: 'Azure DevOps audit',
  mgmt: 'Management Activity API (last 7 days)',
};

/** How the Unified Audit Log is read: Exchange's Search-UnifiedAuditLog or Graph's audit-log query. */
export const UalChannel = z.enum(['exo_search', 'graph_audit_query']);
export type UalChannel = z.infer<typeof UalChannel>;

/** The light operation sets of collection-presets, by the names responders know. */
export const ualLightSets = ['all', 'allButAzureAD', 'ExchangeOnly', 'OneDrive_Sharepoint_Teams_YammerOnly', 'AzureADOnly', 'SecurityAlertsOnly', 'Devices'] as const;
export const UalLightSet = z.enum(ualLightSets);
export type UalLightSet = z.infer<typeof UalLightSet>;

export const ualOptIns = ['mailboxLogin', 'userLogin', 'deviceUpdate'] as const;
export const UalOptIn = z.enum(ualOptIns);
export type UalOptIn = z.infer<typeof UalOptIn>;

/**
 * `light:<set>`, `full` (every record), `defender` (Defender record types) or `search` (the users,
 * IP addresses and free text given); the CLI's `--preset` spelling.
 */
export const UalPresetText = z
  .string()
  .trim()
  .refine((p) => p === 'full' || p === 'defender' || p === 'search' || (p.startsWith('light:') && (ualLightSets as readonly string[]).includes(p.slice(6))), {
    message: `a preset is full, defender, search or light:<set> with set one of ${ualLightSets.join(', ')}`,
  });
export type UalPresetText = z.infer<typeof UalPresetText>;

export const SignInKind = z.enum(['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity']);
export type SignInKind = z.infer<typeof SignInKind>;

export const AuditSubset = z.enum(['all', 'apps', 'devices']);
export type AuditSubset = z.infer<typeof AuditSubset>;

const isoInstant = z.iso.datetime({ offset: true }).or(z.iso.date());
const shortList = (item: z.ZodString, max: number) => z.array(item).max(max).default([]);
const userId = z.string().trim().min(1).max(320);
const ipText = z.string().trim().min(2).max(64).regex(/^[0-9a-fA-F:.]+$/, 'an IPv4 or IPv6 address');

export const CollectRequest = z
  .object({
    sources: z.array(CollectSourceId).min(1, 'choose at least one source').max(collectSourceIds.length),
    /** Start of the range; default: the oldest moment each source can still return. */
    from: isoInstant.optional(),
    /** End of the range; default: now. */
    to: isoInstant.optional(),
    ualChannel: UalChannel.optional(),
    preset: UalPresetText.default('light:all'),
    optIns: z.array(UalOptIn).max(ualOptIns.length).default([]),
    users: shortList(userId, 100),
    ips: shortList(ipText, 100),
    freeText: z.string().trim().min(1).max(256).optional(),
    signInKinds: z.array(SignInKind).min(1).max(4).optional(),
    auditSubset: AuditSubset.default('all'),
    /** Azure subscription ids; empty: every subscription the account can read. */
    subscriptions: shortList(z.string().trim().min(1).max(64), 500),
    /** Azure DevOps organisations; empty: every organisation the account belongs to. */
    organizations: shortList(z.string().trim().min(1).max(128), 500),
  })
  .strict()
  .refine((r) => new Set(r.sources).size === r.sources.length, { message: 'a source is listed twice', path: ['sources'] })
  .refine((r) => !r.sources.includes('mailbox') || r.users.length > 0, {
    message: 'mailbox audit is collected for named users: give at least one user',
    path: ['users'],
  })
  .refine((r) => !r.sources.includes('ual') || r.preset !== 'search' || r.users.length > 0 || r.ips.length > 0 || r.freeText !== undefined, {
    message: 'a search needs at least one user, IP address or free text',
    path: ['preset'],
  })
  .refine((r) => r.from === undefined || r.to === undefined || Date.parse(r.from) < Date.parse(r.to), { message: 'the range must start before it ends', path: ['to'] });
export type CollectRequest = z.output<typeof CollectRequest>;
export type CollectRequestInput = z.input<typeof CollectRequest>;

export const JobStatus = z.enum(['queued', 'running', 'paused', 'complete', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

/**
 * A job's stored status in the words of the `job.progress` event, which is shared by every kind
 * of job and calls a finished one `succeeded`. Kept free of the contract's types (which import
 * this module); each use assigns it to the event's status, so the two cannot drift apart.
 */
export const jobProgressStatus = {
  queued: 'queued',
  running: 'running',
  paused: 'paused',
  complete: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
} as const satisfies Record<JobStatus, string>;

export const WindowCounts = z.object({
  total: z.number().int().nonnegative(),
  complete: z.number().int().nonnegative(),
  gap: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  split: z.number().int().nonnegative(),
});
export type WindowCounts = z.infer<typeof WindowCounts>;

export const CollectJob = z.object({
  id: z.number().int().positive(),
  source: CollectSourceId,
  label: z.string(),
  status: JobStatus,
  /** The range actually collected (after clamping), UTC ms; null for the snapshot. */
  rangeStart: z.number().nullable(),
  rangeEnd: z.number().nullable(),
  /** What was asked for, as stored in the case. */
  params: z.record(z.string(), z.unknown()),
  runs: z.number().int().nonnegative(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  windows: WindowCounts,
  recordsFetched: z.number().int().nonnegative(),
  recordsStored: z.number().int().nonnegative(),
  /** Records that were already in the case when they arrived again. */
  duplicates: z.number().int().nonnegative(),
  throttledMs: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  /** Records per second over the current (or last) run; null before any arrived. */
  rate: z.number().nonnegative().nullable(),
  /** Seconds to go, estimated from windows done; null when unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
  note: z.string().nullable(),
  error: z.string().nullable(),
});
export type CollectJob = z.infer<typeof CollectJob>;

/** Whether a source can be collected now, and why not; from the newest readiness run. */
export const CollectSourceOption = z.object({
  source: CollectSourceId,
  label: z.string(),
  available: z.boolean(),
  /** Why it cannot start (readiness blocked, no readiness run yet, not signed in). */
  blockedReason: z.string().nullable(),
  /** The oldest moment still recoverable (ISO), when readiness knows it. */
  earliestRecoverable: z.string().nullable(),
  /** Things the responder should know before starting (volume, licence warnings). */
  warnings: z.array(z.string()),
});
export type CollectSourceOption = z.infer<typeof CollectSourceOption>;

export const CollectOptions = z.object({
  signedIn: z.boolean(),
  readinessRunAt: z.string().nullable(),
  sources: z.array(CollectSourceOption),
  /** The UAL channel readiness recommends (Exchange search unless only the Graph query works). */
  defaultUalChannel: UalChannel,
});
export type CollectOptions = z.infer<typeof CollectOptions>;

export const CollectStartResult = z.object({
  jobs: z.array(CollectJob),
  /** Sources that refused to start, each with the readiness reason. */
  refused: z.array(z.object({ source: CollectSourceId, reason: z.string() })),
  /** Ranges that were clamped to what can still be recovered, and other things said once. */
  notices: z.array(z.string()),
});
export type CollectStartResult = z.infer<typeof CollectStartResult>;

export const CoverageStatus = z.enum(['complete', 'gap', 'failed', 'running', 'pending']);
export type CoverageStatus = z.infer<typeof CoverageStatus>;

/** One channel's time strip: consecutive segments of the job's range by ledger status. */
export const CoverageStrip = z.object({
  source: z.string(),
  channel: z.string(),
  rangeStart: z.number(),
  rangeEnd: z.number(),
  segments: z.array(z.object({ startMs: z.number(), endMs: z.number(), status: CoverageStatus, detail: z.string().nullable() })),
});
export type CoverageStrip = z.infer<typeof CoverageStrip>;

export const JobLogLine = z.object({
  id: z.number().int().positive(),
  jobId: z.number().int().positive(),
  at: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type JobLogLine = z.infer<typeof JobLogLine>;
