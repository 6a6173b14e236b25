import type Database from 'better-sqlite3';
import { cidrContains, ipValue, parseCidr, type CidrBlock } from '../../../src-shared/domain/ip-cidr.js';
import { IP_IN_CIDR_FUNCTION } from '../db/queries/timeline-where.js';

/** Matchers by block text: a query tests one or a few blocks against many rows. */
const BLOCK_CACHE_LIMIT = 64;

/**
 * Registers `cirrus_ip_in_cidr(ip, block)` (1 when the normalised address lies in the block,
 * 0 otherwise, NULL for a NULL address) on a connection that runs timeline filters with CIDR
 * blocks. Deterministic, so SQLite may evaluate it once per distinct argument pair.
 */
export function registerTimelineFunctions(db: Database.Database): void {
  const blocks = new Map<string, Matcher>();
  db.function(IP_IN_CIDR_FUNCTION, { deterministic: true }, (ip: unknown, blockText: unknown) => {
    if (typeof ip !== 'string' || typeof blockText !== 'string') return null;
    let matcher = blocks.get(blockText);
    if (matcher === undefined) {
      matcher = matcherFor(parseCidr(blockText));
      if (blocks.size >= BLOCK_CACHE_LIMIT) blocks.clear();
      blocks.set(blockText, matcher);
    }
    return matcher(ip) ? 1 : 0;
  });
}

type Matcher = (ip: string) => boolean;

/** Dotted IPv4 text → its 32-bit value as a plain number, or null. */
function v4Number(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isInteger(v) || v < 0 || v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

/**
 * IPv4 blocks compare plain numbers (the function may run for many rows, and bigint arithmetic
 * is several times slower); IPv6 blocks use the shared bigint code.
 */
function matcherFor(block: CidrBlock | null): Matcher {
  if (!block) return () => false;
  if (block.version === 4) {
    const size = 2 ** (32 - block.prefix);
    const network = Number(block.network);
    return (ip) => {
      const n = v4Number(ip);
      return n !== null && n - (n % size) === network;
    };
  }
  return (ip) => {
    const value = ip.includes(':') ? ipValue(ip) : null;
    return value !== null && cidrContains(block, value);
  };
}
