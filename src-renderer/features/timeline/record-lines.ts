/**
 * A parsed record (AuditData, Parameters) as a readable list of `path → value` lines. Lists of
 * `{Name, Value}` pairs, as UAL spells its parameters and modified properties, read as
 * `Parameters.Identity = ...` rather than `Parameters[0].Name`, `Parameters[0].Value`.
 */
export interface RecordLine {
  path: string;
  value: string;
}

/** Most lines listed; a record larger than this is read in the raw JSON. */
const MAX_LINES = 400;

function isNameValueList(value: unknown[]): value is { Name: unknown; Value?: unknown; NewValue?: unknown }[] {
  return value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { Name?: unknown }).Name === 'string');
}

const scalar = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function recordLines(record: unknown, prefix = '', out: RecordLine[] = []): RecordLine[] {
  if (out.length >= MAX_LINES) return out;
  if (Array.isArray(record)) {
    if (record.length === 0) out.push({ path: prefix, value: '[]' });
    else if (isNameValueList(record)) {
      for (const item of record) {
        const { Name, ...rest } = item as Record<string, unknown>;
        const key = `${prefix}.${String(Name)}`;
        const keys = Object.keys(rest);
        if (keys.length === 1 && keys[0] === 'Value') recordLines(rest.Value, key, out);
        else recordLines(rest, key, out);
      }
    } else record.forEach((item, i) => recordLines(item, `${prefix}[${i}]`, out));
  } else if (record !== null && typeof record === 'object') {
    const entries = Object.entries(record);
    if (entries.length === 0) out.push({ path: prefix, value: '{}' });
    for (const [key, value] of entries) recordLines(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.push({ path: prefix || '(value)', value: scalar(record) });
  }
  return out;
}
