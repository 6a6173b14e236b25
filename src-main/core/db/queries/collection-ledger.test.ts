import { describe, expect, it } from 'vitest';
import { openEventTestDb } from '../ingest/ingest-testing.js';
import { writerOps } from '../writer-ops.js';
import { readWindows } from './collection-ledger.js';

const at = '2026-03-01T10:00:00.000Z';

describe('collection ledger writer ops', () => {
  it('opens windows of a job, records verdicts, and keeps split windows linked to their parent', () => {
    const db = openEventTestDb();
    const { id: jobId } = writerOps['collection.createJob'](db, { kind: 'collect.ual', params: { preset: 'all' }, at });
    const parent = writerOps['collection.openWindow'](db, { job_id: jobId, source: 'ual', channel: 'exo_search', filter: { cmdlet: 'Search-UnifiedAuditLog' }, start_ms: 0, end_ms: 2000, split_parent: null, at });
    const child = writerOps['collection.openWindow'](db, { job_id: jobId, source: 'ual', channel: 'exo_search', filter: {}, start_ms: 0, end_ms: 1000, split_parent: parent.id, at });
    writerOps['collection.updateWindow'](db, { id: parent.id, status: 'split', reported_total: 70_000, attempts: 1, last_error: 'over the cap', at });
    writerOps['collection.updateWindow'](db, { id: child.id, status: 'running', attempts: 1, last_error: 'glitch', at });
    writerOps['collection.updateWindow'](db, { id: child.id, status: 'complete', reported_total: 3, attempts: 2, at });

    expect(readWindows(db, jobId)).toMatchObject([
      { id: parent.id, status: 'split', reported_total: 70_000, split_parent: null, filter: '{"cmdlet":"Search-UnifiedAuditLog"}' },
      // last_error stays: why the first attempt was repeated.
      { id: child.id, status: 'complete', reported_total: 3, attempts: 2, last_error: 'glitch', split_parent: parent.id },
    ]);
    expect(db.prepare('SELECT kind, status, params FROM collection_jobs').get()).toEqual({ kind: 'collect.ual', status: 'running', params: '{"preset":"all"}' });
  });

  it('never changes a verdict of complete or split, and validates what crosses from other threads', () => {
    const db = openEventTestDb();
    const { id: jobId } = writerOps['collection.createJob'](db, { kind: 'k', params: {}, at });
    const w = writerOps['collection.openWindow'](db, { job_id: jobId, source: 'ual', channel: 'c', filter: {}, start_ms: 0, end_ms: 10, split_parent: null, at });
    writerOps['collection.updateWindow'](db, { id: w.id, status: 'complete', reported_total: 0, at });
    expect(() => writerOps['collection.updateWindow'](db, { id: w.id, status: 'gap', at })).toThrow(/already complete or split/);
    expect(() => writerOps['collection.openWindow'](db, { job_id: jobId, source: 'ual', channel: 'c', filter: {}, start_ms: 10, end_ms: 10, split_parent: null, at })).toThrow(/ends after it starts/);
    expect(() => writerOps['collection.updateWindow'](db, { id: w.id, status: 'done' as never, at })).toThrow(/refused/);
    expect(() => writerOps['collection.openWindow'](db, { job_id: 999, source: 'ual', channel: 'c', filter: {}, start_ms: 0, end_ms: 10, split_parent: null, at })).toThrow(/FOREIGN KEY/);
  });
});
