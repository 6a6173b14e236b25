import { FieldError, requiredText } from './json-fields.js';

/**
 * Every source writes UTC differently: UAL `2025-03-01T00:12:00` (no zone, UTC by definition),
 * Graph `…41.6195833Z` (seven fractional digits), diagnostic exports `…48.0729893-05:00`
 * (an offset), Azure DevOps `…+00:00`, and .NET JSON `/Date(1740787920000)/`. One parser reads
 * them all to UTC milliseconds, truncating (never rounding) below the millisecond so an event
 * never moves into the next millisecond — or the next window.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;
const DOTNET_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** UTC ms of a source time string, or null if it is not a time this parser knows. */
export function parseSourceTime(text: string): number | null {
  const trimmed = text.trim();
  const dotnet = DOTNET_DATE.exec(trimmed);
  if (dotnet) return Number(dotnet[1]);
  const m = ISO.exec(trimmed);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February into March; a real timestamp never needs that.
  if (new Date(utc).getUTCDate() !== day) return null;
  const zone = m[8];
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    utc -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return utc;
}

/** A required time field: its UTC ms and its own text, or a FieldError naming the field. */
export function requiredTime(text: string, field: string): { ts: number; ts_source: string } {
  const ts = parseSourceTime(text);
  if (ts === null) throw new FieldError(field, `is not a time this reader knows ("${text.slice(0, 60)}")`);
  return { ts, ts_source: text };
}

/** As requiredTime, for a field read straight from a record (reports missing and non-text values too). */
export function requiredTimeAt(value: unknown, field: string): { ts: number; ts_source: string } {
  return requiredTime(requiredText(value, field), field);
}
