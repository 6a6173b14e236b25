import { isSnapshotPageFormat, type NormalisedEvent, type PageFormat, type TimelinePageFormat } from '../../../src-shared/domain/event.js';
import { normaliseAzureActivityArm } from './azure-activity.js';
import { normaliseAzureMonitor } from './azure-monitor.js';
import { normaliseDevOpsAudit } from './devops-audit.js';
import { normaliseDirectoryAuditGraph } from './directory-audit.js';
import { isObject } from './json-fields.js';
import type { NormaliseError, Normaliser } from './normalise-types.js';
import { arrayElementSpans, ndjsonSpans, type Span } from './record-spans.js';
import { normaliseSignInGraph } from './signin.js';
import { normaliseUalExoSearch, normaliseUalGraphAuditQuery, normaliseUalManagementApi } from './ual-channels.js';

/**
 * A page (one API response or one export file) → its records → events. The page format names the
 * channel; where the records sit in the page follows from it. Snapshot pages (configuration) have
 * records — their objects — but no normaliser: they are counted and never become events.
 */
export const normalisers: Readonly<Record<TimelinePageFormat, Normaliser>> = {
  'ual.management_api': normaliseUalManagementApi,
  'ual.graph_audit_query': normaliseUalGraphAuditQuery,
  'ual.exo_search': normaliseUalExoSearch,
  'signin.graph': normaliseSignInGraph,
  'directory_audit.graph': normaliseDirectoryAuditGraph,
  'azure_activity.arm': normaliseAzureActivityArm,
  'devops_audit.rest': normaliseDevOpsAudit,
  'azure_monitor': normaliseAzureMonitor,
};

export interface NormalisedPage {
  /** Records found in the page, stored or not. */
  recordCount: number;
  events: { position: number; event: NormalisedEvent; warnings: string[] }[];
  rejects: { position: number; error: NormaliseError }[];
}

export type PageOutcome = { ok: true; page: NormalisedPage } | { ok: false; error: string };

type Split = { ok: true; records: { text: string; value: unknown }[] } | { ok: false; error: string };

function fromSpans(text: string, spans: Span[] | null, values: unknown, where: string): Split {
  if (spans === null || !Array.isArray(values)) return { ok: false, error: `page has no ${where} array` };
  if (spans.length !== values.length) return { ok: false, error: `page ${where}: found ${spans.length} records in the text but ${values.length} when parsed` };
  return { ok: true, records: spans.map((s, i) => ({ text: text.slice(s.start, s.end), value: values[i] })) };
}

/** Records of a page with their exact text; NDJSON exports are read line by line. */
export function splitPage(format: PageFormat, text: string): Split {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    if (format !== 'azure_monitor') return { ok: false, error: `page is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
    // Not one JSON document: newline-delimited records, each parsed (or rejected) on its own.
    return { ok: true, records: ndjsonSpans(text).map((s) => ({ text: text.slice(s.start, s.end), value: undefined })) };
  }
  switch (format) {
    case 'ual.management_api':
      return fromSpans(text, arrayElementSpans(text, []), parsed, 'top-level');
    case 'devops_audit.rest': {
      // Real responses are the bare result; the published examples wrap it in `value`.
      if (isObject(parsed) && Array.isArray(parsed['decoratedAuditLogEntries'])) {
        return fromSpans(text, arrayElementSpans(text, ['decoratedAuditLogEntries']), parsed['decoratedAuditLogEntries'], 'decoratedAuditLogEntries');
      }
      const inner = isObject(parsed) && isObject(parsed['value']) ? parsed['value']['decoratedAuditLogEntries'] : undefined;
      return fromSpans(text, arrayElementSpans(text, ['value', 'decoratedAuditLogEntries']), inner, 'decoratedAuditLogEntries');
    }
    case 'azure_monitor': {
      if (Array.isArray(parsed)) return fromSpans(text, arrayElementSpans(text, []), parsed, 'top-level');
      if (isObject(parsed) && Array.isArray(parsed['records'])) return fromSpans(text, arrayElementSpans(text, ['records']), parsed['records'], 'records');
      // A single record (one-line export).
      return { ok: true, records: ndjsonSpans(text).map((s) => ({ text: text.slice(s.start, s.end), value: parsed })) };
    }
    default:
      return fromSpans(text, arrayElementSpans(text, ['value']), isObject(parsed) ? parsed['value'] : undefined, '`value`');
  }
}

/** Normalises every record of a page; a bad record is a reject with its position, never a failed page. */
export function normalisePage(format: PageFormat, text: string): PageOutcome {
  const split = splitPage(format, text);
  if (!split.ok) return { ok: false, error: `${format}: ${split.error}` };
  const page: NormalisedPage = { recordCount: split.records.length, events: [], rejects: [] };
  if (isSnapshotPageFormat(format)) return { ok: true, page };
  const normalise = normalisers[format];
  split.records.forEach((record, position) => {
    const r = normalise(record);
    if (r.ok) page.events.push({ position, event: r.event, warnings: r.warnings });
    else page.rejects.push({ position, error: r.error });
  });
  return { ok: true, page };
}
