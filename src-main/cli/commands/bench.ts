import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../../../src-shared/ipc/result.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../project-root.js';
import { runGuarded } from '../run-guarded.js';

/** `cirrus bench` runs the benchmark suite of a source checkout (it is a development tool, not shipped in the app). */
export const benchCommand: CliCommand = {
  words: ['bench'],
  summary: 'Run the benchmark suite (speed, memory, ratios against peers)',
  help: [
    'Usage: cirrus bench [--quick] [--scenario NAME ...] [--runs N] [--write-readme]',
    '',
    'Runs bench/run.ts of this checkout: writes bench/results/<date>-<scenario>.json and prints a Markdown table.',
    '  --quick          small sizes, one run per figure (smoke run)',
    '  --scenario NAME  only this scenario (repeatable)',
    '  --runs N         runs per figure (median reported)',
    '  --write-readme   replace the results table in bench/README.md',
  ].join('\n'),
  run: (args, io) =>
    runGuarded(io, async () => {
      const root = findProjectRoot();
      const entry = root ? join(root, 'bench', 'run.ts') : null;
      if (!root || !entry || !existsSync(entry)) throw new CoreError('unsupported', 'the benchmark suite is only available in a source checkout (bench/run.ts not found).');
      const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
      io.stopSignal.addEventListener('abort', () => child.kill('SIGTERM'));
      return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    }),
};
