/**
 * One CLI command. `run` receives the arguments after the command words and returns the exit
 * code; machine output goes to `io.out`, human diagnostics and errors to `io.err`.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM), for long-running commands. */
  stopSignal: AbortSignal;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['case', 'create'] or ['sim']. */
  words: string[];
  summary: string;
  /** Full `--help` text: usage line, options, one example. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
