import { useMemo, useState } from 'react';

/**
 * The record exactly as received, pretty-printed, with a search box that marks every match and
 * says how many there are. The stored text stays the evidence; this is only its readable form.
 */
export function RawJson({ raw }: { raw: string }) {
  const [query, setQuery] = useState('');
  const pretty = useMemo(() => {
    try {
      return JSON.stringify(JSON.parse(raw), null, 2);
    } catch {
      // Not JSON after all: show it exactly as stored.
      return raw;
    }
  }, [raw]);
  const parts = useMemo(() => splitMatches(pretty, query), [pretty, query]);
  const matches = parts.filter((p) => p.match).length;

  return (
    <div className="raw-json">
      <div className="field-row">
        <input className="input" type="search" aria-label="Search the raw record" placeholder="Find in the raw record" value={query} onChange={(e) => setQuery(e.target.value)} />
        {query.trim() ? <span className="muted" role="status">{matches === 1 ? '1 match' : `${matches} matches`}</span> : null}
      </div>
      <pre className="raw-json-text mono" aria-label="Raw record">
        {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      </pre>
    </div>
  );
}

/** The text cut around every case-insensitive occurrence of the query. */
export function splitMatches(text: string, query: string): { text: string; match: boolean }[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const out: { text: string; match: boolean }[] = [];
  let at = 0;
  for (let hit = lower.indexOf(q); hit >= 0; hit = lower.indexOf(q, hit + q.length)) {
    if (hit > at) out.push({ text: text.slice(at, hit), match: false });
    out.push({ text: text.slice(hit, hit + q.length), match: true });
    at = hit + q.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}
