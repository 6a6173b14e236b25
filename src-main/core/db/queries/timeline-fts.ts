/**
 * User search text → an FTS5 MATCH expression. Every word or "quoted phrase" becomes a quoted
 * FTS5 phrase, so characters that are FTS5 syntax (`@`, `.`, `-`, `:`, `*`, `^`, parentheses,
 * NEAR, AND/OR/NOT) are only ever text: a search for `a.b@contoso.com` is the phrase
 * a-b-contoso-com, never a column filter or an operator. The expression is still bound as a
 * parameter; quoting is about FTS5's own query language, not SQL.
 */

/** Letters and digits are what the unicode61 tokenizer keeps; a phrase without any matches nothing. */
const HAS_TOKEN = /[\p{L}\p{N}]/u;

/** The phrases of one search term: "quoted runs" and bare words, in order. */
export function termPhrases(term: string): string[] {
  const phrases: string[] = [];
  for (const m of term.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = m[1] ?? m[2] ?? '';
    if (HAS_TOKEN.test(phrase)) phrases.push(phrase);
  }
  return phrases;
}

const quote = (phrase: string) => `"${phrase.replace(/"/g, '""')}"`;

/** All phrases of all terms must match (FTS5's implicit AND); null when nothing is searchable. */
export function matchAll(terms: readonly string[]): string | null {
  const phrases = terms.flatMap(termPhrases);
  return phrases.length > 0 ? phrases.map(quote).join(' ') : null;
}

/** Any one term matching (each term's phrases together) is enough; null when nothing is searchable. */
export function matchAny(terms: readonly string[]): string | null {
  const groups = terms.map(termPhrases).filter((p) => p.length > 0);
  return groups.length > 0 ? groups.map((p) => `(${p.map(quote).join(' ')})`).join(' OR ') : null;
}
