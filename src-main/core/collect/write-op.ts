import type { WriterOpArgs, WriterOpResult, WriterOps } from '../db/writer-ops.js';

/**
 * How collection code writes to the case: by asking the case's writer thread to run a named op.
 * In the main thread this is `CaseService.write`; inside a job's worker thread it is a message to
 * the main thread that forwards it. Collection code never holds a database connection itself.
 */
export type WriteOp = <K extends keyof WriterOps>(op: K, args: WriterOpArgs<K>) => Promise<WriterOpResult<K>>;
