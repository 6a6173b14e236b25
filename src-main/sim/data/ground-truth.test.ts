import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from './generate.js';
import { computeGroundTruth, recordId, recordTime, sourceArrays, writeGroundTruth } from './ground-truth.js';
import { ndjsonFileNames, writeDatasetNdjson } from './ndjson.js';
import { simSources } from './types.js';
import type { SimSource } from './types.js';

const anchor = new Date('2026-11-27T13:30:00.000Z');
const d = generateDataset({ seed: 5, profile: 'e5', days: 6, scale: 0.05, anchor });
const arrays = sourceArrays(d);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('ground truth counts', () => {
  it('totals and hourly counts equal the dataset arrays', () => {
    for (const source of simSources) {
      const records = arrays[source] as never[];
      expect(d.groundTruth.totals[source]).toBe(records.length);
      const hourly = Object.values(d.groundTruth.countsByHour[source]).reduce((a, b) => a + b, 0);
      expect(hourly).toBe(records.length);
      const recount: Record<string, number> = {};
      for (const r of records) {
        const key = new Date(Math.floor(Date.parse(source === 'ual' ? `${recordTime[source](r)}Z` : recordTime[source](r)) / 3_600_000) * 3_600_000).toISOString();
        recount[key] = (recount[key] ?? 0) + 1;
      }
      expect(d.groundTruth.countsByHour[source]).toEqual(recount);
    }
  });

  it('recomputes to the same value', () => {
    expect(computeGroundTruth(d, 'e5', d.groundTruth.malicious, d.groundTruth.suppressed)).toEqual(d.groundTruth);
  });
});

