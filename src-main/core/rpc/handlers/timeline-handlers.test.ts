import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commands, type AppEvent } from '../../../../src-shared/ipc/contract.js';
import type { timelineCommands } from '../../../../src-shared/ipc/contract-timeline.js';
import { createCore, type Core } from '../../create-core.js';
import { createSeededCase } from '../../timeline/testing/seeded-case.js';
import { makeTestPorts } from '../../testing/test-ports.js';

/** The timeline commands through the core's router, on a generated case: contract shapes, work product, events, errors. */
describe('timeline commands', () => {
  let fixture: Awaited<ReturnType<typeof createSeededCase>>;
  let core: Core;
  const events: AppEvent[] = [];

  beforeAll(async () => {
    fixture = await createSeededCase();
    core = createCore(makeTestPorts(join(fixture.dir, '..')));
    core.onEvent((e) => events.push(e));
    const opened = await core.route('case.open', { dir: fixture.dir });
    if (!opened.ok) throw new Error(opened.error.message);
  });
  afterAll(async () => {
    await core?.shutdown();
    fixture?.cleanup();
  });

  /** Calls a command and parses its output with the contract (catches drift), failing on an error result. */
  async function call<K extends keyof typeof timelineCommands>(name: K, input: unknown): Promise<z.output<(typeof commands)[K]['output']>> {
    const r = await core.route(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return commands[name].output.parse(r.value) as z.output<(typeof commands)[K]['output']>;
  }

  it('serves index-backed pages on the main connection and the rest in the reader thread, in the contract shape', async () => {
    const simple = await call('timeline.page', { filter: { sources: { include: ['signin'] } }, limit: 50 });
    expect(simple.ranOn).toBe('main');
    expect(simple.rows.every((r) => r.source === 'signin')).toBe(true);
    const heavy = await call('timeline.page', { filter: { sources: { include: ['signin'] }, text: { include: ['Sign-in'] } }, limit: 50, client: 'table' });
    expect(heavy.ranOn).toBe('reader');
    expect(heavy.rows.map((r) => r.id)).toEqual(simple.rows.map((r) => r.id));
    const next = await call('timeline.page', { filter: { sources: { include: ['signin'] } }, limit: 50, cursor: simple.next });
    expect(next.rows[0]!.ts).toBeGreaterThanOrEqual(simple.rows.at(-1)!.ts);
  });

  it('answers histogram and facets in the contract shape, consistent with each other', async () => {
    const h = await call('timeline.histogram', { filter: {}, buckets: 60, client: 'chart' });
    const f = await call('timeline.facets', { filter: {}, fields: ['source', 'app'], limit: 5, client: 'facets' });
    expect(h.total).toBe(f.total);
    expect(Object.fromEntries(f.facets[0]!.values.map((v) => [v.value, v.count]))).toEqual(Object.fromEntries(Object.entries(h.bySource).filter(([, n]) => n > 0)));
    expect(f.facets[1]!.values[0]!.label).not.toBeNull();
  });

  it('shows one event with its raw record, AuditData and provenance that verifies against the page file', async () => {
    const [ual] = (await call('timeline.page', { filter: { sources: { include: ['ual'] } }, limit: 1 })).rows;
    const detail = (await call('timeline.event', { id: ual!.id }))!;
    expect(detail.provenance).toMatchObject({ service: 'simulator-generator', method: 'GENERATE', status: null, format: 'ual.management_api' });
    expect(detail.provenance.url).toMatch(/^cirrus-sim:generate\?seed=7&profile=e5/);
    const page = readFileSync(join(fixture.dir, 'raw', detail.provenance.filePath));
    expect(createHash('sha256').update(page).digest('hex')).toBe(detail.provenance.sha256);
    expect((JSON.parse(page.toString('utf8')) as unknown[])[detail.provenance.position]).toEqual(JSON.parse(detail.event.raw));
    expect(detail.auditData).toEqual(JSON.parse(detail.event.raw));
    const [signin] = (await call('timeline.page', { filter: { sources: { include: ['signin'] } }, limit: 1 })).rows;
    expect((await call('timeline.event', { id: signin!.id }))!.auditData).toBeNull();
    expect(await call('timeline.event', { id: 999_999 })).toBeNull();
  });

  it('records bookmarks, tags and notes by the examiner, lists them, and announces the tables it changed', async () => {
    events.length = 0;
    expect(await call('timeline.bookmark', { eventIds: [11, 12, 12], bookmarked: true })).toEqual({ changed: 2 });
    expect(await call('timeline.bookmark', { eventIds: [11], bookmarked: true })).toEqual({ changed: 0 });
    expect(await call('timeline.tag', { eventIds: [11, 13], tag: ' Lateral  Movement ', action: 'add' })).toEqual({ tag: 'lateral movement', changed: 2 });
    const added = await call('timeline.note', { action: 'add', eventId: 11, body: 'rule created from the attacker IP' });
    const edited = await call('timeline.note', { action: 'edit', id: added.note!.id, body: 'rule created from the attacker IP (confirmed)' });
    expect(edited.note).toMatchObject({ eventId: 11, author: 'Examiner E', body: 'rule created from the attacker IP (confirmed)' });
    const mine = await call('timeline.workProduct', { eventId: 11 });
    expect(mine.bookmarks).toEqual([{ eventId: 11, author: 'Examiner E', createdAt: expect.any(String) }]);
    expect(mine.tags.map((t) => t.tag)).toEqual(['lateral movement']);
    expect(mine.notes).toHaveLength(1);
    expect((await call('timeline.page', { filter: { tags: { include: ['LATERAL MOVEMENT'] } }, limit: 10 })).rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([11, 13]),
    );
    const all = await call('timeline.workProduct', {});
    expect(all.notes.some((n) => n.eventId === null && n.body === 'case-wide note')).toBe(true);
    expect(all.tagCounts.find((t) => t.tag === 'lateral movement')?.count).toBe(2);
    expect((await call('timeline.note', { action: 'delete', id: added.note!.id })).note?.id).toBe(added.note!.id);
    expect(await call('timeline.bookmark', { eventIds: [11, 12], bookmarked: false })).toEqual({ changed: 2 });
    expect(events.map((e) => (e.name === 'db.changed' ? e.payload.tables.join(',') : e.name))).toEqual([
      'bookmarks',
      'bookmarks',
      'event_tags',
      'notes',
      'notes',
      'notes',
      'bookmarks',
    ]);
  });

  it('refuses work product on events that do not exist, and tampered cursors, as validation errors', async () => {
    expect(await core.route('timeline.bookmark', { eventIds: [999_999], bookmarked: true })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await core.route('timeline.note', { action: 'edit', id: 999_999, body: 'x' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const page = await call('timeline.page', { limit: 5 });
    const tampered = `${page.next!.slice(0, -3)}${page.next!.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`;
    const r = await core.route('timeline.page', { cursor: tampered });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!r.ok) expect(r.error.details?.[0]?.path).toBe('cursor');
  });

  it('jumps to the last page of the result, which ends where paging forward from the start ends', async () => {
    const filter = { sources: { include: ['signin'] } };
    const last = await call('timeline.page', { filter, end: true, limit: 7 });
    expect(last.rows).toHaveLength(7);
    expect(last.prev).not.toBeNull();
    expect((await call('timeline.page', { filter, cursor: last.next, limit: 7 })).rows).toEqual([]);
    const before = await call('timeline.page', { filter, cursor: last.prev, limit: 7 });
    const [a, b] = [before.rows.at(-1)!, last.rows[0]!];
    expect(a.ts < b.ts || (a.ts === b.ts && a.id < b.id)).toBe(true);
    const newest = await call('timeline.page', { filter: { ...filter, from: last.rows[0]!.ts }, limit: 1000 });
    expect(newest.rows.slice(-7).map((r) => r.id)).toEqual(last.rows.map((r) => r.id));
    expect(await core.route('timeline.page', { end: true, at: 5 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('filters on countries, included or excluded, in agreement with the country facet', async () => {
    const { facets, total } = await call('timeline.facets', { filter: {}, fields: ['country'], limit: 3 });
    const top = facets[0]!.values[0]!;
    const only = await call('timeline.histogram', { filter: { countries: { include: [top.value] } } });
    expect(only.total).toBe(top.count);
    const without = await call('timeline.histogram', { filter: { countries: { exclude: [top.value] } } });
    expect(without.total).toBe(total - top.count);
    const page = await call('timeline.page', { filter: { countries: { include: [top.value] } }, limit: 20 });
    expect(page.ranOn).toBe('main');
    expect(page.rows.every((r) => r.country === top.value)).toBe(true);
  });

  it('lists the mailboxes\' own time zones the seeding stored, mapped to IANA zones, with their page', async () => {
    const zones = await call('timeline.timeZones', {});
    expect(zones.length).toBe(fixture.dataset.tenantConfig.regionalConfig.length);
    expect(zones.every((z) => z.iana !== null && typeof z.pageId === 'number')).toBe(true);
    const finance = fixture.dataset.tenantConfig.regionalConfig[0]!;
    expect(zones.find((z) => z.mailbox === finance.identity.toLowerCase())?.windowsZone).toBe(finance.timeZone);
  });

  it('saves, replaces, lists and deletes views', async () => {
    const saved = await call('timeline.views.save', { name: 'Attacker IP', filter: { ips: { include: ['203.0.113.7:443'] } } });
    expect(saved.filter?.ips.include).toEqual(['203.0.113.7']);
    const replaced = await call('timeline.views.save', { name: 'Attacker IP', filter: { ips: { include: ['203.0.113.0/24'] } } });
    expect(replaced.id).toBe(saved.id);
    expect((await call('timeline.views.list', {})).map((v) => [v.name, v.filter?.ips.include])).toEqual([['Attacker IP', ['203.0.113.0/24']]]);
    expect(await call('timeline.views.delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await call('timeline.views.list', {})).toEqual([]);
  });

  it('supersedes a client\'s older histogram, closes the case with the reader running, and serves again after reopening', async () => {
    const older = core.route('timeline.histogram', { buckets: 200, client: 'chart' });
    const newer = core.route('timeline.histogram', { buckets: 100, client: 'chart' });
    expect(await older).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await newer).toMatchObject({ ok: true });
    const running = core.route('timeline.facets', { filter: { text: { include: ['exchange'] } }, client: 'facets' });
    // The reader's connection must be gone before the writer leaves WAL mode, or the close fails.
    expect(await core.route('case.close', {})).toEqual({ ok: true, value: { closed: true } });
    const r = await running;
    expect(r.ok || ['cancelled', 'no_case_open'].includes(r.error.code)).toBe(true);
    expect(await core.route('timeline.histogram', {})).toMatchObject({ ok: false, error: { code: 'no_case_open' } });
    expect((await core.route('case.open', { dir: fixture.dir })).ok).toBe(true);
    expect((await call('timeline.histogram', {})).total).toBeGreaterThan(0);
  });
});
