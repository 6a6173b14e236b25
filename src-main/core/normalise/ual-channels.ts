import { frameRecord } from './event-fields.js';
import { FieldError, isObject, requiredObject, requiredText, type Json } from './json-fields.js';
import type { Normaliser } from './normalise-types.js';
import { buildUalFields } from './ual.js';

/**
 * The three ways a UAL record arrives. The event's `raw` is always the element of the page as
 * received — the record itself, the Graph wrapper, or the Exchange search row — and
 * `ualAuditData` recovers the AuditData object from any of them for readers that need it.
 */

/** Management Activity API content blob element: the AuditData object itself, RecordType a number. */
export const normaliseUalManagementApi: Normaliser = (record) =>
  frameRecord(record, 'ual', 'ual.management_api', (value, ctx) => buildUalFields(value, ctx, {}, ''));

/** Graph audit log query record: camel-cased wrapper with the AuditData as the `auditData` object. */
export const normaliseUalGraphAuditQuery: Normaliser = (record) =>
  frameRecord(record, 'ual', 'ual.graph_audit_query', (value, ctx) => {
    let data: Json = {};
    if (value['auditData'] === undefined || value['auditData'] === null) {
      ctx.warn('auditData: missing; event built from the wrapper fields only');
    } else {
      data = requiredObject(value['auditData'], 'auditData');
    }
    return buildUalFields(
      data,
      ctx,
      {
        id: value['id'],
        time: value['createdDateTime'],
        operation: value['operation'],
        workload: value['service'],
        recordType: value['auditLogRecordType'],
        userId: value['userPrincipalName'] ?? value['userId'],
        userType: value['userType'],
        clientIp: value['clientIp'],
        objectId: value['objectId'],
      },
      'auditData.',
    );
  });

function parseAuditDataString(text: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new FieldError('AuditData', `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(parsed)) throw new FieldError('AuditData', 'does not hold a JSON object');
  return parsed;
}

/** Exchange Online Search-UnifiedAuditLog result row: AuditData is a JSON *string*, RecordType a name. */
export const normaliseUalExoSearch: Normaliser = (record) =>
  frameRecord(record, 'ual', 'ual.exo_search', (value, ctx) => {
    const data = parseAuditDataString(requiredText(value['AuditData'], 'AuditData'));
    return buildUalFields(
      data,
      ctx,
      {
        id: value['Identity'],
        time: value['CreationDate'],
        operation: value['Operations'],
        recordType: value['RecordType'],
        userId: value['UserIds'],
      },
      'AuditData.',
    );
  });

/** The AuditData object inside a stored UAL event's raw text, whichever channel brought it; null if unreadable. */
export function ualAuditData(format: string, raw: string): Json | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (!isObject(value)) return null;
    if (format === 'ual.management_api') return value;
    if (format === 'ual.graph_audit_query') return isObject(value['auditData']) ? value['auditData'] : null;
    if (format === 'ual.exo_search') return typeof value['AuditData'] === 'string' ? parseAuditDataString(value['AuditData']) : null;
    return null;
  } catch {
    return null;
  }
}
