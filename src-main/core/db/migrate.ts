import type { Database } from 'better-sqlite3';
import { CoreError } from '../../../src-shared/ipc/result.js';
import type { Migration } from './migrations/migration.js';

/** Checks the list itself: versions must ascend by one from 1, or a build would skip a step. */
export function assertMigrationsAscend(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Brings a database to the latest version in one transaction (all or nothing). A database
 * written by a newer build is refused rather than guessed at.
 */
export function migrate(db: Database, list: readonly Migration[], where: string): { from: number; to: number } {
  assertMigrationsAscend(list);
  const latest = list.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new CoreError(
      'case_too_new',
      `${where} was written by a newer Cirrus (schema ${from}; this build knows up to ${latest}). Open it with a newer Cirrus.`,
    );
  }
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    for (const m of list.slice(from)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}
