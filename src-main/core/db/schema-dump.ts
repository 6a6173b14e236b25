import Database from 'better-sqlite3';
import { CIRRUS_APPLICATION_ID } from './case-files.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

/**
 * The schema a fresh case gets, as text: every table, index, trigger and view in a stable
 * order. A committed copy (`schema.snapshot.sql`) makes any schema change a visible diff.
 */
export function dumpFreshSchema(): string {
  const db = new Database(':memory:');
  try {
    db.pragma(`application_id = ${CIRRUS_APPLICATION_ID}`);
    migrate(db, migrations, 'in-memory case');
    const rows = db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as { type: string; name: string; sql: string }[];
    const version = db.pragma('user_version', { simple: true }) as number;
    return [`-- user_version = ${version}`, ...rows.map((r) => `${r.sql.replace(/[ \t]+$/gm, '')};`), ''].join('\n\n');
  } finally {
    db.close();
  }
}
