import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { CIRRUS_APPLICATION_ID } from './case-files.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { applyWriterPragmas, assertCirrusCase, describeSqliteFailure, preflightCaseFile } from './open-case-db.js';
import { insertCaseMeta } from './queries/case-meta.js';
import { appendCustody } from './queries/custody.js';
import type { PortReply, WriterInit, WriterMessage, WriterOpName, WriterRequest } from './writer-protocol.js';
import { writerOps } from './writer-ops.js';

/**
 * The one connection that writes to a case. Everything that changes the case passes through
 * here, so the main loop never waits on disk and writes never interleave.
 */
const port = parentPort;
if (!port) throw new Error('writer-worker must run as a worker thread');
const init = workerData as WriterInit;
const send = (message: WriterMessage) => port.postMessage(message);
const toErrorInfo = (e: unknown) => {
  const ce = describeSqliteFailure(init.dbPath, e);
  return { code: ce.code, message: ce.message };
};

function open(): Database.Database {
  if (init.create) {
    const db = new Database(init.dbPath);
    // Pragmas first: the page size can only be chosen before the first write (the application id is one).
    applyWriterPragmas(db);
    db.pragma(`application_id = ${CIRRUS_APPLICATION_ID}`);
    return db;
  }
  preflightCaseFile(init.dbPath);
  const db = new Database(init.dbPath, { fileMustExist: true });
  try {
    assertCirrusCase(db, init.dbPath);
    applyWriterPragmas(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

let db: Database.Database;
try {
  db = open();
  const { from, to } = migrate(db, migrations, init.dbPath);
  if (init.create) {
    const { meta, custody } = init.create;
    db.transaction(() => {
      insertCaseMeta(db, meta);
      appendCustody(db, custody);
    })();
  }
  if (from !== to) db.pragma('optimize');
  send({ type: 'ready', migratedFrom: from, migratedTo: to });
} catch (e) {
  send({ type: 'failed', error: toErrorInfo(e) });
  process.exit(0);
}

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    try {
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
      // A closed case is one self-contained file: no -wal/-shm beside it, so it can be hashed,
      // copied, and inspected read-only from write-blocked media.
      db.pragma('journal_mode = DELETE');
      db.close();
      send({ type: 'reply', id: request.id, ok: true, value: null });
    } catch (e) {
      send({ type: 'reply', id: request.id, ok: false, error: toErrorInfo(e) });
    }
    port.close();
    return;
  }
  if (request.type === 'attach') {
    const allowed: ReadonlySet<string> = new Set(request.ops);
    const line = request.port;
    line.on('message', (r: WriterRequest) => {
      if (r.type !== 'op') return;
      if (!allowed.has(r.op)) {
        line.postMessage({ type: 'reply', id: r.id, ok: false, error: { code: 'forbidden', message: `writer op ${String(r.op)} is not open on this line` } } satisfies PortReply);
        return;
      }
      line.postMessage(runOp(r.id, r.op, r.args));
    });
    send({ type: 'reply', id: request.id, ok: true, value: null });
    return;
  }
  send(runOp(request.id, request.op, request.args));
});

function runOp(id: number, name: WriterOpName, args: unknown): PortReply {
  try {
    const op = writerOps[name] as ((db: Database.Database, args: unknown) => unknown) | undefined;
    if (!op) throw new CoreError('internal', `writer has no operation ${String(name)}`);
    return { type: 'reply', id, ok: true, value: op(db, args) };
  } catch (e) {
    return { type: 'reply', id, ok: false, error: toErrorInfo(e) };
  }
}
