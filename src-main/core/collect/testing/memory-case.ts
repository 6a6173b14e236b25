import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openEventTestDb } from '../../db/ingest/ingest-testing.js';
import { writerOps } from '../../db/writer-ops.js';
import type { CollectContext } from '../collect-context.js';
import { createEvidenceStore } from '../evidence/evidence-store.js';
import { createPageSink } from '../evidence/page-sink.js';
import type { ApiClient } from '../http/api-client.js';
import { createLedger } from '../planner/ledger.js';
import type { WriteOp } from '../write-op.js';

/**
 * An in-memory case for planner and sink unit tests: the event schema on one connection, writer
 * ops run in place (what the writer thread would do), and evidence files in a temp folder.
 */
export function memoryCase(rawParent: string): { db: Database.Database; write: WriteOp; rawDir: string } {
  const db = openEventTestDb();
  const ops = writerOps as unknown as Record<string, (d: Database.Database, a: unknown) => unknown>;
  const write = (async (op: string, args: unknown) => {
    const run = ops[op];
    if (!run) throw new Error(`no writer op ${op}`);
    return run(db, args);
  }) as WriteOp;
  return { db, write, rawDir: join(rawParent, 'raw') };
}

export async function memoryContext(rawParent: string, api: ApiClient, signal?: AbortSignal): Promise<{ db: Database.Database; rawDir: string; context: CollectContext }> {
  const { db, write, rawDir } = memoryCase(rawParent);
  const now = () => new Date('2026-03-02T12:00:00Z');
  const ledger = createLedger(write, now);
  const jobId = await ledger.createJob('test', {});
  let session = 0;
  const context: CollectContext = {
    api,
    sink: createPageSink({ evidence: createEvidenceStore(rawDir, 't'), write, identity: { account: 'a@contoso.example', tenantId: 't', clientId: 'c' } }),
    ledger,
    write,
    jobId,
    now,
    sleep: () => new Promise((resolve) => setImmediate(resolve)),
    newSessionId: () => `s-${++session}`,
    ...(signal ? { signal } : {}),
  };
  return { db, rawDir, context };
}
