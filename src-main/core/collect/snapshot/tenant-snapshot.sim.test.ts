import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { countSnapshotObjects, findCredentialValue, readSnapshotObjects } from '../../db/queries/snapshot.js';
import { startSimCollect, type SimCollect } from '../testing/sim-collect.js';
import { collectTenantSnapshot, SNAPSHOT_SOURCE } from './tenant-snapshot.js';

/**
 * The tenant configuration snapshot against the simulated tenant: one object row per object the
 * tenant has, per kind; every page kept and re-hashed; no credential value anywhere in the case;
 * one ledger window per endpoint or cmdlet — and a refused part failed with its reason while the
 * rest completes.
 */
describe('tenant configuration snapshot against the simulator', () => {
  let h: SimCollect | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  const target = (harness: SimCollect) => ({
    graphBase: harness.sim.serviceUrls.graph,
    exoBase: harness.sim.serviceUrls.exo,
    tenant: harness.sim.tenantId,
    anchorUpn: harness.dataset.signedInUser.userPrincipalName,
  });

  function expectedCounts(harness: SimCollect): Record<string, number> {
    const cfg = harness.dataset.tenantConfig;
    return {
      organization: 1,
      domain: cfg.domains.length,
      subscribedSku: harness.dataset.profile.subscribedSkus.length,
      directoryRoleAssignment: cfg.directoryRoleAssignments.length,
      application: cfg.applications.length,
      servicePrincipal: cfg.servicePrincipals.length,
      appRoleAssignment: cfg.appRoleAssignments.length,
      oauth2PermissionGrant: cfg.oauth2PermissionGrants.length,
      conditionalAccessPolicy: cfg.conditionalAccessPolicies.length,
      user: harness.dataset.users.length,
      organizationConfig: 1,
      adminAuditLogConfig: 1,
      mailboxAuditBypass: cfg.mailboxAuditBypass.length,
      mailbox: cfg.mailboxes.length,
      inboxRule: cfg.inboxRules.length,
      transportRule: cfg.transportRules.length,
    };
  }

  /** Every stored page, decompressed and parsed, has no credential value in it. */
  function credentialValuesInPages(harness: SimCollect): string[] {
    const pages = harness.cases.read((db) => db.prepare('SELECT file_path FROM raw_pages').all()) as { file_path: string }[];
    return pages.flatMap((p) => {
      const found = findCredentialValue(JSON.parse(gunzipSync(readFileSync(join(harness.rawDir, ...p.file_path.split('/')))).toString('utf8')));
      return found ? [`${p.file_path}: ${found}`] : [];
    });
  }

  async function snapshot(harness: SimCollect, extra: { mailboxes?: string[] } = {}) {
    const run = await harness.newRun();
    const result = await collectTenantSnapshot(run.context, { ...target(harness), ...extra });
    run.close();
    return { result, jobId: run.jobId, counters: run.context.api.counters().total };
  }

  it('stores one row per configuration object, every part complete, pages intact and no secrets', async () => {
    h = await startSimCollect({ days: 1 });
    const { result, jobId } = await snapshot(h);
    const expected = expectedCounts(h);

    expect(result.windows.filter((w) => w.status !== 'complete').map((w) => `${w.channel}: ${w.error}`)).toEqual([]);
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    const counts = h.cases.read((db) => countSnapshotObjects(db, jobId));
    expect(counts).toEqual(expected);
    expect(result.objects).toEqual({ ...expected, domainFederation: 0 });

    // Credentials are there as metadata (ids, names, validity), never as values.
    const sps = h.cases.read((db) => readSnapshotObjects(db, jobId, 'servicePrincipal')).map((r) => JSON.parse(r.data) as { passwordCredentials: Record<string, unknown>[] });
    const passwords = sps.flatMap((sp) => sp.passwordCredentials);
    expect(passwords.length).toBeGreaterThan(0);
    expect(passwords.every((c) => typeof c['keyId'] === 'string' && !('secretText' in c))).toBe(true);
    expect(credentialValuesInPages(h)).toEqual([]);
    const rows = h.cases.read((db) => readSnapshotObjects(db, jobId));
    expect(rows.filter((r) => findCredentialValue(JSON.parse(r.data)) !== null)).toEqual([]);
    // Licensed for it: users carry their last sign-ins.
    const users = h.cases.read((db) => readSnapshotObjects(db, jobId, 'user')).map((r) => JSON.parse(r.data) as { signInActivity?: { lastSignInDateTime: string | null } | null });
    expect(users.some((u) => typeof u.signInActivity?.lastSignInDateTime === 'string')).toBe(true);

    // Each object names a stored page of this job, and pages make no timeline events.
    const pages = h.cases.read((db) => db.prepare('SELECT id, format, record_count, window_id FROM raw_pages WHERE job_id = ?').all(jobId)) as { id: number; format: string; record_count: number; window_id: number }[];
    const pageIds = new Set(pages.map((p) => p.id));
    expect(rows.every((r) => pageIds.has(r.page_id))).toBe(true);
    expect(new Set(pages.map((p) => p.format))).toEqual(new Set(['snapshot.graph', 'snapshot.exo']));
    expect(h.cases.read((db) => db.prepare('SELECT count(*) AS n FROM events').get())).toEqual({ n: 0 });
    expect(await h.verifyPages()).toEqual([]);

    // The ledger: one complete window per endpoint or cmdlet, counting the objects its pages held.
    const windows = h.windows(jobId);
    expect(windows.map((w) => w.channel)).toEqual(result.windows.map((w) => w.channel));
    expect(new Set(windows.map((w) => w.channel)).size).toBe(windows.length);
    expect(windows.every((w) => w.source === SNAPSHOT_SOURCE && w.status === 'complete' && w.end_ms - w.start_ms === 1)).toBe(true);
    expect(windows.find((w) => w.channel === 'Get-InboxRule')?.fetched).toBe(expected.inboxRule);
    expect(windows.reduce((n, w) => n + w.fetched, 0)).toBe(pages.reduce((n, p) => n + p.record_count, 0));
  });

  it('fails a refused part with the reason and completes the rest; reads only the mailboxes in scope', async () => {
    h = await startSimCollect({ days: 1, profile: 'free' });
    const cfg = h.dataset.tenantConfig;
    const victim = cfg.inboxRules.map((r) => r.mailbox).find((m) => cfg.inboxRules.filter((r) => r.mailbox === m).length > 1) ?? '';
    expect(victim).not.toBe('');
    const { result, jobId } = await snapshot(h, { mailboxes: [victim.toUpperCase(), 'nobody@nowhere.example'] });

    const failed = result.windows.filter((w) => w.status === 'failed');
    expect(failed.map((w) => w.channel).sort()).toEqual(['Get-InboxRule', 'Get-Mailbox', 'identity/conditionalAccess/policies']);
    expect(failed.find((w) => w.channel === 'identity/conditionalAccess/policies')?.error).toMatch(/HTTP 403/);
    expect(failed.find((w) => w.channel === 'Get-Mailbox')?.error).toMatch(/^nobody@nowhere\.example: .*couldn't be found/);
    expect(result.complete).toBe(result.windows.length - 3);

    const counts = h.cases.read((db) => countSnapshotObjects(db, jobId));
    expect(counts['conditionalAccessPolicy']).toBeUndefined();
    expect(counts['mailbox']).toBe(1);
    expect(counts['inboxRule']).toBe(cfg.inboxRules.filter((r) => r.mailbox === victim).length);
    expect(counts['user']).toBe(h.dataset.users.length);
    // Without Entra ID P1 the users are read without their sign-in activity, and the ledger says so.
    const users = result.windows.find((w) => w.channel === 'users');
    expect(users).toMatchObject({ status: 'complete' });
    expect(users?.error).toMatch(/without sign-in activity \(.*HTTP 403/);
    expect(h.windows(jobId).find((w) => w.channel === 'users')?.last_error).toMatch(/without sign-in activity/);
    const ledger = h.windows(jobId).find((w) => w.channel === 'identity/conditionalAccess/policies');
    expect(ledger).toMatchObject({ status: 'failed', fetched: 0 });
    expect(ledger?.last_error).toMatch(/403/);
  });

  it('stores the same objects when the services throttle, fail, reset and cut answers short', async () => {
    h = await startSimCollect({ days: 1, faults: 'rate:off,429:0.15,503:0.05,reset:0.04,truncate:0.04', tokenLifetimeSeconds: 30 });
    const { result, jobId, counters } = await snapshot(h);
    expect(counters.throttledResponses).toBeGreaterThan(0);
    expect(counters.networkErrors + counters.truncatedBodies).toBeGreaterThan(0);
    expect(result.windows.filter((w) => w.status !== 'complete').map((w) => `${w.channel}: ${w.error}`)).toEqual([]);
    expect(h.cases.read((db) => countSnapshotObjects(db, jobId))).toEqual(expectedCounts(h));
    expect(await h.verifyPages()).toEqual([]);
    expect(credentialValuesInPages(h)).toEqual([]);
  });
});
