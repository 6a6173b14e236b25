import { isObject, paramValue, scalarText } from './json-fields.js';

/**
 * Builds an event's `params` map from the record's name/value lists. The first occurrence of a
 * name wins (the raw keeps every occurrence in order). A Map underneath keeps insertion order and
 * makes hostile names such as `__proto__` harmless.
 */
export interface ParamsBuilder {
  add(name: unknown, value: unknown): void;
  /** A list of `{<nameKey>, <valueKey>}` objects, e.g. UAL Parameters `{Name, Value}`. */
  addList(list: unknown[], nameKey: string, valueKey: string, decode?: boolean): void;
  /**
   * Old/new pairs (UAL ModifiedProperties, Graph modifiedProperties): the new value under the
   * name — the state a rule usually tests — and the old value under `<name>.OldValue`.
   */
  addChanges(list: unknown[], keys: { name: string; newValue: string; oldValue: string }, decode?: boolean): void;
  build(): Record<string, string>;
}

/**
 * Graph writes modified-property values as JSON text (`"\"False\""`, `"[\"a\"]"`). A JSON
 * string literal is unwrapped once so `ConsentContext.IsAdminConsent` reads `False`; lists and
 * anything else stay as written.
 */
export function unwrapJsonString(text: string): string {
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return text;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : text;
  } catch {
    return text;
  }
}

export function createParams(): ParamsBuilder {
  const map = new Map<string, string>();
  const put = (name: unknown, value: unknown, decode: boolean) => {
    const key = scalarText(name)?.trim();
    if (!key || map.has(key)) return;
    const text = paramValue(value);
    if (text === null) return;
    map.set(key, decode ? unwrapJsonString(text) : text);
  };
  return {
    add: (name, value) => put(name, value, false),
    addList(list, nameKey, valueKey, decode = false) {
      for (const item of list) if (isObject(item)) put(item[nameKey], item[valueKey], decode);
    },
    addChanges(list, keys, decode = false) {
      for (const item of list) {
        if (!isObject(item)) continue;
        put(item[keys.name], item[keys.newValue], decode);
        const name = scalarText(item[keys.name])?.trim();
        if (name) put(`${name}.OldValue`, item[keys.oldValue], decode);
      }
    },
    build: () => Object.fromEntries(map),
  };
}
