import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CoreError, type ErrorInfo } from '../../../src-shared/ipc/result.js';
import { describeSqliteFailure } from '../db/open-case-db.js';
import { TICK_FUNCTION } from '../db/queries/timeline-where.js';
import type { ReaderInit, ReaderMessage, ReaderRequest } from './reader-protocol.js';
import { runReaderQuery } from './run-query.js';
import { registerTimelineFunctions } from './sql-functions.js';

/**
 * A timeline reader thread: one read-only connection that runs the heavy queries (histogram,
 * facets, text and multi-field pages) so the main loop never waits on them.
 *
 * Cancellation: better-sqlite3 offers no sqlite3_interrupt, and while a statement runs this
 * thread cannot receive a message. So the SQL itself carries a checkpoint — `cirrus_tick()`,
 * called for about one scanned row in 4096 — that reads a cell shared with the core and throws
 * when it names the running request. The statement stops within a few thousand rows, the
 * thread and its connection stay warm, and the core only falls back to `terminate()` when a
 * statement spends its time where no row is scanned (e.g. inside one large FTS5 lookup).
 */
const port = parentPort;
if (!port) throw new Error('timeline-reader-worker must run as a worker thread');
const init = workerData as ReaderInit;
const cancel = new Int32Array(init.cancel);
const send = (message: ReaderMessage) => port.postMessage(message);

class Superseded extends Error {}
let running = 0;
/** Set by the checkpoint, so a cancel is recognised however SQLite wraps the error it threw. */
let superseded = false;

function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof Superseded || superseded) return { code: 'cancelled', message: 'superseded by a newer request' };
  const ce = e instanceof CoreError ? e : describeSqliteFailure(init.dbPath, e);
  return { code: ce.code, message: ce.message };
}

let db: Database.Database;
try {
  // Read-only: a reader can never change the case. The main thread validated the file when the case opened.
  db = new Database(init.dbPath, { readonly: true, fileMustExist: true });
  registerTimelineFunctions(db);
  db.function(TICK_FUNCTION, { deterministic: false }, () => {
    if (Atomics.load(cancel, 0) === running) {
      superseded = true;
      throw new Superseded();
    }
    return 1;
  });
  send({ type: 'ready' });
} catch (e) {
  send({ type: 'failed', error: toErrorInfo(e) });
  process.exit(0);
}

port.on('message', (request: ReaderRequest) => {
  running = request.id;
  superseded = false;
  try {
    send({ type: 'reply', id: request.id, ok: true, value: runReaderQuery(db, request.query, { tick: true }) });
  } catch (e) {
    send({ type: 'reply', id: request.id, ok: false, error: toErrorInfo(e) });
  } finally {
    running = 0;
  }
});
