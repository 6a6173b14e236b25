/**
 * Spelling rules for the entities an investigator pivots on (users, IPs, object and app ids).
 * Every source writes them differently — `[2001:db8::1]:443` in one log, `2001:DB8::1` in the
 * next — so one pivot only finds them everywhere if each is reduced to one spelling first.
 * These functions are the single definition of that spelling; the event schema checks against
 * them, so a column can never hold a second spelling.
 */

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const UPN_LIKE = /^[^\s@]+@[^\s@]+$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** A GUID in any case, with or without braces, becomes lower-case without braces; anything else → null. */
export function normaliseGuid(text: string): string | null {
  const m = GUID.exec(text.trim());
  return m ? (m[1] as string).toLowerCase() : null;
}

export function isGuid(text: string): boolean {
  return GUID.test(text.trim());
}

/** User principal names and mail addresses are case-insensitive in Entra and Exchange: lower-case them. */
export function normaliseUpn(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * An identifier of unknown kind (record id, app id, object id): GUIDs are lower-cased, other ids
 * (`Directory_…`, `1234;…`) are opaque and only trimmed, because their case may carry meaning.
 * Empty text is no id.
 */
export function normaliseId(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return normaliseGuid(trimmed) ?? trimmed;
}

/**
 * A name for who acted or what was acted on: UPN-like names and GUIDs get their one spelling;
 * display names (`NT AUTHORITY\SYSTEM (…)`, an app's name) keep their case, since that is how
 * the responder will recognise them.
 */
export function normaliseIdentity(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (UPN_LIKE.test(trimmed)) return trimmed.toLowerCase();
  return normaliseGuid(trimmed) ?? trimmed;
}

function parseIpv4(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    octets.push(n);
  }
  return octets.join('.');
}

/** Eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail counts as two), or null. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseSide = (side: string, allowV4Tail: boolean): number[] | null => {
    if (side === '') return [];
    const groups: number[] = [];
    const pieces = side.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      if (allowV4Tail && i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (HEX_GROUP.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  if (halves.length === 1) {
    const all = parseSide(text, true);
    return all && all.length === 8 ? all : null;
  }
  const head = parseSide(halves[0] as string, false);
  const tail = parseSide(halves[1] as string, true);
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** RFC 5952 text: lower-case hex, no leading zeros, the longest run (≥ 2) of zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function normaliseIpv6(text: string): string | null {
  const groups = ipv6Groups(text.replace(/%.*$/, ''));
  if (!groups) return null;
  // An IPv4-mapped address is the IPv4 client seen through a dual-stack socket: pivot on the IPv4.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const a = groups[6] as number;
    const b = groups[7] as number;
    return [a >> 8, a & 0xff, b >> 8, b & 0xff].join('.');
  }
  return formatIpv6(groups);
}

/**
 * One spelling per client address: no port, no brackets, no zone, IPv6 in RFC 5952 form,
 * IPv4-mapped IPv6 as plain IPv4. `1.2.3.4:5678` → `1.2.3.4`; `[::1]:443` → `::1`.
 * Returns null for text that is not an address (callers decide whether that deserves a warning).
 */
export function normaliseIp(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('[')) {
    const close = trimmed.indexOf(']');
    if (close < 0) return null;
    const rest = trimmed.slice(close + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return normaliseIpv6(trimmed.slice(1, close));
  }
  const v4 = IPV4_WITH_PORT.exec(trimmed);
  if (v4) return parseIpv4(v4[1] as string);
  if (trimmed.includes(':')) return normaliseIpv6(trimmed);
  return null;
}
