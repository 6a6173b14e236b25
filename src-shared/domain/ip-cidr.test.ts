import { describe, expect, it } from 'vitest';
import { normaliseIp } from './event-entities.js';
import { cidrContains, cidrSingleAddress, cidrTextRange, ipValue, parseCidr } from './ip-cidr.js';

/** A tiny seeded generator (xorshift32): the properties below run over the same addresses every time. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/** Addresses written by hand as bits, independently of ip-cidr.ts. */
const bitsOf = (ip: string) =>
  ip.includes('.')
    ? ip.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('')
    : ipValue(ip)!.value.toString(2).padStart(128, '0');

describe('CIDR blocks over normalised addresses', () => {
  it('parses blocks, clears host bits and spells them canonically', () => {
    expect(parseCidr('10.1.2.3/8')?.text).toBe('10.0.0.0/8');
    expect(parseCidr(' 2001:DB8:0:0:1::/32 ')?.text).toBe('2001:db8::/32');
    expect(parseCidr('::ffff:10.20.0.0/112')?.text).toBe('10.20.0.0/16');
    expect(parseCidr('0.0.0.0/0')?.text).toBe('0.0.0.0/0');
    for (const bad of ['10.0.0.0/33', '::/129', 'host/8', '10.0.0.0', '10.0.0.0/', '/8', '10.0.0.0/-1']) expect(parseCidr(bad)).toBeNull();
    expect(cidrSingleAddress(parseCidr('10.0.0.7/32')!)).toBe('10.0.0.7');
    expect(cidrSingleAddress(parseCidr('2001:db8::7/128')!)).toBe('2001:db8::7');
  });

  it('contains exactly the addresses whose leading bits equal the network (random v4 and v6)', () => {
    const next = rng(7);
    const v4 = () => [next(256), next(256), next(256), next(256)].join('.');
    const v6 = () => normaliseIp(Array.from({ length: 8 }, () => (next(3) === 0 ? 0 : next(65536)).toString(16)).join(':'))!;
    for (let i = 0; i < 3000; i++) {
      const six = i % 2 === 1;
      const base = six ? v6() : v4();
      const prefix = next(six ? 129 : 33);
      const block = parseCidr(`${base}/${prefix}`)!;
      // Half the probes share the block's prefix, so both outcomes are common.
      const probe = next(2) === 0 ? base : six ? v6() : v4();
      const expected = bitsOf(probe).slice(0, prefix) === bitsOf(base).slice(0, prefix);
      expect(cidrContains(block, ipValue(probe)!), `${probe} in ${block.text}`).toBe(expected);
    }
  });

  it('gives a text range over the normalised spelling that holds every address of the block, exact where it says so', () => {
    const next = rng(11);
    for (let i = 0; i < 3000; i++) {
      const six = i % 2 === 1;
      const groups = six ? Array.from({ length: 8 }, () => (next(3) === 0 ? 0 : next(65536))) : [next(256), next(256), next(256), next(256)];
      const base = six ? normaliseIp(groups.map((g) => g.toString(16)).join(':'))! : groups.join('.');
      const block = parseCidr(`${base}/${next(six ? 129 : 33)}`)!;
      const range = cidrTextRange(block);
      // Addresses inside the block (flip host bits of the base) and random ones outside.
      for (let k = 0; k < 5; k++) {
        const inside = flipHostBits(base, block.prefix, next);
        const outside = six ? normaliseIp(Array.from({ length: 8 }, () => next(65536).toString(16)).join(':'))! : [next(256), next(256), next(256), next(256)].join('.');
        for (const ip of [inside, outside]) {
          const holds = cidrContains(block, ipValue(ip)!);
          const inRange = range === null || (ip >= range.low && ip < range.high);
          if (holds) expect(inRange, `${ip} within the range of ${block.text}`).toBe(true);
          if (range?.exact) expect(inRange, `${ip} vs exact range of ${block.text}`).toBe(holds);
        }
      }
    }
    expect(cidrTextRange(parseCidr('10.1.0.0/16')!)).toEqual({ low: '10.1.', high: '10.1/', exact: true });
    expect(cidrTextRange(parseCidr('10.16.0.0/12')!)).toEqual({ low: '10.', high: '10/', exact: false });
    expect(cidrTextRange(parseCidr('2001:db8::/32')!)).toEqual({ low: '2001:db8:', high: '2001:db8;', exact: true });
    expect(cidrTextRange(parseCidr('2001:0:5::/48')!)).toEqual({ low: '2001:', high: '2001;', exact: false });
    expect(cidrTextRange(parseCidr('::/0')!)).toBeNull();
  });
});

/** The base address with random bits after `prefix` flipped: still inside the block. */
function flipHostBits(base: string, prefix: number, next: (n: number) => number): string {
  const bits = [...bitsOf(base)];
  for (let b = prefix; b < bits.length; b++) if (next(2) === 1) bits[b] = bits[b] === '1' ? '0' : '1';
  const text = bits.join('');
  if (bits.length === 32) return [0, 8, 16, 24].map((s) => parseInt(text.slice(s, s + 8), 2)).join('.');
  return normaliseIp(Array.from({ length: 8 }, (_, g) => parseInt(text.slice(g * 16, g * 16 + 16), 2).toString(16)).join(':'))!;
}
