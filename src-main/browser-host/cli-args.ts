import { parseArgs } from 'node:util';
import { z } from 'zod';

export const BROWSER_MODE_HELP = `Usage: cirrus-browser [--port N] [--cases-dir DIR] [--config-dir DIR] [--renderer-dir DIR] [--open]

Serves the Cirrus workstation to a browser on this machine (127.0.0.1 only).

  --port N            port to listen on (default 0: a free port)
  --cases-dir DIR     folder proposed for new cases (env CIRRUS_CASES_DIR, default ~/Cirrus Cases)
  --config-dir DIR    per-user settings folder (env CIRRUS_CONFIG_DIR)
  --renderer-dir DIR  built renderer to serve (default: dist/renderer next to this program)
  --open              open the printed address in the system browser
  --help              show this text

From another machine, forward the same port over SSH and open the printed address there:
  ssh -L 8417:127.0.0.1:8417 forensic-vm    (with --port 8417 on the VM)`;

export interface BrowserModeArgs {
  port: number;
  casesDir?: string;
  configDir?: string;
  rendererDir?: string;
  open: boolean;
}

export type ParsedArgs = { kind: 'run'; args: BrowserModeArgs } | { kind: 'help' } | { kind: 'error'; message: string };

const Port = z.string().regex(/^\d{1,5}$/, 'expected a port number').transform(Number).pipe(z.number().max(65_535));
const FLAG: Record<string, string> = { port: '--port', casesDir: '--cases-dir', configDir: '--config-dir', rendererDir: '--renderer-dir' };
const Dir = z.string().trim().min(1);

/** Parses the command line strictly: an unknown or malformed option is an error, not ignored. */
export function parseBrowserModeArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'cases-dir': { type: 'string' },
        'config-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        open: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const schema = z.object({
    port: Port.optional().transform((port) => port ?? 0),
    casesDir: Dir.optional(),
    configDir: Dir.optional(),
    rendererDir: Dir.optional(),
    open: z.boolean(),
  });
  const parsed = schema.safeParse({
    port: values.port,
    casesDir: values['cases-dir'],
    configDir: values['config-dir'],
    rendererDir: values['renderer-dir'],
    open: values.open,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'error', message: `${FLAG[String(issue?.path[0])] ?? 'option'}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'run', args: parsed.data };
}
