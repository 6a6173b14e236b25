import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The questions every tool answers over the same events, and the answers compared between them.
 * Parameters are picked from the built case (busiest actor and address, and so on) and stored
 * beside it, so Cirrus and every peer ask exactly the same thing.
 */
export interface QueryParams {
  actor: string;
  ip: string;
  operation: string;
  source: string;
  /** A phrase an analyst would search for: one whole run of tokens, so a substring search agrees. */
  text: string;
  /** Histogram bucket, chosen by the timeline's own rule for ~100 buckets over the whole range. */
  bucketMs: number;
  /** First-page length. */
  limit: number;
  /** Values per facet. */
  facetLimit: number;
}

export type QuestionId = 'page-actor' | 'page-ip' | 'page-operation' | 'page-source' | 'histogram' | 'text' | 'facets';

export interface Question {
  id: QuestionId;
  label: string;
  /** The bound for Cirrus on the full case. */
  maxMs: number;
}

export const questions: readonly Question[] = [
  { id: 'page-actor', label: 'first page, one actor', maxMs: 50 },
  { id: 'page-ip', label: 'first page, one IP', maxMs: 50 },
  { id: 'page-operation', label: 'first page, one operation', maxMs: 50 },
  { id: 'page-source', label: 'first page, one source', maxMs: 50 },
  { id: 'histogram', label: 'histogram, whole range', maxMs: 250 },
  { id: 'text', label: 'free-text search, first page', maxMs: 200 },
  { id: 'facets', label: 'facet counts (top actors, IPs, operations)', maxMs: 500 },
];

/** The single-field filter of a first-page question. */
export function pageFilter(id: QuestionId, p: QueryParams): { field: 'actor' | 'ip' | 'operation' | 'source'; value: string } | null {
  switch (id) {
    case 'page-actor':
      return { field: 'actor', value: p.actor };
    case 'page-ip':
      return { field: 'ip', value: p.ip };
    case 'page-operation':
      return { field: 'operation', value: p.operation };
    case 'page-source':
      return { field: 'source', value: p.source };
    default:
      return null;
  }
}

export const FACET_FIELDS = ['actor', 'ip', 'operation'] as const;
export type FacetName = (typeof FACET_FIELDS)[number];

/**
 * An answer in one comparable form: a page as its event ids in order, a histogram as the counts
 * of its non-empty buckets by bucket start, facets as the top values with their counts.
 */
export type Answer =
  | { kind: 'page'; ids: number[] }
  | { kind: 'histogram'; buckets: [number, number][] }
  | { kind: 'facets'; top: Record<FacetName, [string, number][]> };

export function sameAnswer(a: Answer, b: Answer): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A short description for the table: what was answered, so two tools' notes can be compared by eye. */
export function describeAnswer(a: Answer): string {
  if (a.kind === 'page') return `${a.ids.length} rows`;
  if (a.kind === 'histogram') return `${a.buckets.length} buckets, ${a.buckets.reduce((n, [, c]) => n + c, 0)} events`;
  return FACET_FIELDS.map((f) => `${f}: ${a.top[f][0]?.[1] ?? 0}`).join(' / ');
}

/** Where a built dataset lives and what was recorded about it. */
export interface DatasetFiles {
  dir: string;
  caseDir: string;
  dbPath: string;
  ndjson: string;
  params: QueryParams;
  expected: Record<QuestionId, Answer>;
}

export function readDataset(dir: string): DatasetFiles {
  const meta = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as { params: QueryParams; expected: Record<QuestionId, Answer> };
  return { dir, caseDir: join(dir, 'case'), dbPath: join(dir, 'case', 'case.sqlite'), ndjson: join(dir, 'events.ndjson'), ...meta };
}
