/**
 * Measures how long generation takes for a given number of UAL records (the volume that
 * dominates real datasets). Run directly:  npx tsx src-main/sim/data/measure-generation.ts [records] [full]
 * Not used by tests: timings depend on the machine and are only ever reported, never asserted.
 */
import { pathToFileURL } from 'node:url';
import { getProfile } from '../profiles.js';
import { buildAssets } from './assets.js';
import { perDayAtScale1 } from './context.js';
import { generateDataset } from './generate.js';
import { buildPopulation } from './population.js';
import { generateUalBackground } from './ual-background.js';
import { ualVisibility } from './ual-visibility.js';

export interface GenerationMeasurement {
  ualRecords: number;
  scale: number;
  days: number;
  wallMs: number;
  cpuMs: number;
  heapUsedMb: number;
  /** Records of every source when the whole dataset was generated. */
  totals?: Record<string, number>;
}

/** Scale that yields about `ualRecords` UAL records over `days` days under the e5 profile. */
export function scaleForUalRecords(ualRecords: number, days: number): number {
  return ualRecords / (perDayAtScale1.ual * days);
}

export function measureGeneration(opts: { ualRecords: number; days?: number; full?: boolean; seed?: number }): GenerationMeasurement {
  const days = opts.days ?? 30;
  const seed = opts.seed ?? 1;
  const scale = scaleForUalRecords(opts.ualRecords, days);
  const anchor = new Date(Date.UTC(2026, 10, 27, 13, 30));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let ualRecords: number;
  let totals: Record<string, number> | undefined;
  if (opts.full) {
    const dataset = generateDataset({ seed, profile: 'e5', days, scale, anchor });
    ualRecords = dataset.ual.length;
    totals = { ...dataset.groundTruth.totals };
  } else {
    const profile = getProfile('e5');
    const population = buildPopulation(seed, scale);
    const assets = buildAssets(seed, population);
    const visible = ualVisibility(profile, []);
    ualRecords = generateUalBackground({ seed, profile, anchorMs: anchor.getTime(), days, scale, population, assets }, (r) => visible(r) === null).length;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    ualRecords, scale, days, wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6), ...(totals ? { totals } : {}),
  };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const records = Number(process.argv[2] ?? 1_000_000);
  const full = process.argv[3] === 'full';
  console.log(JSON.stringify(measureGeneration({ ualRecords: records, full }), null, 2));
}
