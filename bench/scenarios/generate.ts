import { createReadStream, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateDataset } from '../../src-main/sim/data/generate.js';
import type { FigureContext, Scenario } from '../harness/types.js';

/**
 * How fast the simulator's generator produces a tenant's Unified Audit Log. The bar is
 * one million UAL records in under a minute. The reference measured in the same run is parsing
 * the same number of records from NDJSON — work of the same kind (building one object per record).
 */
const ANCHOR = new Date('2026-11-01T00:00:00.000Z');
const DAYS = 30;

/** Scale that yields about `target` UAL records over DAYS days, from a small calibration run. */
function calibratedScale(target: number): number {
  // Volume grows linearly with scale; a small run over the same days gives the slope.
  const probe = generateDataset({ seed: 7, profile: 'e5', days: DAYS, scale: 0.1, anchor: ANCHOR });
  return (target * 0.1) / probe.ual.length;
}

export const generateScenario: Scenario = {
  name: 'generate',
  description: 'Simulated tenant generation: UAL records per second (e5 profile, seeded)',
  sizes: { quick: { ual: 50_000 }, full: { ual: 1_000_000 } },
  async setup(ctx) {
    const scale = calibratedScale(ctx.size.ual ?? 0);
    writeFileSync(join(ctx.workDir, 'scale.json'), JSON.stringify({ scale }));
    const data = generateDataset({ seed: 42, profile: 'e5', days: DAYS, scale, anchor: ANCHOR });
    const out = createWriteStream(join(ctx.workDir, 'ual.ndjson'));
    for (const r of data.ual) out.write(`${JSON.stringify(r)}\n`);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  },
  figures: [
    {
      id: 'sim-generate',
      label: 'generate tenant (UAL + all sources)',
      role: 'subject',
      async run(ctx: FigureContext) {
        const { readFileSync } = await import('node:fs');
        const { scale } = JSON.parse(readFileSync(join(ctx.workDir, 'scale.json'), 'utf8')) as { scale: number };
        const data = generateDataset({ seed: 42, profile: 'e5', days: DAYS, scale, anchor: ANCHOR });
        return { notes: { ual: data.ual.length, signIns: data.signIns.length, scale: Number(scale.toFixed(3)) } };
      },
    },
    {
      id: 'ndjson-parse',
      label: 'JSON.parse the same UAL records from NDJSON (reference)',
      role: 'baseline',
      async run(ctx: FigureContext) {
        let n = 0;
        const lines = createInterface({ input: createReadStream(join(ctx.workDir, 'ual.ndjson')), crlfDelay: Infinity });
        for await (const line of lines) {
          if (line && JSON.parse(line)) n++;
        }
        return { notes: { records: n } };
      },
    },
  ],
  comparisons: [{ subject: 'sim-generate', against: 'ndjson-parse', kind: 'overhead', label: 'generate ÷ parse of the same UAL records' }],
  targets: [{ figure: 'sim-generate', maxMs: 60_000, label: '1 million UAL records generated' }],
};
