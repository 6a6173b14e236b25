import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { CaseCreateInput, CaseInfo, CustodyEntry } from '../../../src-shared/domain/case.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import type { Clock } from '../ports.js';
import { CASE_DB_FILE } from '../db/case-files.js';
import { openCaseReadOnly } from '../db/open-case-db.js';
import { readCaseMeta } from '../db/queries/case-meta.js';
import { readCustody } from '../db/queries/custody.js';
import { startWriter, type WriterClient } from '../db/writer-client.js';
import type { WriterOpArgs, WriterOpResult, WriterOps } from '../db/writer-ops.js';
import type { WriterOpName } from '../db/writer-protocol.js';
import { acquireCaseLock, type CaseLock } from './case-lock.js';

interface OpenCase {
  dir: string;
  dbPath: string;
  writer: WriterClient;
  reader: Database.Database;
  lock: CaseLock;
  examiner: string;
}

export interface CaseService {
  create(input: Required<CaseCreateInput>): Promise<CaseInfo>;
  open(dir: string): Promise<CaseInfo>;
  close(): Promise<boolean>;
  current(): CaseInfo | null;
  /** Appends to the open case's custody log (later: sign-in, collection, export). */
  recordCustody(action: string, detail: Record<string, unknown>): Promise<CustodyEntry>;
  /** Runs a named write op in the open case's writer thread; `no_case_open` without a case. */
  write<K extends keyof WriterOps>(op: K, args: WriterOpArgs<K>): Promise<WriterOpResult<K>>;
  /** A port on which another thread may run the named writer ops directly (a collection job's pages). */
  attachWriter(ops: WriterOpName[]): Promise<MessagePort>;
  /** Runs a small read on the open case's read-only connection (main thread: keep it quick). */
  read<T>(fn: (db: Database.Database) => T): T;
  shutdown(): Promise<void>;
}

export interface CaseServiceDeps {
  toolVersion: string;
  clock: Clock;
  onChanged(dir: string | null): void;
  /**
   * Runs before the open case closes, once it no longer counts as open: other holders of
   * read connections (the timeline's reader threads) let go here, since any open connection
   * makes the writer's final switch out of WAL fail with SQLITE_BUSY.
   */
  beforeClose?(): Promise<void>;
}

/** Reads a case's info through any connection (the open case's reader, or a one-off read-only one). */
export function readCaseInfo(db: Database.Database, dir: string, dbPath: string): CaseInfo {
  const meta = readCaseMeta(db);
  if (!meta) throw new CoreError('case_corrupt', `${dbPath}: the case has no metadata row.`);
  const custody = readCustody(db);
  return { dir, dbPath, meta, custody: custody.entries, custodyChainIntact: custody.chainIntact };
}

/** Inspects a case without opening it for work: no lock, no writes, nothing changes on disk. */
export function inspectCase(dirInput: string): CaseInfo {
  const { dir, dbPath } = locateCase(dirInput);
  const db = openCaseReadOnly(dbPath);
  try {
    return readCaseInfo(db, dir, dbPath);
  } finally {
    db.close();
  }
}

function locateCase(dirInput: string): { dir: string; dbPath: string } {
  const dir = resolve(dirInput);
  if (!existsSync(dir)) throw new CoreError('case_not_found', `${dir}: no such folder.`);
  if (!statSync(dir).isDirectory()) {
    throw new CoreError('not_a_case', `${dir}: is a file, not a case folder (a case is a folder holding ${CASE_DB_FILE}).`);
  }
  const dbPath = join(dir, CASE_DB_FILE);
  if (!existsSync(dbPath)) throw new CoreError('case_not_found', `${dir}: not a case folder (no ${CASE_DB_FILE} in it).`);
  return { dir, dbPath };
}

