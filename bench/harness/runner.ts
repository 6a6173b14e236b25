import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.js';
import { median, round } from './stats.js';
import type { FigureContext, FigureResult, Scenario, ScenarioResult } from './types.js';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

interface ChildReport {
  ms: number;
  peakRssMb: number;
  notes: Record<string, number | string>;
}

function runChild(scenario: string, figure: string, ctx: FigureContext): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, 'harness/child.ts'), scenario, figure, JSON.stringify(ctx)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${scenario}/${figure} exited with code ${code}`));
      try {
        resolve(JSON.parse(last) as ChildReport);
      } catch {
        reject(new Error(`${scenario}/${figure} printed no result line`));
      }
    });
  });
}

export interface RunOptions {
  quick: boolean;
  runs: number;
  log(line: string): void;
}

/** Runs every figure of a scenario `runs` times, interleaved so drift hits all figures alike. */
export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const size = options.quick ? scenario.sizes.quick : scenario.sizes.full;
  const workDir = join(benchDir, 'work', scenario.name);
  mkdirSync(workDir, { recursive: true });
  const ctx: FigureContext = { workDir, size };
  const startedAt = new Date().toISOString();
  options.log(`== ${scenario.name} (${options.quick ? 'quick' : 'full'}: ${JSON.stringify(size)})`);
  if (scenario.setup) await scenario.setup(ctx);

  const results = new Map<string, FigureResult>();
  for (const f of scenario.figures) {
    results.set(f.id, {
      id: f.id,
      label: f.label,
      role: f.role,
      ...(f.unavailable?.() ? { skipped: f.unavailable()! } : {}),
      runsMs: [],
      medianMs: null,
      minMs: null,
      maxMs: null,
      peakRssMb: [],
      medianPeakRssMb: null,
      notes: {},
    });
  }
  for (let run = 0; run < options.runs; run++) {
    for (const f of scenario.figures) {
      const r = results.get(f.id)!;
      if (r.skipped) continue;
      const report = await runChild(scenario.name, f.id, ctx);
      r.runsMs.push(round(report.ms, 2)!);
      r.peakRssMb.push(round(report.peakRssMb, 1)!);
      r.notes = report.notes;
      options.log(`   ${f.id} run ${run + 1}: ${report.ms.toFixed(1)} ms, peak RSS ${report.peakRssMb.toFixed(0)} MB`);
    }
  }
  for (const r of results.values()) {
    if (r.skipped) {
      options.log(`   ${r.id}: skipped — ${r.skipped}`);
      continue;
    }
    r.medianMs = round(median(r.runsMs), 2);
    r.minMs = Math.min(...r.runsMs);
    r.maxMs = Math.max(...r.runsMs);
    r.medianPeakRssMb = round(median(r.peakRssMb), 1);
  }
  const ratios = scenario.comparisons.map((c) => {
    const s = results.get(c.subject);
    const a = results.get(c.against);
    const skipped = s?.skipped ?? a?.skipped;
    if (skipped || !s?.medianMs || !a?.medianMs) return { ...c, ratio: null, skipped: skipped ?? 'no measurement' };
    return { ...c, ratio: round(c.kind === 'speedup' ? a.medianMs / s.medianMs : s.medianMs / a.medianMs, 2) };
  });
  // Targets are stated for the full sizes; a quick run reports them unjudged.
  const targets = (scenario.targets ?? []).map((t) => {
    const m = results.get(t.figure)?.medianMs ?? null;
    return { ...t, medianMs: m, met: m === null || options.quick ? null : m <= t.maxMs };
  });
  return {
    scenario: scenario.name,
    description: scenario.description,
    quick: options.quick,
    size,
    startedAt,
    machine: describeMachine(),
    figures: [...results.values()],
    ratios,
    targets,
  };
}

export function writeResult(result: ScenarioResult): string {
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.startedAt.slice(0, 10)}-${result.scenario}${result.quick ? '-quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
