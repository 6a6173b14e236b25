import { describe, expect, it } from 'vitest';
import { faultsOptionSchema, parseFaultSpec } from './fault-spec.js';
import { createFaultInjector } from './fault-injector.js';
import { createRateLimiter, effectiveRateLimits } from './rate-limiter.js';

describe('fault spec', () => {
  it('parses rates, probabilities, scripted requests and slow delays', () => {
    const plan = parseFaultSpec('rate:graph-audit=5/10s, rate:arm-read=off, 500:0.02, reset@exo:0.01, 503@graph:req=3+7, slow:0.5~1500, exo-glitch:0.05');
    expect(plan.rates['graph-audit']).toEqual({ capacity: 5, windowMs: 10_000 });
    expect(plan.rates['arm-read']).toBeNull();
    expect(plan.rules).toContainEqual({ kind: '500', service: null, probability: 0.02, requests: null, delayMs: null });
    expect(plan.rules).toContainEqual({ kind: 'reset', service: 'exo', probability: 0.01, requests: null, delayMs: null });
    expect(plan.rules).toContainEqual({ kind: '503', service: 'graph', probability: null, requests: [3, 7], delayMs: null });
    expect(plan.rules).toContainEqual({ kind: 'slow', service: null, probability: 0.5, requests: null, delayMs: 1500 });
  });

  it('rejects malformed entries with a message naming the entry', () => {
    expect(() => parseFaultSpec('rate:nope=5/10s')).toThrow(/Unknown rate bucket 'nope'/);
    expect(() => parseFaultSpec('boom:0.1')).toThrow(/Unknown fault kind 'boom'/);
    expect(() => parseFaultSpec('500@mars:0.1')).toThrow(/Unknown service 'mars'/);
    expect(() => parseFaultSpec('500:1.5')).toThrow(/Bad probability/);
    expect(() => parseFaultSpec('500:req=0')).toThrow(/Bad request numbers/);
    expect(() => parseFaultSpec('500:0.1~20')).toThrow(/Only slow faults/);
    expect(faultsOptionSchema.safeParse('rate:graph=abc').success).toBe(false);
  });

  it('turns all default limits off with rate:off but keeps explicit ones', () => {
    const limits = effectiveRateLimits(parseFaultSpec('rate:off,rate:exo=2/1s'));
    expect(limits['graph-audit']).toBeNull();
    expect(limits.exo).toEqual({ capacity: 2, windowMs: 1000 });
    expect(effectiveRateLimits(parseFaultSpec(''))['graph-audit']).toEqual({ capacity: 5, windowMs: 10_000 });
  });
});

describe('fault injector', () => {
  it('is deterministic per seed and spares login unless named', () => {
    const plan = parseFaultSpec('500:0.3');
    const run = (seed: number) => {
      const injector = createFaultInjector(seed, plan, 100);
      return Array.from({ length: 40 }, () => injector.decide('graph').status);
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
    expect(run(9).filter((s) => s === 500).length).toBeGreaterThan(3);
    const injector = createFaultInjector(9, parseFaultSpec('500:1'), 100);
    expect(injector.decide('login').status).toBeNull();
    expect(injector.decide('arm').status).toBe(500);
  });

  it('fires scripted faults on exactly the named requests of one service', () => {
    const injector = createFaultInjector(1, parseFaultSpec('503@graph:req=2+4,truncate@arm:req=1'), 100);
    const graph = Array.from({ length: 5 }, () => injector.decide('graph').status);
    expect(graph).toEqual([null, 503, null, 503, null]);
    expect(injector.decide('arm').truncate).toBe(true);
    expect(injector.decide('arm').truncate).toBe(false);
  });
});

describe('rate limiter', () => {
  it('admits the bucket size, then throttles with the wait until one token refills', () => {
    let now = 0;
    const limiter = createRateLimiter(effectiveRateLimits(parseFaultSpec('rate:graph-audit=5/10s')), () => now);
    for (let i = 0; i < 5; i++) expect(limiter.take('graph-audit', 'app').allowed).toBe(true);
    const denied = limiter.take('graph-audit', 'app');
    expect(denied).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.take('graph-audit', 'other-app').allowed).toBe(true);
    now += 2000;
    expect(limiter.take('graph-audit', 'app').allowed).toBe(true);
    expect(limiter.take('graph-audit', 'app').allowed).toBe(false);
    expect(limiter.take('login', 'x').allowed).toBe(true);
  });
});
