// `npm run bench [-- --quick] [--scenario NAME] [--runs N] [--write-readme]`
// Runs the scenarios, writes bench/results/<date>-<scenario>.json and prints a Markdown table.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { markdownTable } from './harness/report.js';
import { asJudged, latestFullResult, runScenario, writeResult } from './harness/runner.js';
import type { ScenarioResult } from './harness/types.js';
import { scenarios } from './scenarios/index.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string', multiple: true },
    runs: { type: 'string' },
    size: { type: 'string', multiple: true },
    'write-readme': { type: 'boolean', default: false },
    'readme-from-results': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log(
    [
      'Usage: npm run bench -- [--quick] [--scenario NAME ...] [--runs N] [--write-readme]',
      '',
      `Scenarios: ${scenarios.map((s) => s.name).join(', ')}`,
      '  --quick         small sizes, one run each (a smoke run: asserts nothing about speed)',
      '  --runs N        runs per figure (default 3 full, 1 quick); the median is reported',
      '  --size K=V      use size V for K where a scenario has that size (e.g. --size events=1000000); recorded in the results',
      '  --write-readme  replace the results table in bench/README.md with this run',
      '  --readme-from-results  run nothing; rewrite that table from the latest full result of each scenario',
    ].join('\n'),
  );
  process.exit(0);
}

const chosen = values.scenario?.length ? scenarios.filter((s) => values.scenario!.includes(s.name)) : scenarios;
const unknown = (values.scenario ?? []).filter((n) => !scenarios.some((s) => s.name === n));
if (unknown.length) {
  console.error(`bench: unknown scenario ${unknown.join(', ')} (have: ${scenarios.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
const runs = values.runs ? Number(values.runs) : values.quick ? 1 : 3;
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: --runs must be a whole number ≥ 1, got ${values.runs}`);
  process.exit(2);
}

if (values.quick && (values['write-readme'] || values['readme-from-results'])) {
  console.error('bench: the README table takes full runs only; a quick run is a smoke test');
  process.exit(2);
}

const sizeOverrides: Record<string, number> = {};
for (const pair of values.size ?? []) {
  const [key, value] = pair.split('=');
  if (!key || value === undefined || !Number.isFinite(Number(value)) || Number(value) <= 0) {
    console.error(`bench: --size takes KEY=NUMBER, got ${pair}`);
    process.exit(2);
  }
  sizeOverrides[key] = Number(value);
}

const results: ScenarioResult[] = [];
for (const scenario of values['readme-from-results'] ? [] : chosen) {
  const result = await runScenario(scenario, { quick: values.quick, runs, sizeOverrides, log: (l) => console.error(l) });
  console.error(`   → ${writeResult(result)}`);
  results.push(result);
}
const table = markdownTable(results);
console.log(table);

if (values['write-readme'] || values['readme-from-results']) {
  const readme = new URL('./README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  // Scenarios not run now keep their latest full result, so the committed table stays whole.
  const shown = scenarios.flatMap((s) => {
    const kept = results.find((r) => r.scenario === s.name) ?? latestFullResult(s.name);
    return kept ? [asJudged(s, kept)] : [];
  });
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    console.error('bench: bench/README.md has no results markers; table not written');
    process.exit(1);
  }
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${markdownTable(shown)}\n${text.slice(b)}`);
  console.error('bench: table written to bench/README.md');
}
