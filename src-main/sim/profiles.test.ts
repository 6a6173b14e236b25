import { describe, expect, it } from 'vitest';
import { generateDataset } from './data/generate.js';
import type { SimDataset, SimProfileName } from './data/types.js';
import { getProfile, profileNames, roleTemplates, simFinanceManagerUpn } from './profiles.js';

const anchor = new Date('2026-11-27T13:30:00.000Z');
const cache = new Map<string, SimDataset>();
function dataset(profile: SimProfileName, days = 6): SimDataset {
  const key = `${profile}/${days}`;
  let d = cache.get(key);
  if (!d) {
    d = generateDataset({ seed: 3, profile, days, scale: 0.03, anchor });
    cache.set(key, d);
  }
  return d;
}

describe('profiles', () => {
  it('exposes every profile with a description and fresh copies', () => {
    expect(profileNames).toHaveLength(7);
    for (const name of profileNames) {
      const p = getProfile(name);
      expect(p.name).toBe(name);
      expect(p.description.length).toBeGreaterThan(40);
      expect(p.subscribedSkus.length).toBeGreaterThan(0);
    }
    const a = getProfile('e5');
    a.exoRoles.push('changed');
    expect(getProfile('e5').exoRoles).not.toContain('changed');
  });

  it('matches licences to capabilities', () => {
    const plans = (name: SimProfileName) => getProfile(name).subscribedSkus.flatMap((s) => s.servicePlans.map((p) => p.servicePlanName));
    expect(plans('e5')).toEqual(expect.arrayContaining(['AAD_PREMIUM_P2', 'M365_ADVANCED_AUDITING', 'THREAT_INTELLIGENCE']));
    expect(plans('e3')).not.toContain('M365_ADVANCED_AUDITING');
    expect(plans('p1-only')).toContain('AAD_PREMIUM');
    expect(plans('free')).not.toContain('AAD_PREMIUM');
    expect(getProfile('free').signInsApiForbidden).toBe(true);
    expect(getProfile('e5').signedInUserRoles).toEqual([roleTemplates.globalReader]);
    const none = getProfile('no-global-reader');
    expect([none.signedInUserRoles, none.exoRoles, none.armReadActivity, none.devopsAuditRead]).toEqual([[], [], false, false]);
  });
});

describe('profile effects on the data', () => {
  it('logs MailItemsAccessed and Defender records only with the premium licences', () => {
    const e5 = dataset('e5');
    expect(e5.ual.some((r) => r.Operation === 'MailItemsAccessed')).toBe(true);
    expect(e5.ual.some((r) => r.RecordType === 28)).toBe(true);
    for (const name of ['e3', 'p1-only', 'free'] as const) {
      const d = dataset(name);
      expect(d.ual.some((r) => r.Operation === 'MailItemsAccessed' || r.RecordType === 50)).toBe(false);
      expect(d.ual.some((r) => r.RecordType === 28)).toBe(false);
      expect(d.groundTruth.suppressed.some((s) => s.reason === 'requires-audit-premium' && s.technique === 'T1114.002')).toBe(true);
      // Everything else is the same data: the profile filters, it does not reshuffle.
      const keep = (x: SimDataset) => x.ual.filter((r) => r.RecordType !== 50 && r.RecordType !== 28).map((r) => r.Id);
      expect(keep(d)).toEqual(keep(e5));
    }
  });

  it('returns no UAL at all when ingestion is disabled', () => {
    const d = dataset('ual-disabled');
    expect(d.ual).toEqual([]);
    expect(d.groundTruth.totals.ual).toBe(0);
    expect(d.groundTruth.malicious.some((m) => m.source === 'ual')).toBe(false);
    expect(d.groundTruth.suppressed.filter((s) => s.source === 'ual').every((s) => s.reason === 'ual-ingestion-disabled')).toBe(true);
    expect(d.tenantConfig.adminAuditLogConfig.UnifiedAuditLogIngestionEnabled).toBe(false);
    expect(d.signIns.length).toBeGreaterThan(0);
  });

  it('drops every mailbox audit record of a bypassed account', () => {
    const d = dataset('bypassed-mailbox');
    const mailboxTypes = new Set([2, 3, 50]);
    expect(d.ual.some((r) => mailboxTypes.has(r.RecordType) && r.UserId === simFinanceManagerUpn)).toBe(false);
    // Its admin-audited actions (inbox rules through OWA) are still there.
    expect(d.ual.some((r) => r.Operation === 'New-InboxRule' && r.UserId === simFinanceManagerUpn)).toBe(true);
    expect(d.groundTruth.suppressed.some((s) => s.reason === 'mailbox-audit-bypass' && s.technique === 'T1070.008')).toBe(true);
    const e5 = dataset('e5');
    expect(e5.ual.some((r) => r.RecordType === 3 && r.UserId === simFinanceManagerUpn)).toBe(true);
    // In every profile the intruder's own bypass hides what the account does afterwards.
    const bypassAt = e5.ual.find((r) => r.Operation === 'Set-MailboxAuditBypassAssociation')!.CreationTime;
    expect(e5.ual.some((r) => mailboxTypes.has(r.RecordType) && r.UserId === simFinanceManagerUpn && r.CreationTime >= bypassAt)).toBe(false);
  });

  it('keeps each source only as far back as its retention', () => {
    const day = 86_400_000;
    const free = dataset('free', 12);
    const oldest = (times: string[]) => Math.min(...times.map((t) => Date.parse(t)));
    expect(oldest(free.signIns.map((s) => s.createdDateTime))).toBeGreaterThanOrEqual(anchor.getTime() - 7 * day);
    expect(oldest(free.directoryAudits.map((s) => s.activityDateTime))).toBeGreaterThanOrEqual(anchor.getTime() - 7 * day);
    expect(oldest(free.azure.activity.map((s) => s.eventTimestamp))).toBeLessThan(anchor.getTime() - 10 * day);
    const e3 = generateDataset({ seed: 3, profile: 'e3', days: 200, scale: 0.005, anchor });
    expect(oldest(e3.ual.map((r) => `${r.CreationTime}Z`))).toBeGreaterThanOrEqual(anchor.getTime() - 180 * day);
    expect(oldest(e3.ual.map((r) => `${r.CreationTime}Z`))).toBeLessThan(anchor.getTime() - 170 * day);
    expect(oldest(e3.azure.activity.map((e) => e.eventTimestamp))).toBeGreaterThanOrEqual(anchor.getTime() - 90 * day);
  });

  it('hides Identity Protection risk without Entra ID P2', () => {
    expect(dataset('e3').signIns.every((s) => s.riskLevelDuringSignIn === 'hidden')).toBe(true);
    expect(dataset('e5').signIns.some((s) => s.riskLevelDuringSignIn === 'medium')).toBe(true);
    expect(dataset('free').signIns.every((s) => s.appliedConditionalAccessPolicies.length === 0)).toBe(true);
  });
});
