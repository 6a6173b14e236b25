// Runs one figure once and prints its timing and the OS's peak RSS for this process as the
// last line of stdout. Started by the runner as `node --import tsx bench/harness/child.ts`.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { scenarios } from '../scenarios/index.js';

/**
 * Peak resident memory of this process, from the OS. On Linux `VmHWM` is per address space and
 * starts afresh at exec; getrusage's max RSS would carry over the parent's high-water mark.
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm?.[1]) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [scenarioName, figureId, ctxJson] = process.argv.slice(2);
const scenario = scenarios.find((s) => s.name === scenarioName);
const figure = scenario?.figures.find((f) => f.id === figureId);
if (!scenario || !figure || !ctxJson) {
  process.stderr.write(`bench child: unknown scenario/figure ${scenarioName}/${figureId}\n`);
  process.exit(2);
}
const started = performance.now();
const outcome = await figure.run(JSON.parse(ctxJson));
const ms = outcome?.ms ?? performance.now() - started;
const peakRssMb = peakRss();
process.stdout.write(`\n${JSON.stringify({ ms, peakRssMb, helperPeakRssMb: outcome?.helperPeakRssMb ?? null, notes: outcome?.notes ?? {} })}\n`);
