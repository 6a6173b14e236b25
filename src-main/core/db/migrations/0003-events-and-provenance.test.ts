import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openEventTestDb } from '../ingest/ingest-testing.js';
import { migration0001 } from './0001-case-and-custody.js';
import { migration0003 } from './0003-events-and-provenance.js';

type Db = Database.Database;

const schemaOf = (db: Db) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { type: string; name: string; sql: string | null }[];

function insertPage(db: Db, filePath = 'p/1.json'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO raw_pages (service, format, method, url, received_at, file_path, byte_size, sha256, compression, record_count)
         VALUES ('graph', 'signin.graph', 'GET', 'https://graph.microsoft.com/v1.0/auditLogs/signIns', '2025-03-01T00:00:00.000Z', ?, 10, ?, 'none', 1)`,
      )
      .run(filePath, 'a'.repeat(64)).lastInsertRowid,
  );
}

function insertEvent(db: Db, pageId: number, fields: Record<string, unknown> = {}): number {
  const e = {
    ts: 1_700_000_000_000, ts_source: 't', source: 'ual', raw_format: 'ual.management_api', record_id: `r${Math.random()}`,
    operation: 'New-InboxRule', actor: 'mail.user@contoso.example', ip: '203.0.113.45', user_agent: 'Mozilla/5.0',
    params: JSON.stringify({ ForwardTo: 'drop@evil.example', Name: 'zz' }),
    raw: JSON.stringify({ Operation: 'New-InboxRule', Parameters: [{ Name: 'ForwardTo', Value: 'drop@evil.example' }], Extra: 'quietly-exfiltrate' }),
    ...fields,
  };
  return Number(
    db
      .prepare(
        `INSERT INTO events (ts, ts_source, source, raw_format, record_id, operation, actor, ip, user_agent, params, raw, page_id, position)
         VALUES (@ts, @ts_source, @source, @raw_format, @record_id, @operation, @actor, @ip, @user_agent, @params, @raw, ${pageId}, 0)`,
      )
      .run(e).lastInsertRowid,
  );
}

const search = (db: Db, query: string) => (db.prepare('SELECT rowid AS id FROM events_fts WHERE events_fts MATCH ? ORDER BY rowid').all(query) as { id: number }[]).map((r) => r.id);

describe('migration 0003 (events and provenance)', () => {
  it('applies on top of 0001 without touching what 0001 created', () => {
    const db = new Database(':memory:');
    migration0001.up(db);
    const before = schemaOf(db);
    migration0003.up(db);
    const after = schemaOf(db);
    for (const object of before) expect(after).toContainEqual(object);
    expect(migration0003.version).toBe(3);
    db.close();
  });

  it('creates STRICT tables for jobs, windows, pages, rejects, events and params', () => {
    const db = openEventTestDb();
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name").all() as { name: string }[];
    expect(strict.map((r) => r.name)).toEqual(['case_meta', 'collection_jobs', 'collection_windows', 'custody_log', 'event_params', 'events', 'page_rejects', 'raw_pages']);
    db.close();
  });

  it('keeps params and the full-text index in step with events: insert, re-derive, delete', () => {
    const db = openEventTestDb();
    const page = insertPage(db);
    const id = insertEvent(db, page);
    expect(db.prepare('SELECT name, value FROM event_params WHERE event_id = ? ORDER BY name').all(id)).toEqual([
      { name: 'ForwardTo', value: 'drop@evil.example' },
      { name: 'Name', value: 'zz' },
    ]);
    expect(search(db, '"drop@evil.example"')).toEqual([id]);
    expect(search(db, 'quietly')).toEqual([id]); // a raw value found in no column
    expect(search(db, 'actor:mail')).toEqual([id]);
    expect(search(db, 'params:ForwardTo')).toEqual([id]);
    expect(search(db, 'Extra')).toEqual([]); // keys of the raw are not text to search

    db.prepare("UPDATE events SET operation = 'Set-InboxRule', params = '{\"RedirectTo\":\"x@evil.example\"}' WHERE id = ?").run(id);
    expect(search(db, 'operation:"Set-InboxRule"')).toEqual([id]);
    expect(search(db, 'operation:"New-InboxRule"')).toEqual([]);
    expect(db.prepare('SELECT name FROM event_params WHERE event_id = ?').all(id)).toEqual([{ name: 'RedirectTo' }]);

    db.prepare('DELETE FROM events WHERE id = ?').run(id);
    expect(search(db, 'quietly')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM event_params').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses to change evidence: pages, and an event\'s raw and provenance', () => {
    const db = openEventTestDb();
    const page = insertPage(db);
    const id = insertEvent(db, page);
    expect(() => db.prepare("UPDATE raw_pages SET sha256 = ? WHERE id = ?").run('b'.repeat(64), page)).toThrow(/raw_pages are evidence/);
    expect(() => db.prepare("UPDATE events SET raw = '{}' WHERE id = ?").run(id)).toThrow(/cannot be changed/);
    expect(() => db.prepare('UPDATE events SET record_id = ? WHERE id = ?').run('other', id)).toThrow(/cannot be changed/);
    db.close();
  });

  it('de-duplicates on (source, record_id) and checks page paths, hashes and params shape', () => {
    const db = openEventTestDb();
    const page = insertPage(db);
    insertEvent(db, page, { record_id: 'same' });
    expect(() => insertEvent(db, page, { record_id: 'same' })).toThrow(/UNIQUE/);
    insertEvent(db, page, { record_id: 'same', source: 'signin' });
    expect(() => insertEvent(db, page, { params: '[1]' })).toThrow(/CHECK/);
    for (const bad of ['/abs/p.json', '../up.json', 'a/../../b.json', 'C:/x.json', 'a\\b.json', '']) {
      expect(() => insertPage(db, bad), bad).toThrow(/CHECK/);
    }
    expect(() =>
      db
        .prepare(`INSERT INTO raw_pages (service, format, method, url, received_at, file_path, byte_size, sha256, compression, record_count)
                  VALUES ('x', 'x', 'GET', 'u', 't', 'ok.json', 1, ?, 'none', 0)`)
        .run('A'.repeat(64)),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('holds a window ledger with split children', () => {
    const db = openEventTestDb();
    const now = '2025-03-01T00:00:00.000Z';
    const job = db.prepare("INSERT INTO collection_jobs (kind, params, created_at, updated_at) VALUES ('ual', '{}', ?, ?)").run(now, now).lastInsertRowid;
    const win = db.prepare(
      "INSERT INTO collection_windows (job_id, source, channel, start_ms, end_ms, status, created_at, updated_at) VALUES (?, 'ual', 'ual.exo_search', 0, 3600000, ?, ?, ?)",
    );
    const parent = win.run(job, 'split', now, now).lastInsertRowid;
    db.prepare(
      "INSERT INTO collection_windows (job_id, source, channel, start_ms, end_ms, split_parent, created_at, updated_at) VALUES (?, 'ual', 'ual.exo_search', 0, 1800000, ?, ?, ?)",
    ).run(job, parent, now, now);
    expect(() => win.run(job, 'done', now, now)).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO collection_windows (job_id, source, channel, start_ms, end_ms, created_at, updated_at) VALUES (?, 'ual', 'x', 5, 5, ?, ?)").run(job, now, now),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM collection_windows WHERE split_parent = ?').get(parent)).toEqual({ n: 1 });
    db.close();
  });
});

describe('timeline keyset pages use an index', () => {
  const db = openEventTestDb();
  const plan = (where: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM events WHERE ${where} (ts, id) > (?, ?) ORDER BY ts, id LIMIT ?`).all(...new Array(where.split('?').length + 2).fill(1)) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');

  it.each([
    ['', 'events_ts'],
    ['source = ? AND', 'events_source_ts'],
    ['actor = ? AND', 'events_actor_ts'],
    ['ip = ? AND', 'events_ip_ts'],
    ['operation = ? AND', 'events_operation_ts'],
    ['app_id = ? AND', 'events_app_ts'],
    ['result = ? AND', 'events_result_ts'],
    ['workload = ? AND', 'events_workload_ts'],
    ['session_id = ? AND', 'events_session_ts'],
    ['correlation_id = ? AND', 'events_correlation_ts'],
    ['source = ? AND actor = ? AND', 'events_actor_ts'],
  ])('WHERE %s (ts,id) > … → %s, no full scan, no sort', (where, index) => {
    const detail = plan(where);
    // SEARCH (a range seek), not SCAN: the page starts at the cursor instead of walking the table.
    expect(detail).toMatch(new RegExp(`^SEARCH events USING INDEX ${index} \\(.*ts>\\?\\)$`));
    expect(detail).not.toMatch(/SCAN events(?! USING)/);
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('finds events by a param through its index', () => {
    const detail = (db.prepare('EXPLAIN QUERY PLAN SELECT event_id FROM event_params WHERE name = ? AND value = ?').all('a', 'b') as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(detail).toContain('event_params_name_value');
  });
});
