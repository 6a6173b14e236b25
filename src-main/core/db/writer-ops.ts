import type { Database } from 'better-sqlite3';
import type { CustodyEntry } from '../../../src-shared/domain/case.js';
import { appendCustody, type CustodyDraft } from './queries/custody.js';

/**
 * Every write the case accepts, by name. The main thread can only ask for these; it never sends
 * SQL. Each op runs in one synchronous transaction.
 */
export const writerOps = {
  'custody.append': (db: Database, draft: CustodyDraft): CustodyEntry => db.transaction(() => appendCustody(db, draft))(),
};
export type WriterOps = typeof writerOps;
export type WriterOpArgs<K extends keyof WriterOps> = Parameters<WriterOps[K]>[1];
export type WriterOpResult<K extends keyof WriterOps> = ReturnType<WriterOps[K]>;
