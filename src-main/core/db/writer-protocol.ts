import type { MessagePort } from 'node:worker_threads';
import type { ErrorInfo } from '../../../src-shared/ipc/result.js';
import type { CaseMeta } from '../../../src-shared/domain/case.js';
import type { CustodyDraft } from './queries/custody.js';
import type { WriterOps } from './writer-ops.js';

/** What the writer thread is started with. */
export interface WriterInit {
  dbPath: string;
  /** Present when the case is being created: the worker writes meta and the first custody entry atomically. */
  create?: { meta: Omit<CaseMeta, 'schemaVersion'>; custody: CustodyDraft };
}

export type WriterOpName = keyof WriterOps;

/** Main → writer. `id` pairs each request with its reply. */
export type WriterRequest =
  | { type: 'op'; id: number; op: WriterOpName; args: unknown }
  | { type: 'close'; id: number }
  /**
   * A direct line for another thread (a collection job) that may run only `ops`: its pages go
   * straight to the writer instead of through the main loop. Requests on the port are `op`
   * requests; replies come back on the port.
   */
  | { type: 'attach'; id: number; port: MessagePort; ops: WriterOpName[] };

/** Replies on an attached port. */
export type PortReply = Extract<WriterMessage, { type: 'reply' }>;

/** Writer → main. */
export type WriterMessage =
  | { type: 'ready'; migratedFrom: number; migratedTo: number }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: ErrorInfo };