/** Owns the one open case of this core: its lock, its writer thread and a read-only connection. */
export function createCaseService(deps: CaseServiceDeps): CaseService {
  let open: OpenCase | null = null;
  const nowIso = () => deps.clock.now().toISOString();

  const info = (c: OpenCase) => readCaseInfo(c.reader, c.dir, c.dbPath);

  async function closeCurrent(): Promise<boolean> {
    if (!open) return false;
    const c = open;
    // Work still running (collection jobs, readers) stops first, while the case can still take
    // its last writes; only then does the case stop accepting them.
    try {
      await deps.beforeClose?.();
    } catch {
      // Whatever failed to stop cleanly is found interrupted when the case opens again.
    }
    if (open !== c) return false;
    open = null;
    try {
      await c.writer.run('custody.append', { at: nowIso(), action: 'case.closed', examiner: c.examiner, toolVersion: deps.toolVersion, detail: {} });
    } finally {
      c.reader.close();
      await c.writer.close();
      c.lock.release();
    }
    return true;
  }

  async function attach(dir: string, dbPath: string, lock: CaseLock, writer: WriterClient): Promise<CaseInfo> {
    let reader: Database.Database;
    try {
      // The writer thread has just run the integrity check; this connection only reads.
      reader = openCaseReadOnly(dbPath, { integrity: false });
    } catch (e) {
      await writer.close();
      lock.release();
      throw e;
    }
    const examiner = readCaseMeta(reader)?.examiner ?? '';
    open = { dir, dbPath, writer, reader, lock, examiner };
    return info(open);
  }

  return {
    async create(input) {
      const dir = resolve(input.dir);
      const dbPath = join(dir, CASE_DB_FILE);
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CoreError('case_exists', `${dir}: a file with this name exists; choose a folder.`);
      if (existsSync(dbPath)) throw new CoreError('case_exists', `${dir}: already holds a case; open it instead.`);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw new CoreError('read_only', `${dir}: cannot create the case folder (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
      }
      await closeCurrent();
      const lock = acquireCaseLock(dir, deps.clock.now());
      const at = nowIso();
      let writer: WriterClient;
      try {
        writer = await startWriter({
          dbPath,
          create: {
            meta: { caseId: randomUUID(), name: input.name, examiner: input.examiner, tenantLabel: input.tenantLabel, description: input.description, createdAt: at, createdWith: deps.toolVersion },
            custody: { at, action: 'case.created', examiner: input.examiner, toolVersion: deps.toolVersion, detail: { name: input.name, tenantLabel: input.tenantLabel } },
          },
        });
      } catch (e) {
        // Nothing was collected yet: a half-created database is removed so the folder can be reused.
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbPath + suffix, { force: true });
        lock.release();
        throw e;
      }
      const created = await attach(dir, dbPath, lock, writer);
      deps.onChanged(dir);
      return created;
    },

    async open(dirInput) {
      const { dir, dbPath } = locateCase(dirInput);
      if (open?.dir === dir) return info(open);
      // Validate before taking the lock or starting a writer: a foreign file is never touched.
      // The page-by-page integrity check (seconds on a large case) runs once, in the writer thread,
      // so the main loop only reads the header, application id and schema version here.
      openCaseReadOnly(dbPath, { integrity: false }).close();
      await closeCurrent();
      const lock = acquireCaseLock(dir, deps.clock.now());
      let writer: WriterClient;
      try {
        writer = await startWriter({ dbPath });
      } catch (e) {
        lock.release();
        throw e;
      }
      const probe = openCaseReadOnly(dbPath, { integrity: false });
      const examiner = readCaseMeta(probe)?.examiner ?? '';
      probe.close();
      const detail: Record<string, unknown> = {};
      if (writer.migratedFrom !== writer.migratedTo) detail.migrated = { from: writer.migratedFrom, to: writer.migratedTo };
      if (lock.recoveredStale) detail.recoveredStaleLock = lock.recoveredStale;
      await writer.run('custody.append', { at: nowIso(), action: 'case.opened', examiner, toolVersion: deps.toolVersion, detail });
      const opened = await attach(dir, dbPath, lock, writer);
      deps.onChanged(dir);
      return opened;
    },

    async close() {
      const closed = await closeCurrent();
      if (closed) deps.onChanged(null);
      return closed;
    },

    current: () => (open ? info(open) : null),

    async recordCustody(action, detail) {
      if (!open) throw new CoreError('no_case_open', 'No case is open.');
      return open.writer.run('custody.append', { at: nowIso(), action, examiner: open.examiner, toolVersion: deps.toolVersion, detail });
    },

    async write(op, args) {
      if (!open) throw new CoreError('no_case_open', 'No case is open.');
      return open.writer.run(op, args);
    },

    attachWriter(ops) {
      if (!open) return Promise.reject(new CoreError('no_case_open', 'No case is open.'));
      return open.writer.attach(ops);
    },

    read(fn) {
      if (!open) throw new CoreError('no_case_open', 'No case is open.');
      return fn(open.reader);
    },

    async shutdown() {
      await closeCurrent();
    },
  };
}
