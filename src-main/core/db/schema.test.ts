import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, assertMigrationsAscend } from './migrate.js';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index.js';
import { dumpFreshSchema } from './schema-dump.js';

describe('case schema', () => {
  it('matches the committed snapshot (run `npm run schema:snapshot` after an additive migration)', () => {
    const committed = readFileSync(new URL('./schema.snapshot.sql', import.meta.url), 'utf8');
    expect(dumpFreshSchema()).toBe(committed);
  });

  it('numbers migrations 1..N and migrates in one step', () => {
    expect(() => assertMigrationsAscend(migrations)).not.toThrow();
    expect(() => assertMigrationsAscend([{ version: 2, name: 'x', up: () => {} }])).toThrow(/expected 1/);
    const db = new Database(':memory:');
    expect(migrate(db, migrations, 'mem')).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(migrate(db, migrations, 'mem')).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    db.close();
  });

  it('refuses a database written by a newer build, naming it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    expect(() => migrate(db, migrations, 'future.sqlite')).toThrow(/future\.sqlite was written by a newer Cirrus/);
    db.close();
  });

  it('rolls back every step of a failing migration', () => {
    const db = new Database(':memory:');
    const failing = [...migrations, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: (d: Database.Database) => { d.exec('CREATE TABLE t_new (x)'); throw new Error('boom'); } }];
    expect(() => migrate(db, failing, 'mem')).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('case_meta','t_new')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps the custody log append-only at the database level', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 'mem');
    db.prepare("INSERT INTO custody_log (seq, at, action, examiner, tool_version, detail, prev_hash, hash) VALUES (1, 't', 'a', 'e', 'v', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE custody_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM custody_log').run()).toThrow(/append-only/);
    db.close();
  });
});
