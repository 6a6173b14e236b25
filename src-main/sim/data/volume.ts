/**
 * How many records each hour gets: a working-day curve (busy 08–18 local, quiet nights,
 * light weekends) scaled so the mean daily volume equals `perDay`. Every day of history has its
 * own random stream keyed by its distance from the anchor, so a 30-day dataset is exactly the
 * last 30 days of a 90-day one, and retention cuts never change the surviving records.
 */
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import { DAY_MS, HOUR_MS } from './time-format.js';

function hourWeight(localHour: number, weekday: number): number {
  const weekend = weekday === 0 || weekday === 6;
  let w: number;
  if (localHour < 7) w = 0.06;
  else if (localHour < 8) w = 0.45;
  else if (localHour < 9) w = 0.9;
  else if (localHour < 17) w = localHour === 12 ? 0.85 : 1.15;
  else if (localHour < 19) w = 0.55;
  else if (localHour < 22) w = 0.22;
  else w = 0.1;
  return weekend ? w * 0.16 : w;
}

/** Mean daily sum of hourWeight over a week (normalises the curve to "per day"). */
const MEAN_DAILY_WEIGHT = (() => {
  let sum = 0;
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) sum += hourWeight(h, d);
  return sum / 7;
})();

export interface HourSlot {
  startMs: number;
  /** Sorted record times inside the hour. */
  times: Float64Array;
}

export interface VolumePlan {
  seed: number;
  source: string;
  anchorMs: number;
  days: number;
  /** Records older than this are not emitted (retention). */
  cutoffMs: number;
  perDay: number;
  /** Tenant working-day offset from UTC in hours. */
  utcOffset: number;
}

/**
 * Calls `emit` for every day (oldest first) with that day's stream and its hour slots.
 * Slots and their times are ascending, so records built in order are already sorted.
 */
export function forEachDay(plan: VolumePlan, emit: (rng: Rng, slots: HourSlot[]) => void): void {
  for (let dayIndex = plan.days - 1; dayIndex >= 0; dayIndex--) {
    const dayEnd = plan.anchorMs - dayIndex * DAY_MS;
    const dayStart = dayEnd - DAY_MS;
    if (dayEnd <= plan.cutoffMs) continue;
    const rng = createRng(plan.seed, plan.source, dayIndex);
    const slots: HourSlot[] = [];
    for (let h = 0; h < 24; h++) {
      const startMs = dayStart + h * HOUR_MS;
      const mid = new Date(startMs + HOUR_MS / 2 + plan.utcOffset * HOUR_MS);
      const expected = (plan.perDay * hourWeight(mid.getUTCHours(), mid.getUTCDay())) / MEAN_DAILY_WEIGHT;
      const count = rng.roundStochastic(expected);
      const times = new Float64Array(count);
      for (let i = 0; i < count; i++) times[i] = startMs + Math.floor(rng.next() * HOUR_MS);
      times.sort();
      if (startMs + HOUR_MS <= plan.cutoffMs) continue;
      if (startMs < plan.cutoffMs) {
        slots.push({ startMs, times: times.filter((t) => t >= plan.cutoffMs) });
      } else {
        slots.push({ startMs, times });
      }
    }
    emit(rng, slots);
  }
}
