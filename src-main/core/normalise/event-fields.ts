import { createHash } from 'node:crypto';
import { NormalisedEvent } from '../../../src-shared/domain/event.js';
import { normaliseId, normaliseIdentity, normaliseIp } from '../../../src-shared/domain/event-entities.js';
import { isPlainlyValidEvent, schemaShaped } from './event-check.js';
import { FieldError, isObject, requiredText, scalarText, type Json } from './json-fields.js';
import type { BuildContext, EventFields, EventSource, NormaliseResult, RawFormat, RawRecord } from './normalise-types.js';

/** Optional id-like field in its one spelling (GUIDs lower-case). */
export function idOf(value: unknown): string | null {
  const t = scalarText(value);
  return t === null ? null : normaliseId(t);
}

/** Optional actor/target name in its one spelling (UPNs and GUIDs lower-case, display names kept). */
export function identityOf(value: unknown): string | null {
  const t = scalarText(value);
  return t === null ? null : normaliseIdentity(t);
}

/** Optional free text, trimmed; blank is absent. */
export function textOf(value: unknown): string | null {
  const t = scalarText(value);
  return t === null ? null : t.trim();
}

/** An all-zero GUID means "none" in several sources (DevOps actorClientId, Graph placeholders). */
export function nonZeroIdOf(value: unknown): string | null {
  const id = idOf(value);
  return id === '00000000-0000-0000-0000-000000000000' ? null : id;
}

/**
 * Client address in its one spelling. Text that is not an address is left out of the column,
 * with a warning naming the field, since a wrong value in `ip` would mislead every pivot.
 */
export function ipOf(value: unknown, field: string, ctx: BuildContext): string | null {
  const t = scalarText(value);
  if (t === null) return null;
  const ip = normaliseIp(t);
  if (ip === null) ctx.warn(`${field}: "${t.slice(0, 80)}" is not an IP address; ip left empty`);
  return ip;
}

/** A required record id, in its one spelling. */
export function requiredId(value: unknown, field: string): string {
  const id = normaliseId(requiredText(value, field));
  if (id === null) throw new FieldError(field, 'is empty');
  return id;
}

/** Id for a record that carries none: derived from its exact text, so re-reading the same bytes de-duplicates. */
export function contentId(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Runs a source builder on one record and frames the result: parses the text if needed, attaches
 * source, spelling and the exact raw text, and turns any failure into an error that names the
 * source and field instead of throwing. The output is checked against the event schema, so a
 * builder bug surfaces here, on the record that caused it.
 */
export function frameRecord(
  record: RawRecord,
  source: EventSource,
  format: RawFormat,
  build: (value: Json, ctx: BuildContext) => EventFields,
): NormaliseResult {
  const fail = (field: string, message: string): NormaliseResult => ({
    ok: false,
    error: { source, format, field, message: `${format} record: ${field} ${message}` },
  });
  let value = record.value;
  if (value === undefined) {
    try {
      value = JSON.parse(record.text);
    } catch (e) {
      return fail('(record)', `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (!isObject(value)) return fail('(record)', `is not a JSON object (found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`);
  const warnings: string[] = [];
  try {
    const fields = build(value, { text: record.text, warn: (m) => warnings.push(m) });
    const candidate = { ...fields, source, raw_format: format, raw: record.text };
    if (isPlainlyValidEvent(candidate)) return { ok: true, event: schemaShaped(candidate), warnings };
    const checked = NormalisedEvent.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return fail(issue?.path.join('.') || '(event)', `could not be normalised: ${issue?.message ?? 'invalid'}`);
    }
    return { ok: true, event: checked.data, warnings };
  } catch (e) {
    if (e instanceof FieldError) return fail(e.field, e.message);
    return fail('(record)', `could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
