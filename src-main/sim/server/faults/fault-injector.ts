import type { ServiceName } from '../http/sim-http.js';
import type { FaultKind, FaultPlan, FaultRule } from './fault-spec.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/**
 * Decides, per request, which injected faults apply. Probabilistic rules draw from one seeded
 * stream per service, so a given seed and request order reproduce the same failures. Scripted
 * rules (`req=3+7`) count requests per service.
 */
export interface FaultDecision {
  /** Answer with this status instead of calling the handler (500, 503 or 429). */
  status: 500 | 503 | 429 | null;
  reset: boolean;
  truncate: boolean;
  slowMs: number;
  /** EXO audit-search glitch: empty page or index jump on this request. */
  exoGlitch: boolean;
  /** A Graph audit log query created by this request will end `failed`. */
  queryFail: boolean;
}

export interface FaultInjector {
  decide(service: ServiceName): FaultDecision;
  /** A random draw for handlers that shape a glitch (e.g. how far an index jumps). */
  random(service: ServiceName): SeededRandom;
  setPlan(plan: FaultPlan): void;
}

export const NO_FAULT: FaultDecision = { status: null, reset: false, truncate: false, slowMs: 0, exoGlitch: false, queryFail: false };

export function createFaultInjector(seed: number, initial: FaultPlan, defaultSlowMs: number): FaultInjector {
  let plan = initial;
  const counters = new Map<ServiceName, number>();
  const streams = new Map<ServiceName, SeededRandom>();
  const stream = (service: ServiceName): SeededRandom => {
    let s = streams.get(service);
    if (!s) {
      s = seededRandom(seed, `faults:${service}`);
      streams.set(service, s);
    }
    return s;
  };

  const fires = (rule: FaultRule, service: ServiceName, count: number): boolean => {
    if (rule.service === null ? service === 'login' : rule.service !== service) return false;
    if (rule.requests) return rule.requests.includes(count);
    // Always draw so one rule's outcome does not change the sequence another rule sees.
    return stream(service).next() < (rule.probability ?? 0);
  };

  return {
    decide(service) {
      const count = (counters.get(service) ?? 0) + 1;
      counters.set(service, count);
      const decision: FaultDecision = { ...NO_FAULT };
      for (const rule of plan.rules) {
        if (!fires(rule, service, count)) continue;
        applyKind(decision, rule.kind, rule.delayMs ?? defaultSlowMs);
      }
      return decision;
    },
    random: stream,
    setPlan(next) {
      // A new plan starts its sequences afresh, so the same plan and seed replay the same faults.
      plan = next;
      counters.clear();
      streams.clear();
    },
  };
}

function applyKind(decision: FaultDecision, kind: FaultKind, delayMs: number): void {
  switch (kind) {
    case '500':
    case '503':
    case '429':
      decision.status ??= Number(kind) as 500 | 503 | 429;
      return;
    case 'reset':
      decision.reset = true;
      return;
    case 'truncate':
      decision.truncate = true;
      return;
    case 'slow':
      decision.slowMs = Math.max(decision.slowMs, delayMs);
      return;
    case 'exo-glitch':
      decision.exoGlitch = true;
      return;
    case 'query-fail':
      decision.queryFail = true;
      return;
  }
}
