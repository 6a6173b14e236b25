/**
 * Finds where each record sits in a page's text, so an event's `raw` is the exact slice of the
 * page as received — not a re-serialisation, which would reorder nothing but could still change
 * number spellings, escapes and whitespace. The page is parsed with JSON.parse first (which
 * validates it); this scanner then only has to walk well-formed JSON.
 */

export interface Span {
  start: number;
  end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function skipWs(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) i++;
    else return i;
  }
}

/**
 * Index just past the string starting at `i` (which is a quote). Most of a page is string
 * content, so the closing quote is found with indexOf rather than char by char; a quote preceded
 * by an odd run of backslashes is escaped and the search goes on.
 */
function skipString(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) throw new Error('unterminated string');
    let backslashes = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** Index just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === LBRACE || c === LBRACKET) {
    let depth = 0;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) i = skipString(text, i) - 1;
      else if (d === LBRACE || d === LBRACKET) depth++;
      else if (d === RBRACE || d === RBRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new Error('unterminated structure');
  }
  // number, true, false, null
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === COMMA || d === RBRACE || d === RBRACKET || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
    i++;
  }
  return i;
}

function arraySpans(text: string, i: number): Span[] | null {
  if (text.charCodeAt(i) !== LBRACKET) return null;
  const spans: Span[] = [];
  i = skipWs(text, i + 1);
  if (text.charCodeAt(i) === RBRACKET) return spans;
  for (;;) {
    const end = skipValue(text, i);
    spans.push({ start: i, end });
    i = skipWs(text, end);
    const c = text.charCodeAt(i);
    if (c === RBRACKET) return spans;
    if (c !== COMMA) throw new Error(`expected , or ] at ${i}`);
    i = skipWs(text, i + 1);
  }
}

/** Start of the value at `path` (object keys from the value at `i`), or -1; the last duplicate key wins, as in JSON.parse. */
function locate(text: string, i: number, path: readonly string[]): number {
  if (path.length === 0) return i;
  if (text.charCodeAt(i) !== LBRACE) return -1;
  let found = -1;
  i = skipWs(text, i + 1);
  if (text.charCodeAt(i) === RBRACE) return -1;
  for (;;) {
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipWs(text, keyEnd);
    if (text.charCodeAt(i) !== COLON) throw new Error(`expected : at ${i}`);
    i = skipWs(text, i + 1);
    if (key === path[0]) found = i;
    i = skipWs(text, skipValue(text, i));
    const c = text.charCodeAt(i);
    if (c === RBRACE) break;
    if (c !== COMMA) throw new Error(`expected , or } at ${i}`);
    i = skipWs(text, i + 1);
  }
  return found < 0 ? -1 : locate(text, found, path.slice(1));
}

/**
 * Spans of the elements of the array reached by following `path` (object keys) from the root;
 * null if there is no array there. `text` must be valid JSON.
 */
export function arrayElementSpans(text: string, path: readonly string[]): Span[] | null {
  const at = locate(text, skipWs(text, 0), path);
  return at < 0 ? null : arraySpans(text, at);
}

/** Spans of the non-blank lines of newline-delimited JSON, without line ends or surrounding blanks. */
export function ndjsonSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a] as string)) a++;
    while (b > a && /\s/.test(text[b - 1] as string)) b--;
    if (b > a) spans.push({ start: a, end: b });
    start = end + 1;
  }
  return spans;
}

/** Span of the value reached by following `path` (object keys) from the root, or null. `text` must be valid JSON. */
export function valueSpan(text: string, path: readonly string[]): Span | null {
  const at = locate(text, skipWs(text, 0), path);
  return at < 0 ? null : { start: at, end: skipValue(text, at) };
}
