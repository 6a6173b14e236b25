import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.js';
import { median, round } from './stats.js';
import type { FigureContext, FigureResult, Scenario, ScenarioResult } from './types.js';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

interface ChildReport {
  ms: number;
  peakRssMb: number;
  helperPeakRssMb: number | null;
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
  /** Sizes to use instead of the scenario's own (`--size events=1000000`); the result records them. */
  sizeOverrides?: Record<string, number>;
  log(line: string): void;
}

/** Runs every figure of a scenario `runs` times, interleaved so drift hits all figures alike. */
export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const base = options.quick ? scenario.sizes.quick : scenario.sizes.full;
  const overrides = Object.fromEntries(Object.entries(options.sizeOverrides ?? {}).filter(([k]) => k in base));
  const size = { ...base, ...overrides };
  const workDir = join(benchDir, 'work', scenario.name);
  mkdirSync(workDir, { recursive: true });
  const ctx: FigureContext = { workDir, size, quick: options.quick };
  const startedAt = new Date().toISOString();
  options.log(`== ${scenario.name} (${options.quick ? 'quick' : 'full'}: ${JSON.stringify(size)})`);
  let setup: ScenarioResult['setup'] = null;
  if (scenario.setup) {
    const began = performance.now();
    const outcome = await scenario.setup(ctx);
    setup = { ms: round(performance.now() - began, 0)!, notes: outcome?.notes ?? {} };
    options.log(`   setup: ${setup.ms.toFixed(0)} ms ${JSON.stringify(setup.notes)}`);
  }

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
      helperPeakRssMb: null,
      notes: {},
    });
  }
  for (let run = 0; run < options.runs; run++) {
    for (const f of scenario.figures) {
      const r = results.get(f.id)!;
      if (r.skipped || (f.maxRuns !== undefined && run >= f.maxRuns)) continue;
      const report = await runChild(scenario.name, f.id, ctx);
      r.runsMs.push(round(report.ms, 2)!);
      r.peakRssMb.push(round(report.peakRssMb, 1)!);
      if (report.helperPeakRssMb !== null) r.helperPeakRssMb = round(Math.max(r.helperPeakRssMb ?? 0, report.helperPeakRssMb), 1);
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
    const ratio = round(c.kind === 'speedup' ? a.medianMs / s.medianMs : s.medianMs / a.medianMs, 2);
    // Like the absolute targets, a bound on a ratio is stated for the full sizes.
    return { ...c, ratio, met: c.atLeast === undefined || options.quick || !atFullSize(scenario, size) || ratio === null ? null : ratio >= c.atLeast };
  });
  // Targets are stated for the full sizes; a quick run, or one at another size, reports them unjudged.
  const judged = !options.quick && atFullSize(scenario, size);
  const targets = (scenario.targets ?? []).map((t) => {
    const m = results.get(t.figure)?.medianMs ?? null;
    return { ...t, medianMs: m, met: m === null || !judged ? null : m <= t.maxMs };
  });
  return {
    scenario: scenario.name,
    description: scenario.description,
    quick: options.quick,
    size,
    startedAt,
    machine: describeMachine(),
    setup,
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

/** Whether a run used the scenario's full sizes (the sizes the issues' bounds are stated for). */
export function atFullSize(scenario: Scenario, size: Record<string, number>): boolean {
  return Object.entries(scenario.sizes.full).every(([k, v]) => size[k] === v);
}

/** The newest full (not quick) result file of a scenario, if any run was kept. */
export function latestFullResult(scenario: string): ScenarioResult | null {
  const dir = join(benchDir, 'results');
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir)
    .filter((f) => new RegExp(`^\\d{4}-\\d{2}-\\d{2}-${scenario}\\.json$`).test(f))
    .sort()
    .at(-1);
  if (!file) return null;
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ScenarioResult;
  // Results written before setup timings were kept have no such field.
  return { ...result, setup: result.setup ?? null };
}

/** A kept result as the table shows it: bounds left unjudged unless it ran at the full sizes. */
export function asJudged(scenario: Scenario, result: ScenarioResult): ScenarioResult {
  if (!result.quick && atFullSize(scenario, result.size)) return result;
  return {
    ...result,
    targets: result.targets.map((t) => ({ ...t, met: null })),
    ratios: result.ratios.map((r) => ({ ...r, met: null })),
  };
}
