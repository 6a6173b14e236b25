import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import { batchFromPage } from '../ingest/ingest-testing.js';
import { ingestBatch } from '../ingest/ingest-batch.js';
import { migrate } from '../migrate.js';
import { migrations } from '../migrations/index.js';
import { createJob } from './collection-ledger.js';
import { countSnapshotObjects, findCredentialValue, readSnapshotObjects, saveSnapshotObjects } from './snapshot.js';

function caseWithPage(): { db: Database.Database; jobId: number; pageId: number } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 'snapshot test');
  const jobId = createJob(db, { kind: 'tenant_snapshot', params: {}, at: '2026-03-02T10:00:00.000Z' }).id;
  const text = JSON.stringify({ value: [{ id: 'app-1' }, { id: 'app-2' }] });
  const { page_id: pageId, inserted } = ingestBatch(db, batchFromPage('snapshot.graph', text, { job_id: jobId }));
  expect(inserted).toBe(0);
  return { db, jobId, pageId };
}

describe('snapshot objects', () => {
  it('stores one row per object with its page, and replaces a newer reading of the same object', () => {
    const { db, jobId, pageId } = caseWithPage();
    const at = '2026-03-02T10:00:01.000Z';
    expect(saveSnapshotObjects(db, { jobId, pageId, collectedAt: at, objects: [
      { kind: 'application', key: 'app-1', data: { id: 'app-1', passwordCredentials: [{ keyId: 'k1', displayName: 'ci', hint: 'abc' }] } },
      { kind: 'application', key: 'app-2', data: { id: 'app-2' } },
    ] })).toEqual({ saved: 2, inserted: 2 });
    expect(saveSnapshotObjects(db, { jobId, pageId, collectedAt: '2026-03-02T10:05:00.000Z', objects: [{ kind: 'application', key: 'app-2', data: { id: 'app-2', displayName: 'renamed' } }] })).toEqual({ saved: 1, inserted: 0 });
    const rows = readSnapshotObjects(db, jobId, 'application');
    expect(rows.map((r) => [r.object_key, JSON.parse(r.data) as unknown, r.page_id])).toEqual([
      ['app-1', { id: 'app-1', passwordCredentials: [{ keyId: 'k1', displayName: 'ci', hint: 'abc' }] }, pageId],
      ['app-2', { id: 'app-2', displayName: 'renamed' }, pageId],
    ]);
    expect(countSnapshotObjects(db, jobId)).toEqual({ application: 2 });
  });

  it('refuses credential values, a missing page and malformed objects, storing nothing', () => {
    const { db, jobId, pageId } = caseWithPage();
    const at = '2026-03-02T10:00:01.000Z';
    const refused = (args: Parameters<typeof saveSnapshotObjects>[1], message: RegExp) => {
      expect(() => saveSnapshotObjects(db, args)).toThrow(CoreError);
      expect(() => saveSnapshotObjects(db, args)).toThrow(message);
    };
    refused({ jobId, pageId, collectedAt: at, objects: [{ kind: 'servicePrincipal', key: 'sp', data: { passwordCredentials: [{ keyId: 'k', secretText: 's3cr3t' }] } }] }, /passwordCredentials\[0\]\.secretText/);
    refused({ jobId, pageId, collectedAt: at, objects: [{ kind: 'application', key: 'a', data: { keyCredentials: [{ keyId: 'k', key: 'TUlJQ...' }] } }] }, /keyCredentials\[0\]\.key/);
    refused({ jobId, pageId: pageId + 100, collectedAt: at, objects: [{ kind: 'domain', key: 'd', data: {} }] }, /no raw page/);
    refused({ jobId, pageId, collectedAt: at, objects: [{ kind: '', key: 'd', data: {} }] }, /kind/);
    expect(readSnapshotObjects(db, jobId)).toEqual([]);
  });

  it('tells credential values from metadata and from ordinary key/value pairs', () => {
    expect(findCredentialValue({ passwordCredentials: [{ keyId: 'k', secretText: null, hint: 'x' }], keyCredentials: [{ key: null }] })).toBeNull();
    expect(findCredentialValue({ additionalDetails: [{ key: 'User-Agent', value: 'x' }] })).toBeNull();
    expect(findCredentialValue({ nested: { secretText: 'x' } })).toBe('nested.secretText');
  });
});
