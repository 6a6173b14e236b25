import { cidrTextRange, parseCidr } from '../../../../src-shared/domain/ip-cidr.js';
import { isCidrValue, type TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import { matchAll } from './timeline-fts.js';
import { prepareCached, type ReadDb } from './timeline-statements.js';

/**
 * Chooses how a text search joins the events, from how many events it matches (an FTS5 count
 * is cheap: it reads doclists, not rows). SQLite cannot know that count and always lets the
 * full-text matches drive, which costs one row lookup per match — fine for a rare word, slow for
 * a common one. Measured on a generated case: a lookup costs about thirty times an index step.
 *
 * - For a page (stops after `limit` rows): walking the time index and probing the match set
 *   reads about N·limit/M entries; driving reads M rows. Probe when M² > N·limit/30.
 * - For an aggregate over every match (histogram, facets): probing walks N index entries;
 *   driving reads M rows. Probe when M > N/16.
 */
export function chooseTextPlan(db: ReadDb, filter: TimelineFilter, purpose: { limit: number } | 'all'): 'drive' | 'probe' {
  const match = matchAll(filter.text.include);
  if (match === null) return 'drive';
  const matches = prepareCached(db, 'SELECT count(*) FROM events_fts WHERE events_fts MATCH ?').pluck().get(match) as number;
  // The largest id approximates the event count without counting (rows are only ever added).
  const events = (prepareCached(db, 'SELECT max(id) FROM events').pluck().get() as number | null) ?? 0;
  if (purpose === 'all') return matches * 16 > events ? 'probe' : 'drive';
  return matches * matches * 30 > events * purpose.limit ? 'probe' : 'drive';
}

/**
 * The same choice for a page filtered by addresses: SQLite reads an address block from the ip
 * index and sorts every row in it by time, which for a block holding much of the case (a whole
 * internal /8) costs far more than walking the time index until a page is full. One exact
 * address needs no choice: its `(ip, ts)` index is already in time order. The count is of the
 * blocks' index ranges (an upper bound, from the index alone) and stops at the threshold, so
 * deciding never costs more than the cheaper plan; a block with no range counts as every event.
 */
export function chooseIpPlan(db: ReadDb, filter: TimelineFilter, limit: number): 'drive' | 'probe' {
  const values = filter.ips.include;
  if (values.length === 0 || (values.length === 1 && !isCidrValue(values[0] as string))) return 'drive';
  const events = (prepareCached(db, 'SELECT max(id) FROM events').pluck().get() as number | null) ?? 0;
  // Probe when M² > N·limit/30, as for text.
  const threshold = Math.ceil(Math.sqrt((events * limit) / 30));
  const count = prepareCached(db, 'SELECT count(*) FROM (SELECT 1 FROM events WHERE ip >= ? AND ip < ? LIMIT ?)').pluck();
  let matches = 0;
  for (const value of values) {
    const block = isCidrValue(value) ? parseCidr(value) : null;
    const range = block ? cidrTextRange(block) : { low: value, high: `${value}\u0000` };
    matches += range ? (count.get(range.low, range.high, threshold + 1) as number) : events;
    if (matches > threshold) return 'probe';
  }
  return 'drive';
}
