import { afterEach, describe, expect, it } from 'vitest';
import { lightSetOperations, mailboxAuditRecordTypes, UalPresetChoice, ualPresetSearches } from '../../../../src-shared/domain/collection-presets.js';
import { recordTypeName } from '../../../../src-shared/domain/ual-record-types.js';
import { defenderRecordTypes } from '../../../../src-shared/domain/ual-record-types.js';
import { readMailboxTimeZones } from '../../db/queries/mailbox-time-zones.js';
import type { UalAuditData } from '../../../sim/data/types.js';
import { startSimCollect, type SimCollect } from '../testing/sim-collect.js';
import { collectUalPreset, collectUalSearches, type UalVia } from './ual-searches.js';
import { DAY_MS, HOUR_MS } from './windows.js';

/**
 * Collection presets against the simulator: what lands in the case is exactly the tenant's
 * records that the preset selects — a light set's operations, the Defender record types, a
 * user's own records and everything in that user's mailbox — whichever channel reads them, with
 * one ledger channel per search so windows searched with several filters never collide.
 */
describe('UAL presets against the simulator', () => {
  let h: SimCollect | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  // Five days hold the whole scripted intrusion, which is where the light sets' operations are.
  const start = () => startSimCollect({ days: 5, scale: 0.05 });
  const range = (harness: SimCollect) => {
    const anchor = Date.parse(harness.dataset.anchor);
    return { startMs: anchor - harness.dataset.days * DAY_MS - HOUR_MS, endMs: anchor + HOUR_MS };
  };
  const exoTarget = (harness: SimCollect) => ({ exoBase: harness.sim.serviceUrls.exo, tenant: harness.sim.tenantId, anchorUpn: harness.dataset.signedInUser.userPrincipalName });
  const storedIds = (harness: SimCollect): string[] =>
    (harness.cases.read((db) => db.prepare(`SELECT record_id FROM events WHERE source = 'ual' ORDER BY record_id`).pluck().all()) as string[]);
  const idsOf = (records: readonly UalAuditData[]): string[] => records.map((r) => r.Id.toLowerCase()).sort();

  it('stores exactly the records of a light set and of the Defender record types, one proven channel per search', async () => {
    h = await start();
    const light = UalPresetChoice.parse({ kind: 'light', set: 'all' });
    const searches = [...ualPresetSearches(light), ...ualPresetSearches({ kind: 'defender' })];
    const run = await h.newRun();
    const via: UalVia = { channel: 'exo_search', target: exoTarget(h) };
    const result = await collectUalSearches(run.context, { range: range(h), via, searches, initialWindowMs: DAY_MS });
    run.close();
    expect(result.windows.filter((w) => w.status === 'gap' || w.status === 'failed').map((w) => `${w.channel}: ${w.error}`)).toEqual([]);

    const ops = new Set(lightSetOperations('all'));
    const defender = new Set<string>(defenderRecordTypes);
    const selected = h.dataset.ual.filter((r) => ops.has(r.Operation) || defender.has(recordTypeName(r.RecordType) ?? ''));
    expect(h.dataset.ual.filter((r) => ops.has(r.Operation)).length).toBeGreaterThan(5);
    expect(h.dataset.ual.filter((r) => defender.has(recordTypeName(r.RecordType) ?? '')).length).toBeGreaterThan(0);
    expect(selected.length).toBeLessThan(h.dataset.ual.length);
    expect(storedIds(h)).toEqual(idsOf(selected));

    const windows = h.windows(run.jobId);
    const channels = [...new Set(windows.map((w) => w.channel))].sort();
    expect(channels).toEqual(['exo_search.light.all', ...defenderRecordTypes.map((t) => `exo_search.defender.${t}`)].sort());
    // The same day searched under every channel: one complete window each, totals proven per filter.
    const firstDay = windows.filter((w) => w.start_ms === windows[0]?.start_ms && w.split_parent === null);
    expect(firstDay.length).toBe(searches.length);
    expect(windows.every((w) => w.status === 'complete')).toBe(true);
    const lightTotal = windows.filter((w) => w.channel === 'exo_search.light.all').reduce((n, w) => n + (w.reported_total ?? 0), 0);
    expect(lightTotal).toBe(h.dataset.ual.filter((r) => ops.has(r.Operation)).length);
    const request = h.cases.read((db) => db.prepare(`SELECT request_body FROM raw_pages WHERE request_body LIKE '%Operations%' LIMIT 1`).pluck().get()) as string;
    expect((JSON.parse(request) as { CmdletInput: { Parameters: { Operations: string[] } } }).CmdletInput.Parameters.Operations).toEqual(lightSetOperations('all'));
    expect(await h.verifyPages()).toEqual([]);
  });

  it('stores the same light set through Graph audit log queries', async () => {
    h = await start();
    const run = await h.newRun();
    const searches = ualPresetSearches(UalPresetChoice.parse({ kind: 'light', set: 'ExchangeOnly' }));
    const result = await collectUalSearches(run.context, { range: range(h), via: { channel: 'graph_audit_query', graphBase: h.sim.serviceUrls.graph }, searches });
    run.close();
    const ops = new Set(lightSetOperations('ExchangeOnly'));
    expect(result.gaps + result.failed).toBe(0);
    expect(storedIds(h)).toEqual(idsOf(h.dataset.ual.filter((r) => ops.has(r.Operation))));
    expect(storedIds(h).length).toBeGreaterThan(0);
    expect(new Set(h.windows(run.jobId).map((w) => w.channel))).toEqual(new Set(['graph_audit_query.light.ExchangeOnly']));
  });

  it("a user search stores the user's records, everything in the user's mailbox, and the mailbox time zone", async () => {
    h = await start();
    const mailboxTypes = new Set<string>(mailboxAuditRecordTypes);
    const isMailboxRecord = (r: UalAuditData) => mailboxTypes.has(recordTypeName(r.RecordType) ?? '');
    // The mailbox most often opened by someone else: those records carry the other account's id.
    const byOthers = new Map<string, number>();
    for (const r of h.dataset.ual) {
      const owner = String(r['MailboxOwnerUPN'] ?? '').toLowerCase();
      if (isMailboxRecord(r) && owner && owner !== r.UserId.toLowerCase()) byOthers.set(owner, (byOthers.get(owner) ?? 0) + 1);
    }
    const user = [...byOthers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    expect(user).not.toBe('');

    const run = await h.newRun();
    const choice = UalPresetChoice.parse({ kind: 'search', userIds: [user] });
    const result = await collectUalPreset(run.context, { range: range(h), via: { channel: 'exo_search', target: exoTarget(h) }, exo: exoTarget(h), choice, initialWindowMs: DAY_MS });
    run.close();
    expect(result.gaps + result.failed).toBe(0);

    const own = h.dataset.ual.filter((r) => r.UserId.toLowerCase() === user);
    const inMailbox = h.dataset.ual.filter((r) => isMailboxRecord(r) && JSON.stringify(r).toLowerCase().includes(user));
    const expected = [...new Set([...idsOf(own), ...idsOf(inMailbox)])].sort();
    expect(storedIds(h)).toEqual(expected);
    // Records of others acting in the mailbox arrived only through the mailbox searches.
    expect(inMailbox.filter((r) => r.UserId.toLowerCase() !== user).length).toBe(byOthers.get(user));

    const zones = h.cases.read((db) => readMailboxTimeZones(db));
    const expectedZone = h.dataset.tenantConfig.regionalConfig.find((c) => c.identity.toLowerCase() === user)?.timeZone;
    expect(zones.map((z) => [z.mailbox, z.windowsZone])).toEqual([[user, expectedZone]]);
    const page = h.cases.read((db) => db.prepare('SELECT format, record_count, request_body FROM raw_pages WHERE id = ?').get(zones[0]?.pageId)) as { format: string; record_count: number; request_body: string };
    expect(page).toMatchObject({ format: 'snapshot.exo', record_count: 1 });
    expect(page.request_body).toContain('Get-MailboxRegionalConfiguration');
    const zoneWindow = h.windows(run.jobId).filter((w) => w.source === 'mailbox_config');
    expect(zoneWindow.map((w) => [w.channel, w.status, w.fetched])).toEqual([['Get-MailboxRegionalConfiguration', 'complete', 1]]);
    expect(new Set(h.windows(run.jobId).filter((w) => w.source === 'ual').map((w) => w.channel))).toEqual(
      new Set(ualPresetSearches(choice).map((s) => `exo_search.${s.label}`)),
    );
    expect(await h.verifyPages()).toEqual([]);
  });
});
