import { afterEach, describe, expect, it } from 'vitest';
import { readWindows } from '../../db/queries/collection-ledger.js';
import { makeTempDir } from '../../testing/test-ports.js';
import type { ApiPage } from '../http/api-types.js';
import { createLedger } from '../planner/ledger.js';
import { memoryCase } from '../testing/memory-case.js';
import { createEvidenceStore } from './evidence-store.js';
import { createPageSink, UnreadablePageError } from './page-sink.js';
import { verifyStoredPage } from './verify-page.js';

const audit = (id: string, time: string) => ({
  RecordType: 'ExchangeAdmin',
  CreationDate: `${time}Z`,
  UserIds: 'admin@contoso.example',
  Operations: 'Set-Mailbox',
  AuditData: JSON.stringify({ CreationTime: time, Id: id, Operation: 'Set-Mailbox', OrganizationId: 'o', RecordType: 1, UserKey: 'k', UserType: 2, Version: 1, Workload: 'Exchange', UserId: 'admin@contoso.example' }),
  ResultIndex: 1,
  ResultCount: 2,
  Identity: id,
});

function exoPage(text: string): ApiPage {
  return {
    service: 'exo',
    status: 200,
    headers: {},
    bytes: Buffer.from(text),
    json: JSON.parse(text) as unknown,
    request: { method: 'POST', url: 'https://exo.example/adminapi/beta/t/InvokeCommand', body: '{"CmdletInput":{"CmdletName":"Search-UnifiedAuditLog"}}' },
    receivedAt: new Date('2026-03-01T10:00:00.123Z'),
    attempts: 1,
    throttledMs: 0,
  };
}

describe('page sink: evidence file, provenance row and events in one step', () => {
  const tmp = makeTempDir();
  afterEach(() => tmp.cleanup());

  function setup() {
    const { db, write, rawDir } = memoryCase(tmp.dir);
    const sink = createPageSink({
      evidence: createEvidenceStore(rawDir, 'r'),
      write,
      identity: { account: 'responder@contoso.example', tenantId: 'tid', clientId: 'cid' },
    });
    return { db, rawDir, sink, ledger: createLedger(write, () => new Date('2026-03-01T10:00:00Z')) };
  }

  it('stores the page, records who fetched what, ingests its events and counts them on the window', async () => {
    const { db, rawDir, sink, ledger } = setup();
    const jobId = await ledger.createJob('ual', {});
    const windowId = await ledger.open({ jobId, source: 'ual', channel: 'exo_search', filter: {}, window: { startMs: 0, endMs: 1000 }, splitParent: null });
    const text = JSON.stringify({ value: [audit('a1', '2026-03-01T09:00:00'), audit('a2', '2026-03-01T09:30:00')] });
    const stored = await sink.store({ page: exoPage(text), format: 'ual.exo_search', jobId, windowId, folder: 'ual-exo' });
    expect(stored).toMatchObject({ recordCount: 2, inserted: 2, duplicates: 0, rejected: 0 });
    const again = await sink.store({ page: exoPage(text), format: 'ual.exo_search', jobId, windowId, folder: 'ual-exo' });
    expect(again).toMatchObject({ inserted: 0, duplicates: 2 });

    const row = db.prepare('SELECT * FROM raw_pages WHERE id = ?').get(stored.pageId) as Record<string, unknown>;
    expect(row).toMatchObject({
      job_id: jobId,
      window_id: windowId,
      service: 'exo',
      format: 'ual.exo_search',
      method: 'POST',
      status: 200,
      received_at: '2026-03-01T10:00:00.123Z',
      account: 'responder@contoso.example',
      tenant_id: 'tid',
      client_id: 'cid',
      compression: 'gzip',
      byte_size: Buffer.byteLength(text),
      record_count: 2,
    });
    expect(await verifyStoredPage(rawDir, row as never)).toEqual({ ok: true });
    expect(readWindows(db, jobId)[0]).toMatchObject({ fetched: 4, stored_unique: 2, status: 'running' });
  });

  it('keeps a page it cannot read as evidence and says so', async () => {
    const { db, sink } = setup();
    const error = await sink.store({ page: exoPage('{"unexpected":true}'), format: 'ual.exo_search', jobId: null, windowId: null, folder: 'ual-exo' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadablePageError);
    expect(db.prepare('SELECT record_count FROM raw_pages').all()).toEqual([{ record_count: 0 }]);
  });
});
