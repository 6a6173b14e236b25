import type { CliCommand, CliIo } from './command.js';

/** Finds the command whose words prefix the arguments (longest match wins) and runs it. */
export async function dispatch(commands: readonly CliCommand[], argv: string[], io: CliIo): Promise<number> {
  const matches = commands
    .filter((c) => c.words.every((w, i) => argv[i] === w))
    .sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  if (!command) {
    const wanted = argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ');
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.out(overview(commands));
      return argv.length === 0 ? 2 : 0;
    }
    io.err(`cirrus: unknown command "${wanted}". Run with --help for the list.`);
    return 2;
  }
  const rest = argv.slice(command.words.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  return command.run(rest, io);
}

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.words.join(' ').length));
  return [
    'Usage: cirrus <command> [options]   (npm run cirrus -- <command> [options])',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.words.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --help. Machine-readable output with --json; errors go to stderr with a non-zero exit code.',
  ].join('\n');
}
