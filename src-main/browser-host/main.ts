import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROWSER_MODE_HELP, parseBrowserModeArgs } from './cli-args.js';
import { startBrowserMode } from './start-browser-mode.js';

export { startBrowserMode, type BrowserMode, type BrowserModeOptions } from './start-browser-mode.js';

/** Runs browser mode until SIGINT/SIGTERM; returns the process exit code. */
export async function runBrowserModeCli(argv: string[]): Promise<number> {
  const parsed = parseBrowserModeArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${BROWSER_MODE_HELP}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${BROWSER_MODE_HELP}\n`);
    return 2;
  }
  let mode;
  try {
    mode = await startBrowserMode(parsed.args);
  } catch (error) {
    process.stderr.write(`Cirrus browser mode could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const running = mode;
  return new Promise<number>((resolve) => {
    let signalled = false;
    const onSignal = () => {
      // A second Ctrl+C while the case is closing means "now": give up on a clean shutdown.
      if (signalled) return resolve(1);
      signalled = true;
      running.stop().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** True when this file is the program node was asked to run (not when a script imports it). */
const isEntryPoint = (): boolean => {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};

if (isEntryPoint()) {
  process.exitCode = await runBrowserModeCli(process.argv.slice(2));
  process.exit();
}
