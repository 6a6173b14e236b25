/**
 * The slice of OData `$filter` that Graph's audit-log collections accept: comparisons
 * (eq, ne, ge, le, gt, lt) of a property path with a literal, `startswith(path,'x')`, lambda
 * `path/any(t: t eq 'x' or ...)`, `and`/`or`/`not` and parentheses. Date literals are unquoted
 * (`2025-03-01T00:00:00Z`) as Graph requires. Parsing produces a predicate plus the property
 * paths used, so each collection can refuse properties it does not support, as Graph does.
 */
export type Predicate = (record: unknown) => boolean;

export interface ParsedFilter {
  predicate: Predicate;
  /** Property paths referenced, lower-cased, e.g. 'createddatetime', 'signineventtypes', 'status/errorcode'. */
  paths: Set<string>;
}

export class FilterSyntaxError extends Error {}

type Token = { kind: 'word' | 'string' | 'punct' | 'number' | 'datetime'; text: string };

const COMPARISONS = new Set(['eq', 'ne', 'ge', 'le', 'gt', 'lt']);

export function parseODataFilter(text: string): ParsedFilter {
  const tokens = tokenize(text);
  const paths = new Set<string>();
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const take = (): Token => {
    const token = tokens[pos++];
    if (!token) throw new FilterSyntaxError('unexpected end of filter');
    return token;
  };
  const expectPunct = (p: string): void => {
    const token = take();
    if (token.kind !== 'punct' || token.text !== p) throw new FilterSyntaxError(`expected '${p}' but found '${token.text}'`);
  };
  const isWord = (token: Token | undefined, word: string): boolean => token?.kind === 'word' && token.text.toLowerCase() === word;

  // lambdaVar: inside any(), the range variable stands for each element.
  const parseOr = (lambdaVar: string | null): Predicate => {
    let left = parseAnd(lambdaVar);
    while (isWord(peek(), 'or')) {
      take();
      const right = parseAnd(lambdaVar);
      const l = left;
      left = (r) => l(r) || right(r);
    }
    return left;
  };
  const parseAnd = (lambdaVar: string | null): Predicate => {
    let left = parseUnary(lambdaVar);
    while (isWord(peek(), 'and')) {
      take();
      const right = parseUnary(lambdaVar);
      const l = left;
      left = (r) => l(r) && right(r);
    }
    return left;
  };
  const parseUnary = (lambdaVar: string | null): Predicate => {
    if (isWord(peek(), 'not')) {
      take();
      const inner = parseUnary(lambdaVar);
      return (r) => !inner(r);
    }
    const token = peek();
    if (token?.kind === 'punct' && token.text === '(') {
      take();
      const inner = parseOr(lambdaVar);
      expectPunct(')');
      return inner;
    }
    return parseComparison(lambdaVar);
  };
  const parseComparison = (lambdaVar: string | null): Predicate => {
    const first = take();
    if (first.kind !== 'word') throw new FilterSyntaxError(`expected a property name but found '${first.text}'`);
    const lower = first.text.toLowerCase();
    if (lower === 'startswith' || lower === 'endswith' || lower === 'contains') {
      expectPunct('(');
      const path = parsePath(take().text, lambdaVar);
      expectPunct(',');
      const literal = take();
      if (literal.kind !== 'string') throw new FilterSyntaxError(`${lower} needs a quoted string`);
      expectPunct(')');
      const needle = literal.text.toLowerCase();
      return (r) => {
        const value = path.get(r);
        if (typeof value !== 'string') return false;
        const hay = value.toLowerCase();
        return lower === 'startswith' ? hay.startsWith(needle) : lower === 'endswith' ? hay.endsWith(needle) : hay.includes(needle);
      };
    }
    const segments = first.text.split('/');
    const last = segments[segments.length - 1]?.toLowerCase() ?? '';
    if (last === 'any' || last === 'all') {
      const collection = parsePath(segments.slice(0, -1).join('/'), lambdaVar);
      expectPunct('(');
      const variable = take();
      if (variable.kind !== 'word') throw new FilterSyntaxError('expected a lambda variable');
      expectPunct(':');
      const body = parseOr(variable.text.toLowerCase());
      expectPunct(')');
      return (r) => {
        const items = collection.get(r);
        if (!Array.isArray(items)) return false;
        return last === 'any' ? items.some((item) => body(item)) : items.every((item) => body(item));
      };
    }
    const path = parsePath(first.text, lambdaVar);
    const op = take();
    if (op.kind !== 'word' || !COMPARISONS.has(op.text.toLowerCase())) throw new FilterSyntaxError(`expected an operator after '${first.text}'`);
    const literal = take();
    const compare = comparator(op.text.toLowerCase(), literal);
    return (r) => compare(path.get(r));
  };
  const parsePath = (text: string, lambdaVar: string | null): { get: (r: unknown) => unknown } => {
    const segments = text.split('/').filter((s) => s.length > 0);
    if (segments.length === 0) throw new FilterSyntaxError('empty property path');
    const fromLambda = lambdaVar !== null && segments[0]?.toLowerCase() === lambdaVar;
    const rest = fromLambda ? segments.slice(1) : segments;
    if (!fromLambda) paths.add(rest.join('/').toLowerCase());
    return { get: (r) => rest.reduce<unknown>((value, segment) => lookup(value, segment), r) };
  };

  if (tokens.length === 0) throw new FilterSyntaxError('empty filter');
  const predicate = parseOr(null);
  if (pos !== tokens.length) throw new FilterSyntaxError(`unexpected '${tokens[pos]?.text ?? ''}'`);
  return { predicate, paths };
}

