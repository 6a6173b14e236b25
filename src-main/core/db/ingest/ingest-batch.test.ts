import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import { fixture, fixtureLines } from '../../normalise/test-support.js';
import { countEventsBySource } from '../queries/events.js';
import { ingestBatch } from './ingest-batch.js';
import { batchFromPage, openEventTestDb, pageRow } from './ingest-testing.js';
import { EVENTS_PER_STATEMENT, eventRowsPerStatement, ingestStatements } from './ingest-statements.js';

let db: Database.Database;
beforeEach(() => {
  db = openEventTestDb();
});
afterEach(() => db.close());

const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
// Real Management Activity API records (normalise/fixtures/README.md).
const exchangeAdmin = fixtureLines('mgmt-exchange-admin.ndjson');
const mgmtBlob = `[${exchangeAdmin.join(',')}]`;

describe('ingestBatch', () => {
  it('stores a page and its events in one go and reports the counts', () => {
    const counts = ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob));
    expect(counts).toEqual({ page_id: 1, inserted: 3, duplicates: 0, rejected: 0 });
    expect(count('SELECT count(*) AS n FROM raw_pages')).toBe(1);
    expect(db.prepare('SELECT page_id, position, raw FROM events ORDER BY position').all()).toEqual(
      exchangeAdmin.map((raw, position) => ({ page_id: 1, position, raw })),
    );
  });

  it('de-duplicates the same records arriving again, in another page and through another channel', () => {
    ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob));
    expect(ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob))).toMatchObject({ inserted: 0, duplicates: 3 });
    // The first record again, now as an Exchange Online search row (constructed wrapper, real record).
    const exoPage = JSON.stringify({ value: [{ RecordType: 'ExchangeAdmin', AuditData: exchangeAdmin[0], Identity: 'x' }] });
    expect(ingestBatch(db, batchFromPage('ual.exo_search', exoPage))).toMatchObject({ inserted: 0, duplicates: 1 });
    // Pages are evidence even when every record was a duplicate.
    expect(count('SELECT count(*) AS n FROM raw_pages')).toBe(3);
    expect(countEventsBySource(db)).toEqual({ ual: 3, signin: 0, directory_audit: 0, azure_activity: 0, devops_audit: 0 });
  });

  it('counts duplicates inside one page (the device audit export repeats one id)', () => {
    const counts = ingestBatch(db, batchFromPage('azure_monitor', fixture('azure-monitor-auditlogs-device.ndjson')));
    expect(counts).toMatchObject({ inserted: 1, duplicates: 2 });
  });

  it('stores rejected records with their position and reason', () => {
    const text = ['{"category":"SignInLogs","properties":{"id":"x"}}', fixtureLines('azure-monitor-signins.ndjson')[0]].join('\n');
    const counts = ingestBatch(db, batchFromPage('azure_monitor', text));
    expect(counts).toMatchObject({ inserted: 1, rejected: 1 });
    expect(db.prepare('SELECT position, field, message FROM page_rejects').all()).toEqual([
      { position: 0, field: 'properties.createdDateTime', message: 'signin.azure_monitor record: properties.createdDateTime is missing' },
    ]);
  });

  it('adds the page to its collection window\'s ledger counts', () => {
    const now = '2025-03-01T00:00:00.000Z';
    const job = Number(db.prepare("INSERT INTO collection_jobs (kind, created_at, updated_at) VALUES ('ual', ?, ?)").run(now, now).lastInsertRowid);
    const win = Number(
      db.prepare("INSERT INTO collection_windows (job_id, source, channel, start_ms, end_ms, created_at, updated_at) VALUES (?, 'ual', 'ual.management_api', 0, 1, ?, ?)").run(job, now, now)
        .lastInsertRowid,
    );
    ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob, { job_id: job, window_id: win }));
    ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob, { job_id: job, window_id: win, received_at: '2025-03-01T00:05:00.000Z' }));
    expect(db.prepare('SELECT fetched, stored_unique, updated_at FROM collection_windows WHERE id = ?').get(win)).toEqual({
      fetched: 6,
      stored_unique: 3,
      updated_at: '2025-03-01T00:05:00.000Z',
    });
  });

  it('stores nothing when any part fails: the page row and the events already written roll back', () => {
    // A failure on the third event, after the page row and two events were written.
    db.exec("CREATE TRIGGER fail_third BEFORE INSERT ON events WHEN new.position = 2 BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    expect(() => ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob))).toThrow('disk trouble');
    expect([count('SELECT count(*) AS n FROM raw_pages'), count('SELECT count(*) AS n FROM events'), count('SELECT count(*) AS n FROM event_params')]).toEqual([0, 0, 0]);
    db.exec('DROP TRIGGER fail_third');
    expect(() => ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob, { window_id: 99 }))).toThrow(/FOREIGN KEY/);
    expect(ingestBatch(db, batchFromPage('ual.management_api', mgmtBlob)).inserted).toBe(3);
  });

  it('refuses events that are not normalised, naming the field', () => {
    const batch = batchFromPage('ual.management_api', mgmtBlob);
    const first = batch.events[0];
    if (!first) throw new Error('no event');
    const bad = { ...batch, events: [{ ...first, event: { ...first.event, ip: '203.0.113.45:51234', actor: 'Admin@Contoso.Example' } }] };
    let error: unknown;
    try {
      ingestBatch(db, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('validation');
    expect((error as CoreError).message).toMatch(/events\.0\.event\.actor: not in normalised identity spelling/);
    expect((error as CoreError).message).toMatch(/events\.0\.event\.ip: not in normalised IP spelling/);
    expect(count('SELECT count(*) AS n FROM raw_pages')).toBe(0);
  });

  it('refuses positions outside the page and a page whose recorded request carries a secret', () => {
    const batch = batchFromPage('ual.management_api', mgmtBlob);
    expect(() => ingestBatch(db, { ...batch, page: { ...batch.page, record_count: 2 } })).toThrow(/position 2 is outside the page's 2 records/);
    const secretUrl = { ...batch.page, url: 'https://login.microsoftonline.com/x/oauth2/v2.0/token?client_secret=abc' };
    expect(() => ingestBatch(db, { ...batch, page: secretUrl })).toThrow(/carries a secret \(client_secret\)/);
    const secretBody = { ...batch.page, method: 'POST', request_body: '{"CmdletInput":{"Parameters":{"Password":"hunter2"}}}' };
    expect(() => ingestBatch(db, { ...batch, page: secretBody })).toThrow(/carries a secret \(Password\)/);
    const formBody = { ...batch.page, method: 'POST', request_body: 'grant_type=refresh_token&refresh_token=0.AbC' };
    expect(() => ingestBatch(db, { ...batch, page: formBody })).toThrow(/carries a secret \(refresh_token\)/);
    const bearer = { ...batch.page, request_body: 'Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi' };
    expect(() => ingestBatch(db, { ...batch, page: bearer })).toThrow(/carries a secret \(bearer token\)/);
    const fine = { ...batch.page, method: 'POST', request_body: '{"CmdletInput":{"CmdletName":"Search-UnifiedAuditLog","Parameters":{"SessionId":"c0ffee-1"}}}' };
    expect(ingestBatch(db, { ...batch, page: fine }).inserted).toBe(3);
  });

  it('stores a page larger than one insert statement in page order, skipping repeats across statements', () => {
    const base = JSON.parse(exchangeAdmin[0] as string) as Record<string, unknown>;
    // 2,345 records (more than two statements' worth) whose ids repeat every 1,500 positions.
    const records = Array.from({ length: 2_345 }, (_, i) => ({ ...base, Id: `00000000-0000-4000-8000-${String(i % 1_500).padStart(12, '0')}` }));
    const counts = ingestBatch(db, batchFromPage('ual.management_api', JSON.stringify(records)));
    expect(counts).toMatchObject({ inserted: 1_500, duplicates: 845, rejected: 0 });
    const positions = db.prepare('SELECT position FROM events ORDER BY id').pluck().all() as number[];
    expect(positions).toEqual(Array.from({ length: 1_500 }, (_, i) => i));
    expect(count('SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH ?', '"000000001499"')).toBe(1);
  });

  it('prepares its statements once per connection', () => {
    expect(ingestStatements(db)).toBe(ingestStatements(db));
    const other = openEventTestDb();
    expect(ingestStatements(other)).not.toBe(ingestStatements(db));
    other.close();
  });

  it('finds ingested records by full-text search, including values only the raw holds', () => {
    ingestBatch(db, batchFromPage('azure_monitor', fixture('azure-monitor-auditlogs.ndjson')));
    const hits = (q: string) => (db.prepare('SELECT e.operation FROM events_fts f JOIN events e ON e.id = f.rowid WHERE events_fts MATCH ? ORDER BY e.id').all(q) as { operation: string }[]).map((r) => r.operation);
    expect(hits('"billing-test-wus"')).toEqual(['Add service principal credentials', 'Update service principal', 'Update service principal']);
    // the third record changed only TargetId.ServicePrincipalNames
    expect(hits('params:KeyDescription')).toEqual(['Add service principal credentials', 'Update service principal']);
    expect(hits('d747da7e')).toEqual(['Add service principal credentials']);
    expect(hits('"Graph Client Library"')).toHaveLength(3);
    expect(hits('nothing_like_this')).toEqual([]);
  });
});

describe('pageRow helper', () => {
  it('hashes the bytes as received', () => {
    expect(pageRow('signin.graph', 'abc', 0).sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('insert statement sizes', () => {
  it('covers any number of events with whole statements and a few remainder shapes, in order', () => {
    for (const n of [0, 1, 337, 999, 1_000, 1_001, 2_000, 2_345, 10_000]) {
      const parts = eventRowsPerStatement(n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(n);
      expect(parts.every((p) => p === EVENTS_PER_STATEMENT || (p & (p - 1)) === 0)).toBe(true);
    }
    expect(eventRowsPerStatement(2_345)).toEqual([1_000, 1_000, 256, 64, 16, 8, 1]);
  });
});
