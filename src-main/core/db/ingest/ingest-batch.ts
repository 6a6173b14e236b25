import type { Database } from 'better-sqlite3';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import { parseIngestBatch, type IngestBatchInput, type IngestCounts } from './ingest-input.js';
import { eventRowsPerStatement, ingestStatements } from './ingest-statements.js';

/**
 * Writer op: stores one page and its events in one transaction — the page row, every event not
 * already in the case (de-duplicated on source + record_id across channels and pages), the
 * records that could not be normalised, and the page's counts on its collection window. Either
 * all of it lands or none of it, so a crash never leaves events without their page.
 * `args` is typed for callers but re-checked: it arrives from another thread.
 */
export function ingestBatch(db: Database, args: IngestBatchInput): IngestCounts {
  const parsed = parseIngestBatch(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new CoreError('validation', `ingest batch refused: ${issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')}`, issues);
  }
  const { page, events, rejects } = parsed.data;
  const s = ingestStatements(db);

  return db.transaction((): IngestCounts => {
    const pageId = Number(
      s.insertPage.run(
        page.job_id, page.window_id, page.service, page.format, page.method, page.url, page.request_body, page.status, page.received_at,
        page.account, page.tenant_id, page.client_id, page.file_path, page.byte_size, page.sha256, page.compression, page.record_count,
      ).lastInsertRowid,
    );
    let inserted = 0;
    let next = 0;
    for (const rows of eventRowsPerStatement(events.length)) {
      const values: unknown[] = [];
      for (const { position, event: e } of events.slice(next, next + rows)) {
        values.push(
          e.ts, e.ts_source, e.source, e.raw_format, e.record_id, e.workload, e.record_type, e.operation, e.result, e.result_code,
          e.actor, e.actor_id, e.actor_type, e.ip, e.user_agent, e.app_id, e.app_name, e.target, e.session_id, e.correlation_id,
          e.country, e.city, e.asn, JSON.stringify(e.params), e.raw, pageId, position,
        );
      }
      next += rows;
      // changes() counts the rows this statement inserted, not the trigger's rows: duplicates skipped are not counted.
      inserted += s.insertEvents(rows).run(values).changes;
    }
    for (const r of rejects) s.insertReject.run(pageId, r.position, r.error.field, r.error.message);
    if (page.window_id !== null) {
      const updated = s.countWindow.run(page.record_count, inserted, page.received_at, page.window_id).changes;
      if (updated !== 1) throw new CoreError('validation', `ingest batch refused: collection window ${page.window_id} does not exist`);
    }
    return { page_id: pageId, inserted, duplicates: events.length - inserted, rejected: rejects.length };
  })();
}
