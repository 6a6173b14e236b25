import type { PageFormat, RawPage } from '../../../../src-shared/domain/event.js';
import { normalisePage } from '../../normalise/normalise-page.js';
import type { ApiPage, ServiceName } from '../http/api-types.js';
import type { WriteOp } from '../write-op.js';
import type { EvidenceStore } from './evidence-store.js';

/**
 * Where every fetched page goes: its bytes into the evidence store, then its provenance row and
 * normalised events into the case in one writer op (`events.ingestBatch`, which also counts the
 * page against its collection window). The file is durable before the row names it, so a row
 * never points at a missing file; a crash in between leaves at most an unreferenced file.
 */
export interface PageIdentity {
  /** Signed-in account (UPN) the page was fetched as. */
  account: string | null;
  tenantId: string | null;
  clientId: string | null;
}

export interface PageToStore {
  page: ApiPage;
  format: PageFormat;
  jobId: number | null;
  windowId: number | null;
  /** Folder name in the evidence layout (the log family or channel). */
  folder: string;
}

export interface StoredPage {
  pageId: number;
  filePath: string;
  sha256: string;
  recordCount: number;
  inserted: number;
  duplicates: number;
  rejected: number;
}

export interface PageSink {
  store(input: PageToStore): Promise<StoredPage>;
}

/** The page is stored, but none of its records could be read; the window it belongs to cannot be trusted. */
export class UnreadablePageError extends Error {
  override readonly name = 'UnreadablePageError';
}

/** `raw_pages.service` spelling of each API family. */
const SERVICE_LABEL: Record<ServiceName, string> = { graph: 'graph', exo: 'exo', mgmt: 'management_api', arm: 'arm', devops: 'devops' };

export function createPageSink(deps: { evidence: EvidenceStore; write: WriteOp; identity: PageIdentity }): PageSink {
  return {
    async store({ page, format, jobId, windowId, folder }) {
      const file = await deps.evidence.write(page.bytes, { jobId, windowId, source: folder });
      const outcome = normalisePage(format, page.bytes.toString('utf8'));
      const row: RawPage = {
        job_id: jobId,
        window_id: windowId,
        service: SERVICE_LABEL[page.service],
        format,
        method: page.request.method,
        url: page.request.url,
        request_body: page.request.body,
        status: page.status,
        received_at: page.receivedAt.toISOString(),
        account: deps.identity.account,
        tenant_id: deps.identity.tenantId,
        client_id: deps.identity.clientId,
        ...file,
        record_count: outcome.ok ? outcome.page.recordCount : 0,
      };
      if (!outcome.ok) {
        // Keep the evidence and say so; its window is then failed by the caller, never "complete".
        const counts = await deps.write('events.ingestBatch', { page: row, events: [], rejects: [] });
        throw new UnreadablePageError(`page ${counts.page_id} (${file.file_path}) could not be read: ${outcome.error}`);
      }
      const counts = await deps.write('events.ingestBatch', {
        page: row,
        events: outcome.page.events.map(({ position, event }) => ({ position, event })),
        rejects: outcome.page.rejects.map(({ position, error }) => ({ position, error: { field: error.field, message: error.message } })),
      });
      return {
        pageId: counts.page_id,
        filePath: file.file_path,
        sha256: file.sha256,
        recordCount: row.record_count,
        inserted: counts.inserted,
        duplicates: counts.duplicates,
        rejected: counts.rejected,
      };
    },
  };
}
