/**
 * Seeded pseudo-random numbers for the simulator.
 *
 * sfc32 (small fast counter) seeded through a string/number hash: cheap enough to draw tens of
 * millions of values per generation run, and keyed streams ("ual", day 12) keep sources and
 * days independent, so changing one source's volume never shifts another source's records.
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max] (inclusive). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Lower-case GUID text with version-4 layout. */
  guid(): string;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
  /** `length` characters of the base64 alphabet (Exchange item ids, token ids). */
  base64(length: number): string;
  /** Rounds `x` up or down at random so the expectation equals `x` (keeps volumes linear in scale). */
  roundStochastic(x: number): number;
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const B64_CODES = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', (c) => c.charCodeAt(0));
/** Positions of the 32 hex digits inside the 36-character GUID text. */
const GUID_HEX_POSITIONS = Array.from({ length: 36 }, (_, i) => i).filter((i) => i !== 8 && i !== 13 && i !== 18 && i !== 23);

/**
 * Strings are assembled from character codes in one call: concatenating many short pieces
 * leaves V8 "cons string" trees behind, several times larger than the flat text, and a million
 * records would then spend most of their time in the garbage collector.
 */
export function fromCodes(codes: readonly number[]): string {
  return String.fromCharCode.apply(null, codes as number[]);
}

/** 32-bit FNV-1a over the key parts, then a murmur finaliser to spread the bits. */
function hashKey(parts: readonly (number | string)[], salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A generator whose whole output is determined by `keys` (e.g. seed, source name, day index). */
export function createRng(...keys: (number | string)[]): Rng {
  let a = hashKey(keys, 1);
  let b = hashKey(keys, 2);
  let c = hashKey(keys, 3);
  let d = 1;

  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state over the first few rounds.
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / 4294967296;
  const int = (n: number): number => Math.floor(next() * n);

  const guidCodes: number[] = Array.from('00000000-0000-4000-8000-000000000000', (ch) => ch.charCodeAt(0));
  const scratch: number[] = [];

  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    guid: () => {
      let w = 0;
      for (let i = 0; i < 32; i++) {
        if ((i & 7) === 0) w = nextU32();
        guidCodes[GUID_HEX_POSITIONS[i]!] = HEX_CODES[(w >>> ((i & 7) * 4)) & 15]!;
      }
      // Version-4 layout: digit 13 is "4", digit 17 one of 8, 9, a, b.
      guidCodes[14] = 52;
      guidCodes[19] = HEX_CODES[8 | (w & 3)]!;
      return fromCodes(guidCodes);
    },
    hex: (length) => {
      scratch.length = length;
      let w = 0;
      for (let i = 0; i < length; i++) {
        if ((i & 7) === 0) w = nextU32();
        scratch[i] = HEX_CODES[(w >>> ((i & 7) * 4)) & 15]!;
      }
      return fromCodes(scratch);
    },
    base64: (length) => {
      scratch.length = length;
      let w = 0;
      for (let i = 0; i < length; i++) {
        if (i % 5 === 0) w = nextU32();
        scratch[i] = B64_CODES[(w >>> ((i % 5) * 6)) & 63]!;
      }
      return fromCodes(scratch);
    },
    roundStochastic: (x) => {
      const whole = Math.floor(x);
      return whole + (next() < x - whole ? 1 : 0);
    },
  };
}

/** Picks from a weighted table in O(1) by pre-expanding weights into a lookup array. */
export function weightedTable<T>(entries: readonly (readonly [T, number])[], resolution = 1000): T[] {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const table: T[] = [];
  for (const [value, weight] of entries) {
    const slots = Math.max(weight > 0 ? 1 : 0, Math.round((weight / total) * resolution));
    for (let i = 0; i < slots; i++) table.push(value);
  }
  return table;
}
