/**
 * Tolerant readers for untyped JSON records. Microsoft's records drift (fields appear, vanish, turn
 * null, switch between number and string), so optional fields read as "absent" when their shape
 * is unexpected, and only the fields an event cannot exist without raise a FieldError.
 */

export type Json = Record<string, unknown>;

/** A required field is missing or unusable; `field` is the record path the responder can look up. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or null when absent or not an object. */
export function objectAt(obj: Json | null, key: string): Json | null {
  const v = obj?.[key];
  return isObject(v) ? v : null;
}

/** The array at `key`, or [] when absent or not an array. */
export function arrayAt(obj: Json | null, key: string): unknown[] {
  const v = obj?.[key];
  return Array.isArray(v) ? v : [];
}

/** Scalars as text (numbers and booleans as JSON spells them); blank strings, null and structures → null. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

export function textAt(obj: Json | null, key: string): string | null {
  return scalarText(obj?.[key]);
}

/** First present text among candidates, in order of preference. */
export function firstText(...values: unknown[]): string | null {
  for (const v of values) {
    const t = scalarText(v);
    if (t !== null) return t;
  }
  return null;
}

/** Text of a required field; `field` names it in the error (`properties.createdDateTime`). */
export function requiredText(value: unknown, field: string): string {
  const t = scalarText(value);
  if (t !== null) return t;
  if (value === undefined) throw new FieldError(field, 'is missing');
  if (value === null || value === '') throw new FieldError(field, 'is empty');
  throw new FieldError(field, `is not text (found ${Array.isArray(value) ? 'an array' : typeof value})`);
}

/** A required nested object (a wrapper's payload). */
export function requiredObject(value: unknown, field: string): Json {
  if (isObject(value)) return value;
  if (value === undefined) throw new FieldError(field, 'is missing');
  throw new FieldError(field, `is not an object (found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})`);
}

/** Value for a params entry: scalars as text, structures as their JSON, null and absent → null. */
export function paramValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
