import type { TimelineEventDetail } from '../../../../src-shared/ipc/contract-timeline.js';
import { ualAuditData } from '../../normalise/ual-channels.js';
import { getEventWithPage } from './events.js';
import type { ReadDb } from './timeline-statements.js';
import { readWorkProduct } from './timeline-work-product.js';

/**
 * Everything the event panel shows for one event: the normalised fields with the raw record
 * exactly as received, the AuditData object for UAL events (whichever channel's spelling), the
 * page it came from (request, time received, SHA-256 of the bytes, position) and the analyst's
 * work on it. A primary-key lookup plus three indexed reads: quick enough for the main thread.
 */
export function readEventDetail(db: ReadDb, id: number): TimelineEventDetail | null {
  const found = getEventWithPage(db, id);
  if (!found) return null;
  const { event, page } = found;
  return {
    event,
    auditData: event.source === 'ual' ? ualAuditData(event.raw_format, event.raw) : null,
    provenance: {
      pageId: page.id,
      position: event.page_ref.position,
      service: page.service,
      format: page.format,
      method: page.method,
      url: page.url,
      requestBody: page.request_body,
      status: page.status,
      receivedAt: page.received_at,
      sha256: page.sha256,
      byteSize: page.byte_size,
      compression: page.compression,
      filePath: page.file_path,
      recordCount: page.record_count,
      jobId: page.job_id,
      windowId: page.window_id,
      account: page.account,
      tenantId: page.tenant_id,
    },
    workProduct: readWorkProduct(db, id),
  };
}
