import type Database from 'better-sqlite3';
import { cidrContains, ipValue, parseCidr, type CidrBlock } from '../../../src-shared/domain/ip-cidr.js';
import { IP_IN_CIDR_FUNCTION } from '../db/queries/timeline-where.js';

/** Parsed blocks by text: a query tests one or a few blocks against many rows. */
const BLOCK_CACHE_LIMIT = 64;

/**
 * Registers `cirrus_ip_in_cidr(ip, block)` (1 when the normalised address lies in the block,
 * 0 otherwise, NULL for a NULL address) on a connection that runs timeline filters with CIDR
 * blocks. Deterministic, so SQLite may evaluate it once per distinct argument pair.
 */
export function registerTimelineFunctions(db: Database.Database): void {
  const blocks = new Map<string, CidrBlock | null>();
  db.function(IP_IN_CIDR_FUNCTION, { deterministic: true }, (ip: unknown, blockText: unknown) => {
    if (typeof ip !== 'string' || typeof blockText !== 'string') return null;
    let block = blocks.get(blockText);
    if (block === undefined) {
      block = parseCidr(blockText);
      if (blocks.size >= BLOCK_CACHE_LIMIT) blocks.clear();
      blocks.set(blockText, block);
    }
    const value = ipValue(ip);
    return block && value && cidrContains(block, value) ? 1 : 0;
  });
}
