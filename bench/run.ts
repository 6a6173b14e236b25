// `npm run bench [-- --quick] [--scenario NAME] [--runs N] [--write-readme]`
// Runs the scenarios, writes bench/results/<date>-<scenario>.json and prints a Markdown table.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { markdownTable } from './harness/report.js';
import { runScenario, writeResult } from './harness/runner.js';
import type { ScenarioResult } from './harness/types.js';
import { scenarios } from './scenarios/index.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string', multiple: true },
    runs: { type: 'string' },
    'write-readme': { type: 'boolean', default: false },
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
      '  --write-readme  replace the results table in bench/README.md with this run',
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

const results: ScenarioResult[] = [];
for (const scenario of chosen) {
  const result = await runScenario(scenario, { quick: values.quick, runs, log: (l) => console.error(l) });
  console.error(`   → ${writeResult(result)}`);
  results.push(result);
}
const table = markdownTable(results);
console.log(table);

if (values['write-readme']) {
  const readme = new URL('./README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    console.error('bench: bench/README.md has no results markers; table not written');
    process.exit(1);
  }
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
  console.error('bench: table written to bench/README.md');
}
