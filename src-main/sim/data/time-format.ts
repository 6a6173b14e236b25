/**
 * Timestamp spellings of the different Microsoft services. Every source keeps UTC, but each
 * writes it differently, and the collector must cope with all of them. Formatting is done by
 * hand from character codes (with the date part cached per day) because it runs for every one
 * of millions of records.
 */
import { fromCodes } from './prng.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const DIGITS = Array.from('0123456789', (c) => c.charCodeAt(0));
const codesOf = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

let cachedDay = Number.NaN;
let cachedDatePrefix: number[] = [];

/** One reusable code buffer per format, so formatting allocates nothing but the result. */
const buffers = {
  ual: new Array<number>(19).fill(48),
  graph: new Array<number>(20).fill(48),
  ticks: new Array<number>(28).fill(48),
  devops: new Array<number>(33).fill(48),
};
buffers.graph[19] = 90;
buffers.ticks[27] = 90;
buffers.devops.splice(27, 6, 43, 48, 48, 58, 48, 48);

/** Writes "YYYY-MM-DDTHH:MM:SS" (and ".mmm" when `withMillis`) for `ms` into `codes`. */
function fill(codes: number[], ms: number, withMillis: boolean): void {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDatePrefix = codesOf(new Date(day * DAY_MS).toISOString().slice(0, 11));
  }
  for (let i = 0; i < 11; i++) codes[i] = cachedDatePrefix[i]!;
  const inDay = ms - day * DAY_MS;
  const h = Math.floor(inDay / HOUR_MS);
  const m = Math.floor((inDay % HOUR_MS) / 60_000);
  const sec = Math.floor((inDay % 60_000) / 1000);
  codes[11] = DIGITS[Math.floor(h / 10)]!;
  codes[12] = DIGITS[h % 10]!;
  codes[13] = 58;
  codes[14] = DIGITS[Math.floor(m / 10)]!;
  codes[15] = DIGITS[m % 10]!;
  codes[16] = 58;
  codes[17] = DIGITS[Math.floor(sec / 10)]!;
  codes[18] = DIGITS[sec % 10]!;
  if (withMillis) {
    const milli = inDay % 1000;
    codes[19] = 46;
    codes[20] = DIGITS[Math.floor(milli / 100)]!;
    codes[21] = DIGITS[Math.floor(milli / 10) % 10]!;
    codes[22] = DIGITS[milli % 10]!;
  }
}

/** Writes the four sub-millisecond digits at positions 23–26. */
function fillTail(codes: number[], tail: number): void {
  const t = tail % 10000;
  codes[23] = DIGITS[Math.floor(t / 1000)]!;
  codes[24] = DIGITS[Math.floor(t / 100) % 10]!;
  codes[25] = DIGITS[Math.floor(t / 10) % 10]!;
  codes[26] = DIGITS[t % 10]!;
}

/** UAL CreationTime: no zone, whole seconds (`2026-11-27T13:05:06`). */
export function ualTime(ms: number): string {
  fill(buffers.ual, ms, false);
  return fromCodes(buffers.ual);
}

/** Graph signIn createdDateTime: whole seconds with Z. */
export function graphSecondsTime(ms: number): string {
  fill(buffers.graph, ms, false);
  return fromCodes(buffers.graph);
}

/** Seven fractional digits with Z (directory audits, ARM); `tail` supplies the sub-millisecond digits. */
export function ticksTime(ms: number, tail: number): string {
  fill(buffers.ticks, ms, true);
  fillTail(buffers.ticks, tail);
  return fromCodes(buffers.ticks);
}

/** Azure DevOps audit: seven fractional digits with an explicit +00:00 offset. */
export function devopsTime(ms: number, tail: number): string {
  fill(buffers.devops, ms, true);
  fillTail(buffers.devops, tail);
  return fromCodes(buffers.devops);
}

/** Key of the UTC hour a record's time string falls in: `2026-11-27T13:00:00.000Z`. */
export function hourKeyOfTimeString(time: string): string {
  return time.slice(0, 13) + ':00:00.000Z';
}

/** Milliseconds of a UAL CreationTime (which carries no zone but is UTC). */
export function parseUalTime(time: string): number {
  return Date.parse(time + 'Z');
}
