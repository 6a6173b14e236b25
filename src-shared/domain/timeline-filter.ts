import { z } from 'zod';
import { EventResult, EventSource } from './event.js';
import { normaliseId, normaliseIdentity, normaliseIp } from './event-entities.js';
import { cidrSingleAddress, parseCidr } from './ip-cidr.js';

/**
 * The timeline filter: one serialisable object shared by the Timeline page, the CLI, saved views
 * and exports, so "the rows I was looking at" means the same thing everywhere.
 *
 * Semantics:
 * - Fields combine with AND. Within a field, `include` keeps rows whose value is ANY of the
 *   values; `exclude` drops rows whose value is any of them (rows without a value stay).
 * - `text` is the exception: every include term must match (each term narrows, as in any search
 *   box); a row matching any exclude term is dropped. Terms are words or "quoted phrases",
 *   matched as phrases over the full-text index (operation, actor, target, user agent, params
 *   and every string of the raw record), case- and accent-insensitively.
 * - `from` is inclusive, `to` exclusive, both UTC milliseconds.
 * - Values are normalised with the entity rules on the way in (a UPN in any case, an IP with a
 *   port, a GUID in braces all find the stored spelling), so parsing is idempotent: a parsed
 *   filter parses to itself, and a saved view stores the parsed form.
 */

/** Most values one side of one field may hold; a longer list is a query nobody can read back. */
export const FILTER_LIST_MAX = 200;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

function list<T extends z.ZodType>(item: T) {
  const side = z.array(item).max(FILTER_LIST_MAX).default([]).transform((v) => unique(v as z.output<T>[]));
  return z.object({ include: side, exclude: side }).strict().default(() => ({ include: [], exclude: [] }));
}

const plainText = (max: number) => z.string().trim().min(1).max(max);

/** A value normalised by an entity rule; text the rule refuses is reported, never silently dropped. */
const entity = (normalise: (text: string) => string | null, what: string) =>
  plainText(512).transform((value, ctx) => {
    const n = normalise(value);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: `not a valid ${what}: ${JSON.stringify(value.slice(0, 80))}` });
      return z.NEVER;
    }
    return n;
  });

/** An address (`1.2.3.4`, `[2001:db8::1]:443`) or a block (`10.0.0.0/8`, `2001:db8::/32`). */
export const IpOrCidr = plainText(64).transform((value, ctx) => {
  if (value.includes('/')) {
    const block = parseCidr(value);
    if (block) return cidrSingleAddress(block) ?? block.text;
  } else {
    const ip = normaliseIp(value);
    if (ip) return ip;
  }
  ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR block: ${JSON.stringify(value.slice(0, 80))}` });
  return z.NEVER;
});

/** A search term must hold at least one letter or digit: the index keeps nothing else. */
export const SearchTerm = plainText(256).refine((v) => /[\p{L}\p{N}]/u.test(v), { message: 'a search term needs at least one letter or digit' });

/** Tags are short labels compared case-insensitively, so "Phishing" and "phishing" are one tag. */
export const TagName = plainText(64)
  .transform((v) => v.replace(/\s+/g, ' ').toLowerCase())
  .refine((v) => !/[\p{Cc}]/u.test(v), { message: 'a tag may not hold control characters' });

const utcMs = z.number().int().min(-8.64e15).max(8.64e15);

export const TimelineFilter = z
  .object({
    from: utcMs.optional(),
    to: utcMs.optional(),
    sources: list(EventSource),
    workloads: list(plainText(256)),
    operations: list(plainText(256)),
    actors: list(entity(normaliseIdentity, 'user or app name')),
    ips: list(IpOrCidr),
    /** Client application ids (the `app_id` column). */
    apps: list(entity(normaliseId, 'application id')),
    results: list(EventResult),
    /** Country or region as the source spells it (sign-ins: ISO 3166 alpha-2, e.g. `GB`). */
    countries: list(plainText(64)),
    sessionIds: list(entity(normaliseId, 'session id')),
    correlationIds: list(entity(normaliseId, 'correlation id')),
    text: list(SearchTerm),
    /** true: only bookmarked events; false: only events without a bookmark. */
    bookmarked: z.boolean().optional(),
    /** true: only events with at least one tag; false: only untagged events. */
    tagged: z.boolean().optional(),
    tags: list(TagName),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, { message: '`from` must be before `to`', path: ['to'] });
export type TimelineFilter = z.output<typeof TimelineFilter>;
export type TimelineFilterInput = z.input<typeof TimelineFilter>;

/** The filter fields that are include/exclude lists. */
export const filterListFields = [
  'sources', 'workloads', 'operations', 'actors', 'ips', 'apps', 'results', 'countries', 'sessionIds', 'correlationIds', 'text', 'tags',
] as const;
export type FilterListField = (typeof filterListFields)[number];

/** The filter that matches every event. */
export const emptyFilter = (): TimelineFilter => TimelineFilter.parse({});

/** True when a value of the `ips` list is a block rather than one address. */
export const isCidrValue = (value: string): boolean => value.includes('/');

// ---------------------------------------------------------------------------------------------
// Cursors
// ---------------------------------------------------------------------------------------------

/**
 * A position in the timeline: the `(ts, id)` of a row and which way to read from it. Opaque to
 * callers (base64url text) so nobody builds one by hand, and validated on the way back in.
 */
export interface TimelineCursor {
  ts: number;
  id: number;
  direction: 'after' | 'before';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url of ASCII text (cursor bodies are ASCII); written out because src-shared has no btoa. */
function toBase64Url(ascii: string): string {
  let out = '';
  for (let i = 0; i < ascii.length; i += 3) {
    const n = (ascii.charCodeAt(i) << 16) | ((ascii.charCodeAt(i + 1) || 0) << 8) | (ascii.charCodeAt(i + 2) || 0);
    const chars = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((k) => B64[k]);
    out += chars.slice(0, Math.min(4, ascii.length - i + 1)).join('');
  }
  return out;
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  let out = '';
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const n = [...chunk.padEnd(4, 'A')].reduce((acc, c) => (acc << 6) | B64.indexOf(c), 0);
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255].slice(0, chunk.length - 1);
    out += String.fromCharCode(...bytes);
  }
  return out;
}

const CURSOR_BODY = /^c1\.(-?\d{1,16})\.(\d{1,16})\.([ab])$/;

export function encodeCursor(cursor: TimelineCursor): string {
  return toBase64Url(`c1.${cursor.ts}.${cursor.id}.${cursor.direction === 'after' ? 'a' : 'b'}`);
}

/** The cursor a text stands for, or null for anything this build did not write. */
export function decodeCursor(text: string): TimelineCursor | null {
  const body = fromBase64Url(text);
  const m = body === null ? null : CURSOR_BODY.exec(body);
  if (!m) return null;
  const ts = Number(m[1]);
  const id = Number(m[2]);
  if (!Number.isSafeInteger(ts) || !Number.isSafeInteger(id)) return null;
  // Re-encoding must give the same text: no second spelling of one position is accepted.
  const cursor: TimelineCursor = { ts, id, direction: m[3] === 'a' ? 'after' : 'before' };
  return encodeCursor(cursor) === text ? cursor : null;
}

export const TimelineCursorText = z
  .string()
  .max(64)
  .transform((text, ctx) => {
    const cursor = decodeCursor(text);
    if (!cursor) {
      ctx.addIssue({ code: 'custom', message: 'not a timeline cursor (it was changed, or written by another build)' });
      return z.NEVER;
    }
    return cursor;
  });