function lookup(value: unknown, segment: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (segment in record) return record[segment];
  const key = Object.keys(record).find((k) => k.toLowerCase() === segment.toLowerCase());
  return key === undefined ? undefined : record[key];
}

function comparator(op: string, literal: Token): (value: unknown) => boolean {
  const test = (c: number): boolean =>
    op === 'eq' ? c === 0 : op === 'ne' ? c !== 0 : op === 'ge' ? c >= 0 : op === 'le' ? c <= 0 : op === 'gt' ? c > 0 : c < 0;
  if (literal.kind === 'datetime') {
    const target = Date.parse(literal.text);
    if (Number.isNaN(target)) throw new FilterSyntaxError(`invalid date '${literal.text}'`);
    return (value) => {
      if (typeof value !== 'string') return false;
      const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
      return !Number.isNaN(ms) && test(ms - target);
    };
  }
  if (literal.kind === 'number') {
    const target = Number(literal.text);
    return (value) => typeof value === 'number' && test(value - target);
  }
  if (literal.kind === 'word') {
    const word = literal.text.toLowerCase();
    if (word !== 'true' && word !== 'false' && word !== 'null') throw new FilterSyntaxError(`unexpected '${literal.text}'`);
    const target = word === 'null' ? null : word === 'true';
    return (value) => test((value ?? null) === target ? 0 : 1);
  }
  if (literal.kind === 'string') {
    const target = literal.text.toLowerCase();
    return (value) => typeof value === 'string' && test(value.toLowerCase().localeCompare(target));
  }
  throw new FilterSyntaxError(`unexpected '${literal.text}'`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('unterminated string literal');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', text: value });
    } else if ('(),:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      const match = /^(\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)|^(-?\d+(?:\.\d+)?)(?![\w-])|^([A-Za-z_][\w./]*)/.exec(text.slice(i));
      if (!match) throw new FilterSyntaxError(`unexpected character '${c}'`);
      if (match[1]) tokens.push({ kind: 'datetime', text: match[1] });
      else if (match[2]) tokens.push({ kind: 'number', text: match[2] });
      else tokens.push({ kind: 'word', text: match[3] as string });
      i += match[0].length;
    }
  }
  return tokens;
}
