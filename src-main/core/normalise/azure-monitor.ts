import { buildActivityDiagnosticFields } from './azure-activity.js';
import { buildDirectoryAuditFields } from './directory-audit.js';
import { frameRecord } from './event-fields.js';
import { isObject, requiredObject, scalarText, type Json } from './json-fields.js';
import type { Normaliser, NormaliseResult, RawRecord } from './normalise-types.js';
import { buildSignInFields, signInCategories } from './signin.js';

/**
 * Azure Monitor diagnostic exports (storage account, Event Hub, Log Analytics export) wrap each
 * record as `{time, category, operationName, properties: {…}}`. The category says which log the
 * record belongs to; one export file may mix them, so the category picks the normaliser.
 */
const SIGN_IN = new Set(signInCategories);
const ACTIVITY = new Set(['Administrative', 'Security', 'ServiceHealth', 'Alert', 'Recommendation', 'Policy', 'Autoscale', 'ResourceHealth', 'Action']);

function looksLikeActivity(v: Json, category: string): boolean {
  if (ACTIVITY.has(category)) return true;
  const resourceId = scalarText(v['resourceId']);
  return resourceId !== null && /^\/subscriptions\//i.test(resourceId) && isObject(v['identity']);
}

function fail(field: string, message: string): NormaliseResult {
  return { ok: false, error: { source: null, format: 'azure_monitor', field, message: `azure_monitor record: ${field} ${message}` } };
}

export const normaliseAzureMonitor: Normaliser = (record: RawRecord): NormaliseResult => {
  let value = record.value;
  if (value === undefined) {
    try {
      value = JSON.parse(record.text);
    } catch (e) {
      return fail('(record)', `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const parsed: RawRecord = { text: record.text, value };
  const category = isObject(value) ? scalarText(value['category']) : null;
  if (category !== null && SIGN_IN.has(category)) {
    return frameRecord(parsed, 'signin', 'signin.azure_monitor', (v, ctx) =>
      buildSignInFields(requiredObject(v['properties'], 'properties'), ctx, category, 'properties.'),
    );
  }
  if (category === 'AuditLogs') {
    return frameRecord(parsed, 'directory_audit', 'directory_audit.azure_monitor', (v, ctx) =>
      buildDirectoryAuditFields(requiredObject(v['properties'], 'properties'), ctx, 'properties.', v['callerIpAddress']),
    );
  }
  if (isObject(value) && category !== null && looksLikeActivity(value, category)) {
    return frameRecord(parsed, 'azure_activity', 'azure_activity.azure_monitor', buildActivityDiagnosticFields);
  }
  return category === null
    ? fail('category', 'is missing (cannot tell a sign-in, audit or activity record apart)')
    : fail('category', `"${category}" is not a sign-in, AuditLogs or Activity Log category`);
};
