import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { CIRRUS_APPLICATION_ID } from './case-files.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';
import { inspectSqliteHeader } from './sqlite-header.js';

type Db = Database.Database;

/**
 * Everything we can learn about a case database without letting SQLite near it. Foreign,
 * empty and truncated files are refused here, so their bytes are never touched.
 */
export function preflightCaseFile(dbPath: string): void {
  if (!existsSync(dbPath)) throw new CoreError('case_not_found', `${dbPath}: no case database here (the file does not exist).`);
  const st = statSync(dbPath);
  if (!st.isFile()) throw new CoreError('not_a_case', `${dbPath}: is not a file.`);
  const verdict = inspectSqliteHeader(dbPath);
  switch (verdict.kind) {
    case 'ok':
      return;
    case 'empty':
      throw new CoreError('case_corrupt', `${dbPath}: the file is empty (0 bytes), not a case database.`);
    case 'not_sqlite':
      throw new CoreError('not_a_case', `${dbPath}: not a Cirrus case (the file is not an SQLite database).`);
    case 'truncated':
      // A process killed during a checkpoint leaves the main file shorter than its header says,
      // with the missing pages still in the write-ahead log: SQLite completes them on open, and
      // the integrity check that follows catches real damage.
      if (walHoldsPages(dbPath)) return;
      throw new CoreError(
        'case_corrupt',
        `${dbPath}: the database is truncated (${verdict.fileSize} bytes on disk, its header needs ${verdict.expectedBytes}).`,
      );
  }
}

function walHoldsPages(dbPath: string): boolean {
  const wal = `${dbPath}-wal`;
  return existsSync(wal) && statSync(wal).size > 32;
}

/** Maps SQLite's own failures onto contract errors that name the file and the reason. */
export function describeSqliteFailure(dbPath: string, e: unknown): CoreError {
  if (e instanceof CoreError) return e;
  const code = (e as { code?: string } | null)?.code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return new CoreError('not_a_case', `${dbPath}: not a Cirrus case (${message}).`);
  if (code.startsWith('SQLITE_CORRUPT')) return new CoreError('case_corrupt', `${dbPath}: the database is damaged (${message}).`);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new CoreError('read_only', `${dbPath}: cannot be opened for writing (${message}).`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new CoreError('case_locked', `${dbPath}: the database is in use by another process (${message}).`);
  return new CoreError('internal', `${dbPath}: ${message}`);
}

/**
 * Confirms an opened database is a Cirrus case this build can read. `integrity: false` skips
 * the quick_check, which reads every page (seconds per gigabyte): for read-only queries of a
 * case already checked when opened, where SQLite still reports any damaged page it meets.
 */
export function assertCirrusCase(db: Db, dbPath: string, options: { integrity?: boolean } = {}): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== CIRRUS_APPLICATION_ID) {
    throw new CoreError('not_a_case', `${dbPath}: not a Cirrus case (an SQLite database of another application, id ${appId}).`);
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION) {
    throw new CoreError(
      'case_too_new',
      `${dbPath}: written by a newer Cirrus (schema ${version}; this build knows up to ${LATEST_SCHEMA_VERSION}). Open it with a newer Cirrus.`,
    );
  }
  if (options.integrity === false) return;
  const check = db.pragma('quick_check(1)', { simple: true }) as string;
  if (check !== 'ok') throw new CoreError('case_corrupt', `${dbPath}: the database is damaged (quick_check: ${check}).`);
}

/** A read-only connection: used for inspection (`case info`) and for small reads on the main thread. */
export function openCaseReadOnly(dbPath: string, options: { integrity?: boolean } = {}): Db {
  preflightCaseFile(dbPath);
  let db: Db | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    assertCirrusCase(db, dbPath, options);
    return db;
  } catch (e) {
    db?.close();
    throw describeSqliteFailure(dbPath, e);
  }
}

/**
 * Page size of a new case file. Event rows carry their raw record (1-3 KB), so 4 KB pages hold
 * one or two rows and leave much of each page empty; 16 KB pages waste far less, and the many
 * indexes and the full-text index need fewer pages and fewer B-tree levels (measured: about a
 * tenth smaller and faster to fill). A case created with another size keeps it.
 */
export const CASE_PAGE_SIZE = 16_384;

/**
 * How much the write-ahead log may grow before it is copied back into the database. SQLite's
 * default (1,000 pages) copies back every few megabytes during ingest, rewriting the same hot
 * index pages over and over; 64 MB lets most of them change many times per copy.
 */
const WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024;

/**
 * Page cache of the writer (KiB; SQLite's default here is 16 MB). Every event adds entries at
 * scattered places of several indexes (record ids, parameter values are random), so once a case
 * holds millions of events most inserts miss a small cache and re-read pages from the OS.
 */
const WRITER_CACHE_KIB = 256 * 1024;

/** Pragmas of the single writer connection. A case file is evidence: durability over speed. */
export function applyWriterPragmas(db: Db): void {
  // Only takes effect while the file is still empty (before the first write and before WAL).
  db.pragma(`page_size = ${CASE_PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.round(WAL_CHECKPOINT_BYTES / pageSize)}`);
  db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
}
