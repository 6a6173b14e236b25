import { normaliseIp } from './event-entities.js';

/**
 * Address blocks (CIDR) over the normalised IP spelling of event-entities.ts. Shared so the
 * filter a UI builds, the CLI parses and the core runs agree on what `10.1.0.0/12` means.
 * Addresses are handled as bigints: one code path for 32 and 128 bits.
 */

export interface IpValue {
  version: 4 | 6;
  value: bigint;
}

export interface CidrBlock {
  version: 4 | 6;
  /** Network address with the host bits cleared. */
  network: bigint;
  prefix: number;
  /** Canonical text, e.g. `10.0.0.0/8`, `2001:db8::/32`. */
  text: string;
}

const bitsOf = (version: 4 | 6) => (version === 4 ? 32 : 128);

/** Value of an address already in normalised spelling (`normaliseIp` output), or null. */
export function ipValue(normalised: string): IpValue | null {
  if (normalised.includes('.')) {
    const parts = normalised.split('.');
    if (parts.length !== 4) return null;
    let value = 0n;
    for (const p of parts) {
      if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
      value = (value << 8n) | BigInt(p);
    }
    return { version: 4, value };
  }
  const halves = normalised.split('::');
  if (halves.length > 2) return null;
  const side = (s: string | undefined) => (s ? s.split(':') : []);
  const head = side(halves[0]);
  const tail = side(halves[1]);
  const groups = halves.length === 2 ? [...head, ...new Array<string>(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return { version: 6, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

function formatValue(version: 4 | 6, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => Number((value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
  // normaliseIp applies the RFC 5952 compression rules, so there is one spelling to compare with.
  return normaliseIp(groups) as string;
}

const mask = (version: 4 | 6, prefix: number) => {
  const bits = BigInt(bitsOf(version));
  return prefix === 0 ? 0n : ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
};

/**
 * `addr/len` → a block with host bits cleared (`10.1.2.3/8` → `10.0.0.0/8`), or null for text
 * that is not a block. An IPv4-mapped IPv6 block (`::ffff:10.0.0.0/104`) becomes the IPv4 block,
 * because normalised events spell those clients as plain IPv4.
 */
export function parseCidr(text: string): CidrBlock | null {
  const m = /^(.+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const address = normaliseIp(m[1] as string);
  const parsed = address ? ipValue(address) : null;
  let prefix = Number(m[2]);
  if (!parsed || !address) return null;
  let { version, value } = parsed;
  // normaliseIp already spelled an IPv4-mapped address as IPv4; the prefix still counts 128 bits.
  if (version === 4 && (m[1] as string).includes(':')) {
    version = 6;
    value |= 0xffffn << 32n;
  }
  if (prefix > bitsOf(version)) return null;
  if (version === 6 && prefix >= 96 && value >> 32n === 0xffffn) {
    version = 4;
    value &= 0xffffffffn;
    prefix -= 96;
  }
  const network = value & mask(version, prefix);
  return { version, network, prefix, text: `${formatValue(version, network)}/${prefix}` };
}

export function cidrContains(block: CidrBlock, ip: IpValue): boolean {
  return block.version === ip.version && (ip.value & mask(block.version, block.prefix)) === block.network;
}

/** The single address a /32 or /128 block stands for, in normalised spelling; else null. */
export function cidrSingleAddress(block: CidrBlock): string | null {
  return block.prefix === bitsOf(block.version) ? formatValue(block.version, block.network) : null;
}

/**
 * A range of the normalised *text* that holds every address of the block: `[low, high)` for a
 * B-tree index on the ip column, and whether the range is exact (no further check needed).
 * IPv4: whole leading octets form a text prefix (`10.1.` … `10.1/`). IPv6: leading groups form
 * one only while they are non-zero, because RFC 5952 may compress a zero group into `::`.
 * Null when no prefix narrows anything (e.g. `0.0.0.0/0`, `::/8`).
 */
export function cidrTextRange(block: CidrBlock): { low: string; high: string; exact: boolean } | null {
  const single = cidrSingleAddress(block);
  if (single) return { low: single, high: `${single}\u0000`, exact: true };
  const width = block.version === 4 ? 8 : 16;
  const whole = Math.floor(block.prefix / width);
  const text = formatValue(block.version, block.network);
  const pieces: string[] = [];
  if (block.version === 4) {
    pieces.push(...text.split('.').slice(0, whole));
  } else {
    for (let i = 0; i < whole; i++) {
      const group = (block.network >> BigInt(112 - 16 * i)) & 0xffffn;
      if (group === 0n) break;
      pieces.push(group.toString(16));
    }
  }
  if (pieces.length === 0) return null;
  const separator = block.version === 4 ? '.' : ':';
  const low = pieces.join(separator) + separator;
  // The character after the separator ('.'→'/', ':'→';') closes the range.
  const high = pieces.join(separator) + String.fromCharCode(separator.charCodeAt(0) + 1);
  return { low, high, exact: pieces.length * width === block.prefix };
}
