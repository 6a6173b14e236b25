import { describe, expect, it } from 'vitest';
import { arrayElementSpans, ndjsonSpans, valueSpan } from './record-spans.js';

const slices = (text: string, spans: { start: number; end: number }[] | null) => (spans ?? []).map((s) => text.slice(s.start, s.end));

describe('arrayElementSpans', () => {
  it('cuts each element out exactly as written: spacing, escapes, number spellings', () => {
    const text = '{"@odata.context":"x","value":[ {"a":1.50,"s":"q\\"]}{,"} ,\n{"b":[1,{"c":"]"}],"e":1e3},"tail"\t, null,true ,[] ], "n":1}';
    expect(slices(text, arrayElementSpans(text, ['value']))).toEqual(['{"a":1.50,"s":"q\\"]}{,"}', '{"b":[1,{"c":"]"}],"e":1e3}', '"tail"', 'null', 'true', '[]']);
  });

  it('walks nested keys, takes the last of duplicate keys as JSON.parse does, and reports absence', () => {
    const text = '{"value":[1],"outer":{"skip":{"value":[9]},"inner":[2,3]},"value":[4,5]}';
    expect(slices(text, arrayElementSpans(text, ['outer', 'inner']))).toEqual(['2', '3']);
    expect(slices(text, arrayElementSpans(text, ['value']))).toEqual(['4', '5']);
    expect(arrayElementSpans(text, ['missing'])).toBeNull();
    expect(arrayElementSpans(text, ['outer'])).toBeNull();
    expect(slices('\ufeff [ ]', arrayElementSpans('\ufeff [ ]', []))).toEqual([]);
  });

  it('ends strings at the first quote not escaped, however many backslashes precede it', () => {
    const elements = [{ s: 'a\\' }, { t: 'b\\"c' }, { u: '\\\\' }, { v: '"', w: '\\"\\' }, 'x\\'];
    const text = JSON.stringify(elements);
    expect(slices(text, arrayElementSpans(text, []))).toEqual(elements.map((e) => JSON.stringify(e)));
  });

  it('finds keys written with escapes', () => {
    const text = '{"val\\u0075e":[{"x":1}]}';
    expect(slices(text, arrayElementSpans(text, ['value']))).toEqual(['{"x":1}']);
  });

  it('finds the span of any value', () => {
    const text = '{"a":{"b": {"c":[1, 2]} }}';
    const s = valueSpan(text, ['a', 'b']);
    expect(s && text.slice(s.start, s.end)).toBe('{"c":[1, 2]}');
  });
});

describe('ndjsonSpans', () => {
  it('yields each non-blank line without its line end or surrounding blanks', () => {
    const text = '{"a":1}\r\n\n  { "b": 2 }  \n{"c":3}';
    expect(slices(text, ndjsonSpans(text))).toEqual(['{"a":1}', '{ "b": 2 }', '{"c":3}']);
    expect(ndjsonSpans('\n\n')).toEqual([]);
  });
});
