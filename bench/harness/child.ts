// Runs one figure once and prints its timing and the OS's peak RSS for this process as the
// last line of stdout. Started by the runner as `node --import tsx bench/harness/child.ts`.
import { performance } from 'node:perf_hooks';
import { scenarios } from '../scenarios/index.js';

const [scenarioName, figureId, ctxJson] = process.argv.slice(2);
const scenario = scenarios.find((s) => s.name === scenarioName);
const figure = scenario?.figures.find((f) => f.id === figureId);
if (!scenario || !figure || !ctxJson) {
  process.stderr.write(`bench child: unknown scenario/figure ${scenarioName}/${figureId}\n`);
  process.exit(2);
}
const started = performance.now();
const outcome = await figure.run(JSON.parse(ctxJson));
const ms = performance.now() - started;
// ru_maxrss from getrusage: kilobytes on Linux.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\n${JSON.stringify({ ms, peakRssMb, notes: outcome?.notes ?? {} })}\n`);
