import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { TimelineEvent } from '../../../../src-shared/domain/event.js';
import { normalisePage } from '../../normalise/normalise-page.js';
import { fixture } from '../../normalise/test-support.js';
import { ingestBatch } from '../ingest/ingest-batch.js';
import { batchFromPage, openEventTestDb } from '../ingest/ingest-testing.js';
import { countEventsBySource, getEventWithPage } from './events.js';

let db: Database.Database;
beforeEach(() => {
  db = openEventTestDb();
});
afterEach(() => db.close());

describe('event read helpers', () => {
  it('returns a stored event exactly as normalised, with its page', () => {
    const text = fixture('graph-signins-v1.page.json');
    const batch = batchFromPage('signin.graph', text);
    const { page_id } = ingestBatch(db, batch);
    const found = getEventWithPage(db, 1);
    if (!found) throw new Error('event 1 not found');
    expect(TimelineEvent.parse(found.event)).toEqual(found.event);
    const normalised = normalisePage('signin.graph', text);
    if (!normalised.ok) throw new Error(normalised.error);
    expect(found.event).toEqual({ ...normalised.page.events[0]?.event, id: 1, page_ref: { page_id, position: 0 } });
    expect(found.page).toEqual({ ...batch.page, id: page_id });
    expect(getEventWithPage(db, 2)).toBeNull();
  });

  it('counts events per source, listing every source', () => {
    ingestBatch(db, batchFromPage('azure_monitor', fixture('azure-monitor-signin-categories.ndjson')));
    ingestBatch(db, batchFromPage('azure_monitor', fixture('azure-monitor-auditlogs.ndjson')));
    // the categories sample repeats one sign-in id five times
    expect(countEventsBySource(db)).toEqual({ ual: 0, signin: 1, directory_audit: 3, azure_activity: 0, devops_audit: 0 });
  });
});

describe('keyset pagination over (ts, id)', () => {
  it('visits every event once, in order, even when many share a timestamp', () => {
    const records = Array.from({ length: 25 }, (_, i) => ({
      CreationTime: `2025-03-01T00:00:0${i % 3}`,
      Id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      Operation: 'MailItemsAccessed',
      RecordType: 50,
      UserId: 'mail.user@contoso.example',
    }));
    ingestBatch(db, batchFromPage('ual.management_api', JSON.stringify(records)));
    const page = db.prepare('SELECT id, ts FROM events WHERE source = ? AND (ts, id) > (?, ?) ORDER BY ts, id LIMIT ?');
    const seen: { id: number; ts: number }[] = [];
    let cursor = { ts: -Infinity, id: 0 };
    for (;;) {
      const rows = page.all('ual', cursor.ts, cursor.id, 4) as { id: number; ts: number }[];
      if (rows.length === 0) break;
      seen.push(...rows);
      cursor = rows[rows.length - 1] as { id: number; ts: number };
    }
    const expected = (db.prepare('SELECT id, ts FROM events ORDER BY ts, id').all() as { id: number; ts: number }[]);
    expect(seen).toEqual(expected);
    expect(new Set(seen.map((r) => r.id)).size).toBe(25);
  });
});