describe('ground truth of the intrusion', () => {
  const ids: Record<SimSource, Set<string>> = Object.fromEntries(
    simSources.map((s) => [s, new Set((arrays[s] as never[]).map((r) => recordId[s](r)))]),
  ) as Record<SimSource, Set<string>>;

  it('lists only records that are in the dataset, at their own time', () => {
    expect(d.groundTruth.malicious.length).toBeGreaterThan(150);
    const timeById = new Map<string, string>();
    for (const s of simSources) for (const r of arrays[s] as never[]) timeById.set(recordId[s](r), recordTime[s](r));
    for (const m of d.groundTruth.malicious) {
      expect(ids[m.source].has(m.id)).toBe(true);
      const own = timeById.get(m.id)!;
      expect(Math.abs(Date.parse(m.time) - Date.parse(m.source === 'ual' ? `${own}Z` : own))).toBeLessThan(1);
      expect(m.technique).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(Date.parse(m.time)).toBeLessThan(anchor.getTime());
      expect(Date.parse(m.time)).toBeGreaterThan(anchor.getTime() - 5 * 86_400_000);
    }
    for (const s of d.groundTruth.suppressed) expect(ids[s.source].has(s.id)).toBe(false);
  });

  it('covers every scripted technique in the source that records it (E5)', () => {
    const has = (source: SimSource, technique: string, text: RegExp) =>
      d.groundTruth.malicious.some((m) => m.source === source && m.technique === technique && text.test(m.description));
    expect(d.groundTruth.malicious.filter((m) => m.technique === 'T1110.003' && m.source === 'signins').length).toBeGreaterThan(20);
    expect(has('signins', 'T1078.004', /Password spray succeeded/)).toBe(true);
    expect(has('signins', 'T1566.002', /Device-code/)).toBe(true);
    expect(has('directoryAudits', 'T1098.005', /authenticator/)).toBe(true);
    expect(has('directoryAudits', 'T1528', /consent/i)).toBe(true);
    expect(has('ual', 'T1528', /OAuth2 permission grant/)).toBe(true);
    expect(has('directoryAudits', 'T1098.001', /Client secret added/)).toBe(true);
    expect(has('ual', 'T1564.008', /RSS Feeds/)).toBe(true);
    expect(has('ual', 'T1564.008', /deleted/)).toBe(true);
    expect(has('ual', 'T1114.003', /forwarding/)).toBe(true);
    expect(has('ual', 'T1114.003', /Transport rule/)).toBe(true);
    expect(has('ual', 'T1098.002', /FullAccess/)).toBe(true);
    expect(has('ual', 'T1098.002', /SendAs/)).toBe(true);
    expect(has('ual', 'T1114.002', /Graph/)).toBe(true);
    expect(has('ual', 'T1070.008', /deletes/)).toBe(true);
    expect(has('ual', 'T1020', /flow created/)).toBe(true);
    expect(has('ual', 'T1567', /Anyone-link/)).toBe(true);
    expect(has('ual', 'T1562.008', /bypass/)).toBe(true);
    expect(has('ual', 'T1562.008', /audit log ingestion/)).toBe(true);
    expect(has('azureActivity', 'T1098.003', /Owner/)).toBe(true);
    expect(has('azureActivity', 'T1578.002', /virtual machine/)).toBe(true);
    expect(has('devopsAudit', 'T1098.001', /personal access token/)).toBe(true);
    expect(has('devopsAudit', 'T1195.002', /Pipeline/)).toBe(true);
  });

  it('carries the technique evidence in the records themselves', () => {
    const byId = new Map(d.ual.map((r) => [r.Id, r]));
    const ual = (technique: string) => d.groundTruth.malicious.filter((m) => m.source === 'ual' && m.technique === technique).map((m) => byId.get(m.id)!);
    const mia = ual('T1114.002');
    expect(mia.every((r) => r.Operation === 'MailItemsAccessed' && r.AppId === d.tenantConfig.servicePrincipals.find((s) => s.displayName === 'Mail Sync Helper')!.appId)).toBe(true);
    const rules = ual('T1564.008');
    expect(rules.some((r) => JSON.stringify(r.Parameters).includes('"RSS Feeds"'))).toBe(true);
    const spray = d.signIns.filter((s) => s.status.errorCode === 50126 && s.userAgent === 'BAV2ROPC');
    expect(spray.length).toBeGreaterThan(20);
    expect(d.signIns.some((s) => s.authenticationProtocol === 'deviceCode')).toBe(true);
    const vm = d.azure.activity.filter((e) => e.operationName.value === 'Microsoft.Compute/virtualMachines/write' && e.httpRequest?.clientIpAddress === '203.0.113.201');
    expect(vm.map((e) => e.status.value)).toEqual(['Started', 'Succeeded']);
  });

  it('leaves its end state in the tenant configuration', () => {
    const cfg = d.tenantConfig;
    const victim = 'jordan.avery@tailspin-aero.example';
    expect(cfg.inboxRules.some((r) => r.mailbox === victim && r.moveToFolder === 'RSS Feeds')).toBe(true);
    expect(cfg.mailboxes.find((m) => m.userPrincipalName === victim)!.forwardingSmtpAddress).toMatch(/^smtp:.+@/);
    expect(cfg.transportRules.some((r) => r.blindCopyTo.length > 0)).toBe(true);
    expect(cfg.mailboxAuditBypass.find((b) => b.identity === victim)!.auditBypassEnabled).toBe(true);
    const sp = cfg.servicePrincipals.find((s) => s.displayName === 'Finance Reporting Connector')!;
    expect(sp.passwordCredentials.length).toBe(1);
    const malicious = cfg.servicePrincipals.find((s) => s.displayName === 'Mail Sync Helper')!;
    expect(cfg.oauth2PermissionGrants.some((g) => g.clientId === malicious.id && g.scope.includes('Mail.ReadWrite'))).toBe(true);
    expect(cfg.regionalConfig.length).toBe(cfg.mailboxes.length);
  });
});

describe('writers', () => {
  it('writes the ground truth as pretty JSON and one NDJSON file per source', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-data-'));
    dirs.push(dir);
    await writeGroundTruth(d, join(dir, 'truth.json'));
    const truthText = await readFile(join(dir, 'truth.json'), 'utf8');
    expect(truthText).toContain('\n  "seed": 5');
    expect(JSON.parse(truthText)).toEqual(JSON.parse(JSON.stringify(d.groundTruth)));
    const paths = await writeDatasetNdjson(d, join(dir, 'nd'));
    for (const source of simSources) {
      expect(paths[source].endsWith(ndjsonFileNames[source])).toBe(true);
      const lines = (await readFile(paths[source], 'utf8')).split('\n').filter((l) => l.length > 0);
      expect(lines.length).toBe(d.groundTruth.totals[source]);
      expect(JSON.parse(lines[0]!)).toEqual(JSON.parse(JSON.stringify((arrays[source] as unknown[])[0])));
    }
  });
});
