import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { PageFormat, RawPage } from '../../../../src-shared/domain/event.js';
import { normalisePage } from '../../normalise/normalise-page.js';
import { migration0001 } from '../migrations/0001-case-and-custody.js';
import { migration0003 } from '../migrations/0003-events-and-provenance.js';
import type { IngestBatchInput } from './ingest-input.js';

/**
 * Test helpers: an in-memory case with the event schema (0001 then 0003, as the brief for 0003
 * requires it to apply on top of 0001 alone), and a page ready to ingest from a page's text.
 */
export function openEventTestDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
  migration0003.up(db);
  return db;
}

let pageCounter = 0;

/** Provenance row for a page's text, as a collector would write it (hash of the bytes as received). */
export function pageRow(format: PageFormat, text: string, recordCount: number, overrides: Partial<RawPage> = {}): RawPage {
  pageCounter += 1;
  return {
    job_id: null,
    window_id: null,
    service: 'import',
    format,
    method: 'GET',
    url: 'https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=1000',
    request_body: null,
    status: 200,
    received_at: '2025-03-01T10:00:00.000Z',
    account: 'responder@contoso.example',
    tenant_id: '11111111-2222-3333-4444-555555555555',
    client_id: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
    file_path: `test/page-${String(pageCounter).padStart(6, '0')}.json`,
    byte_size: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    compression: 'none',
    record_count: recordCount,
    ...overrides,
  };
}

/** Normalises a page's text and shapes it as one ingest call. */
export function batchFromPage(format: PageFormat, text: string, overrides: Partial<RawPage> = {}): IngestBatchInput {
  const outcome = normalisePage(format, text);
  if (!outcome.ok) throw new Error(outcome.error);
  return { page: pageRow(format, text, outcome.page.recordCount, overrides), events: outcome.page.events, rejects: outcome.page.rejects };
}
