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
  | { type: 'close'; id: number };

/** Writer → main. */
export type WriterMessage =
  | { type: 'ready'; migratedFrom: number; migratedTo: number }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: ErrorInfo };
