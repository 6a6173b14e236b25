import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate.js';
import { recordTime, sourceArrays } from './ground-truth.js';
import { simSources } from './types.js';
import type { SimDataset } from './types.js';

const anchor = new Date('2026-11-27T13:30:00.000Z');
const base = { seed: 11, profile: 'e5' as const, days: 6, scale: 0.05, anchor };

function ms(source: (typeof simSources)[number], time: string): number {
  return source === 'ual' ? Date.parse(`${time}Z`) : Date.parse(time);
}

describe('generateDataset determinism', () => {
  it('is byte-identical for the same options and differs for another seed', () => {
    const a = JSON.stringify(generateDataset(base));
    const b = JSON.stringify(generateDataset(base));
    expect(a).toBe(b);
    const c = JSON.stringify(generateDataset({ ...base, seed: 12 }));
    expect(c).not.toBe(a);
  });

  it('rejects invalid options at the boundary', () => {
    expect(() => generateDataset({ ...base, days: 0 })).toThrow();
    expect(() => generateDataset({ ...base, scale: -1 })).toThrow();
    expect(() => generateDataset({ ...base, anchor: new Date('nope') })).toThrow();
    expect(() => generateDataset({ ...base, profile: 'e7' as never })).toThrow();
  });
});

describe('generateDataset structure', () => {
  const d: SimDataset = generateDataset(base);
  const arrays = sourceArrays(d);

  it('sorts every source ascending and keeps it inside [anchor − days, anchor)', () => {
    const start = anchor.getTime() - base.days * 86_400_000;
    for (const source of simSources) {
      const times = (arrays[source] as { [k: string]: unknown }[]).map((r) => recordTime[source](r as never));
      expect(times.length).toBeGreaterThan(0);
      for (let i = 1; i < times.length; i++) expect(times[i - 1]! <= times[i]!).toBe(true);
      expect(ms(source, times[0]!)).toBeGreaterThanOrEqual(start);
      expect(ms(source, times[times.length - 1]!)).toBeLessThan(anchor.getTime());
    }
  });

  it('uses unique record ids per source', () => {
    expect(new Set(d.ual.map((r) => r.Id)).size).toBe(d.ual.length);
    expect(new Set(d.signIns.map((r) => r.id)).size).toBe(d.signIns.length);
    expect(new Set(d.directoryAudits.map((r) => r.id)).size).toBe(d.directoryAudits.length);
    expect(new Set(d.azure.activity.map((r) => r.eventDataId)).size).toBe(d.azure.activity.length);
    expect(new Set(d.devops.audit.map((r) => r.id)).size).toBe(d.devops.audit.length);
  });

  it('builds ≈ 20 + 10×scale users, the responder among them, and ties events to subscriptions and organisations', () => {
    expect(d.users.length).toBeGreaterThanOrEqual(20);
    expect(d.users.some((u) => u.userPrincipalName === d.signedInUser.userPrincipalName)).toBe(true);
    const subs = new Set(d.azure.subscriptions.map((s) => s.subscriptionId));
    for (const e of d.azure.activity) expect(subs.has(e.subscriptionId)).toBe(true);
    const orgs = new Set(d.devops.organizations.map((o) => o.accountName));
    for (const e of d.devops.audit) expect(orgs.has(e.organization)).toBe(true);
    expect(d.profile.subscribedSkus[0]!.id).toBe(`${d.tenant.id}_${d.profile.subscribedSkus[0]!.skuId}`);
  });

  it('gives a shorter history exactly the newest part of a longer one', () => {
    const long = generateDataset({ ...base, days: 9 });
    const cut = anchor.getTime() - base.days * 86_400_000;
    const tail = long.ual.filter((r) => Date.parse(`${r.CreationTime}Z`) >= cut);
    expect(JSON.stringify(tail)).toBe(JSON.stringify(d.ual));
  });
});

describe('generateDataset volume', () => {
  it('grows linearly with scale', () => {
    // The scripted intrusion adds a fixed number of records: compare the background only.
    const background = (scale: number) => {
      const truth = generateDataset({ ...base, scale, days: 7 }).groundTruth;
      return (source: 'ual' | 'signins') => truth.totals[source] - truth.malicious.filter((m) => m.source === source).length;
    };
    const small = background(0.06);
    const large = background(0.24);
    for (const source of ['ual', 'signins'] as const) {
      const ratio = large(source) / small(source);
      expect(ratio).toBeGreaterThan(3.4);
      expect(ratio).toBeLessThan(4.6);
    }
    // Over a whole week, scale 1 ≈ 3000 UAL records a day.
    expect(small('ual') / 7 / 0.06).toBeGreaterThan(2600);
    expect(small('ual') / 7 / 0.06).toBeLessThan(3400);
  });
});
