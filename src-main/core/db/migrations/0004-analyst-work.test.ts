import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { migration0004 } from './0004-analyst-work.js';

describe('migration 0004: analyst work product', () => {
  it('applies on top of a version-3 case that already holds events, and keeps work product well-formed', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 3), 'v3 case');
    db.prepare(
      `INSERT INTO raw_pages (service, format, method, url, received_at, file_path, byte_size, sha256, compression, record_count)
       VALUES ('import', 'signin.graph', 'GET', 'https://graph.microsoft.com/', '2026-01-01T00:00:00.000Z', 'p.json', 1, ?, 'none', 1)`,
    ).run('0'.repeat(64));
    db.prepare(`INSERT INTO events (ts, ts_source, source, raw_format, record_id, operation, country, raw, page_id, position)
                VALUES (1, 'x', 'signin', 'signin.graph', 'r1', 'Sign-in', 'GB', '{}', 1, 0)`).run();
    expect(migrate(db, migrations.slice(0, 4), 'v3 case')).toEqual({ from: 3, to: migration0004.version });

    // The country index is built for the events already there.
    expect(db.prepare("SELECT count(*) FROM events INDEXED BY events_country_ts WHERE country = 'GB'").pluck().get()).toBe(1);
    const at = '2026-01-02T00:00:00.000Z';
    db.prepare('INSERT INTO bookmarks (event_id, author, created_at) VALUES (1, ?, ?)').run('E', at);
    db.prepare("INSERT INTO event_tags (event_id, tag, author, created_at) VALUES (1, 'phish', ?, ?)").run('E', at);
    db.prepare('INSERT INTO notes (event_id, body, author, created_at, updated_at) VALUES (NULL, ?, ?, ?, ?)').run('case note', 'E', at, at);
    db.prepare("INSERT INTO saved_views (name, filter, author, created_at, updated_at) VALUES ('v', '{}', ?, ?, ?)").run('E', at, at);

    const refused = [
      ['bookmark on no event', "INSERT INTO bookmarks (event_id, author, created_at) VALUES (99, 'E', 'x')"],
      ['second bookmark on one event', "INSERT INTO bookmarks (event_id, author, created_at) VALUES (1, 'E', 'x')"],
      ['tag in upper case', "INSERT INTO event_tags (event_id, tag, author, created_at) VALUES (1, 'Phish', 'E', 'x')"],
      ['empty note', "INSERT INTO notes (event_id, body, author, created_at, updated_at) VALUES (1, '', 'E', 'x', 'x')"],
      ['view name taken', "INSERT INTO saved_views (name, filter, author, created_at, updated_at) VALUES ('v', '{}', 'E', 'x', 'x')"],
      ['view filter not an object', "INSERT INTO saved_views (name, filter, author, created_at, updated_at) VALUES ('w', '[1]', 'E', 'x', 'x')"],
    ] as const;
    for (const [what, sql] of refused) expect(() => db.prepare(sql).run(), what).toThrow();
    db.close();
  });
});
