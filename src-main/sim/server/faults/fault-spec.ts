import { z } from 'zod';
import { SERVICE_NAMES, type ServiceName } from '../http/sim-http.js';

/**
 * The fault/throttling plan: a compact text syntax for the CLI and tests, parsed into a validated
 * object. Grammar (entries separated by commas, whitespace ignored):
 *
 *   rate:off                          turn every default rate limit off
 *   rate:BUCKET=N/DURATION            token bucket of N requests refilled over DURATION (10s, 1m, 500ms, 1h)
 *   rate:BUCKET=off                   turn one bucket off
 *   KIND[@SERVICE]:P                  fault with probability P (0..1) per request
 *   KIND[@SERVICE]:req=N[+N...]       fault on exactly the Nth requests (1-based) to that service
 *   slow[@SERVICE]:P~MS               slow response, delayed MS milliseconds (default 3000)
 *
 * KIND: 500, 503, 429, reset (connection dropped), truncate (body cut short), slow,
 * exo-glitch (EXO audit search returns an empty page or skips ahead mid-session), query-fail (a
 * Graph audit log query created by this request ends with status failed instead of succeeded).
 * SERVICE: login, graph, exo, mgmt, arm, devops; without it a fault hits every API service except
 * login (the sign-in endpoints stay reliable unless named explicitly).
 * BUCKET: graph-audit, graph, exo, mgmt, arm-read, devops, login.
 */
export const BUCKET_NAMES = ['graph-audit', 'graph', 'exo', 'mgmt', 'arm-read', 'devops', 'login'] as const;
export type BucketName = (typeof BUCKET_NAMES)[number];
export const FAULT_KINDS = ['500', '503', '429', 'reset', 'truncate', 'slow', 'exo-glitch', 'query-fail'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const rateLimitSchema = z.object({
  capacity: z.number().int().positive(),
  windowMs: z.number().int().positive(),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

const faultRuleSchema = z
  .object({
    kind: z.enum(FAULT_KINDS),
    service: z.enum(SERVICE_NAMES as unknown as [ServiceName, ...ServiceName[]]).nullable().default(null),
    probability: z.number().min(0).max(1).nullable().default(null),
    requests: z.array(z.number().int().positive()).nullable().default(null),
    delayMs: z.number().int().nonnegative().nullable().default(null),
  })
  .refine((r) => (r.probability === null) !== (r.requests === null), {
    message: 'a fault rule needs exactly one of probability or requests',
  });
export type FaultRule = z.infer<typeof faultRuleSchema>;

export const faultPlanSchema = z.object({
  ratesOff: z.boolean().default(false),
  rates: z.partialRecord(z.enum(BUCKET_NAMES), rateLimitSchema.nullable()).default({}),
  rules: z.array(faultRuleSchema).default([]),
});
export type FaultPlan = z.infer<typeof faultPlanSchema>;

export const EMPTY_FAULT_PLAN: FaultPlan = { ratesOff: false, rates: {}, rules: [] };

/** Accepts the text syntax or an already-structured plan; errors name the offending entry. */
export const faultsOptionSchema = z.unknown().transform((value, ctx): FaultPlan => {
  if (typeof value === 'string') {
    try {
      return parseFaultSpec(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  }
  const parsed = faultPlanSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

export function parseFaultSpec(text: string): FaultPlan {
  const plan: FaultPlan = { ratesOff: false, rates: {}, rules: [] };
  const entries = text.split(',').map((e) => e.replace(/\s+/g, '')).filter((e) => e.length > 0);
  for (const entry of entries) {
    if (entry.startsWith('rate:')) parseRateEntry(entry, plan);
    else plan.rules.push(parseFaultEntry(entry));
  }
  return faultPlanSchema.parse(plan);
}

function parseRateEntry(entry: string, plan: FaultPlan): void {
  const body = entry.slice('rate:'.length);
  if (body === 'off') {
    plan.ratesOff = true;
    return;
  }
  const match = /^([a-z-]+)=(?:(off)|(\d+)\/(\d+(?:\.\d+)?)(ms|s|m|h))$/.exec(body);
  if (!match) throw new Error(`Bad rate entry '${entry}': expected rate:BUCKET=N/DURATION (e.g. rate:graph-audit=5/10s) or rate:BUCKET=off.`);
  const bucket = match[1] as string;
  if (!isBucket(bucket)) throw new Error(`Unknown rate bucket '${bucket}' in '${entry}'. Buckets: ${BUCKET_NAMES.join(', ')}.`);
  if (match[2] === 'off') {
    plan.rates[bucket] = null;
    return;
  }
  const capacity = Number(match[3]);
  const windowMs = Math.round(Number(match[4]) * unitMs(match[5] as string));
  if (capacity < 1 || windowMs < 1) throw new Error(`Rate entry '${entry}' needs a positive count and duration.`);
  plan.rates[bucket] = { capacity, windowMs };
}

function parseFaultEntry(entry: string): FaultRule {
  const match = /^([a-z0-9-]+)(?:@([a-z]+))?:(.+)$/.exec(entry);
  if (!match) throw new Error(`Bad fault entry '${entry}': expected KIND[@SERVICE]:PROBABILITY or KIND[@SERVICE]:req=N+N.`);
  const kind = match[1] as string;
  const service = match[2] ?? null;
  let trigger = match[3] as string;
  if (!isFaultKind(kind)) throw new Error(`Unknown fault kind '${kind}' in '${entry}'. Kinds: ${FAULT_KINDS.join(', ')}.`);
  if (service !== null && !isService(service)) throw new Error(`Unknown service '${service}' in '${entry}'. Services: ${SERVICE_NAMES.join(', ')}.`);

  let delayMs: number | null = null;
  const tilde = trigger.indexOf('~');
  if (tilde >= 0) {
    if (kind !== 'slow') throw new Error(`Only slow faults take a ~delay ('${entry}').`);
    const delay = /^(\d+)(ms)?$/.exec(trigger.slice(tilde + 1));
    if (!delay) throw new Error(`Bad delay in '${entry}': expected ~MILLISECONDS.`);
    delayMs = Number(delay[1]);
    trigger = trigger.slice(0, tilde);
  }

  if (trigger.startsWith('req=')) {
    const requests = trigger.slice(4).split('+').map((n) => Number(n));
    if (requests.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`Bad request numbers in '${entry}': expected req=N+N with N >= 1.`);
    return { kind, service, probability: null, requests, delayMs };
  }
  const probability = Number(trigger);
  if (!/^\d*\.?\d+$/.test(trigger) || !(probability >= 0 && probability <= 1)) {
    throw new Error(`Bad probability '${trigger}' in '${entry}': expected a number from 0 to 1.`);
  }
  return { kind, service, probability, requests: null, delayMs };
}

function unitMs(unit: string): number {
  return unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
}

function isBucket(name: string): name is BucketName {
  return (BUCKET_NAMES as readonly string[]).includes(name);
}

function isFaultKind(name: string): name is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(name);
}

function isService(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}
