import type Database from 'better-sqlite3';

/**
 * A connection the timeline only reads through. The reader thread and the CLI open theirs
 * read-only (`readonly: true`), so a read path cannot write even by mistake; the alias names the
 * intent in signatures.
 */
export type ReadDb = Database.Database;

/** Different filter shapes give different SQL texts; beyond this many, the oldest is dropped. */
const CACHE_LIMIT = 256;
const caches = new WeakMap<ReadDb, Map<string, Database.Statement>>();

/**
 * Prepares a statement once per connection and SQL text. Timeline SQL is assembled from fixed
 * fragments, so the same filter shape always yields the same text and reuses its statement.
 */
export function prepareCached(db: ReadDb, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(sql);
  if (hit) {
    // Re-insert so the map's order is least-recently-used first.
    cache.delete(sql);
    cache.set(sql, hit);
    return hit;
  }
  const statement = db.prepare(sql);
  cache.set(sql, statement);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return statement;
}
