/**
 * Scaffolding of the scripted intrusion: where tagged records accumulate, the clock the script
 * runs on, and the end state it leaves in the tenant's configuration.
 */
import { intruderIps, intruderPlaces } from './catalog.js';
import type { GenerationContext } from './context.js';
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import { createSignInDeps } from './signin-background.js';
import type { SignInFactoryDeps } from './signin-background.js';
import { DAY_MS, HOUR_MS } from './time-format.js';
import type {
  ArmActivityEvent, DevOpsAuditEntry, GraphDirectoryAudit, GraphSignIn, SimCredential, SimInboxRule, SimOAuth2PermissionGrant,
  SimTransportRule, UalAuditData,
} from './types.js';
import { createUalEnv } from './ual-common.js';
import type { UalEnv } from './ual-common.js';

export interface Tagged<T> {
  record: T;
  ms: number;
  /** ATT&CK technique id. */
  technique: string;
  description: string;
}

export interface IntrusionEndState {
  inboxRules: SimInboxRule[];
  forwardingSmtpAddress: string;
  transportRule: SimTransportRule;
  /** Mailbox that received delegations, and the delegate. */
  delegation: { mailbox: string; delegate: string };
  /** Account whose mailbox actions stop being audited, and from when. */
  bypass: { upn: string; fromMs: number };
  addedCredential: SimCredential;
  grant: SimOAuth2PermissionGrant;
  consentMs: number;
}

export interface IntrusionRecords {
  ual: Tagged<UalAuditData>[];
  signIns: Tagged<GraphSignIn>[];
  directoryAudits: Tagged<GraphDirectoryAudit>[];
  azureActivity: Tagged<ArmActivityEvent>[];
  devopsAudit: Tagged<DevOpsAuditEntry>[];
}

export interface Script {
  ctx: GenerationContext;
  rng: Rng;
  env: UalEnv;
  signInDeps: SignInFactoryDeps;
  /** UTC midnight of the first intrusion day (four days before the anchor). */
  day0: number;
  out: IntrusionRecords;
  /** Time on intrusion day `day` (0-based) at hh:mm, shifted by the seed's jitter. */
  at(day: number, hour: number, minute: number, second?: number): number;
  operatorIp: string;
  operatorPlace: typeof intruderPlaces.operator;
}

export function createScript(ctx: GenerationContext): Script {
  const rng = createRng(ctx.seed, 'intrusion');
  const day0 = Math.floor((ctx.anchorMs - 4 * DAY_MS) / DAY_MS) * DAY_MS;
  // Up to 25 minutes of seed-dependent shift keeps every seed's timeline slightly different.
  const jitterMs = rng.int(25) * 60_000;
  const env = createUalEnv(ctx.seed, ctx.population.tenant.id, ctx.population.tenant.organizationName, rng);
  return {
    ctx,
    rng,
    env,
    signInDeps: createSignInDeps(ctx),
    day0,
    out: { ual: [], signIns: [], directoryAudits: [], azureActivity: [], devopsAudit: [] },
    at: (day, hour, minute, second = 0) => day0 + day * DAY_MS + hour * HOUR_MS + minute * 60_000 + second * 1000 + jitterMs,
    operatorIp: intruderIps.operator,
    operatorPlace: intruderPlaces.operator,
  };
}

export function tag<T>(list: Tagged<T>[], record: T, ms: number, technique: string, description: string): T {
  list.push({ record, ms, technique, description });
  return record;
}
