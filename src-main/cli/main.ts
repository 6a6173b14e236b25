import { benchCommand } from './commands/bench.js';
import { caseCreateCommand, caseInfoCommand } from './commands/case-commands.js';
import { collectCommand } from './commands/collect.js';
import { readinessCommand } from './commands/readiness.js';
import { signinCommand } from './commands/signin.js';
import { signoutCommand } from './commands/signout.js';
import { simCommand } from './commands/sim.js';
import { timelineCommand } from './commands/timeline.js';
import type { CliCommand, CliIo } from './command.js';
import { dispatch } from './dispatch.js';

/** Every CLI command, in the order `--help` lists them. Later capabilities add theirs here. */
export const cliCommands: CliCommand[] = [
  caseCreateCommand,
  caseInfoCommand,
  simCommand,
  signinCommand,
  signoutCommand,
  readinessCommand,
  collectCommand,
  timelineCommand,
  benchCommand,
];

const stop = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  stopSignal: stop.signal,
};

const code = await dispatch(cliCommands, process.argv.slice(2), io);
process.exitCode = code;
