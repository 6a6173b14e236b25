import { parseArgs } from 'node:util';
import { z } from 'zod';
import { profileNames } from '../sim/profiles.js';
import type { SimProfileName } from '../sim/data/types.js';

export const BROWSER_MODE_HELP = `Usage: cirrus-browser [--port N] [--cases-dir DIR] [--config-dir DIR] [--renderer-dir DIR] [--open]
                      [--no-system-browser] [--demo-tenant] [--demo-profile P] [--demo-seed N]

Serves the Cirrus workstation to a browser on this machine (127.0.0.1 only).

  --port N            port to listen on (default 0: a free port)
  --cases-dir DIR     folder proposed for new cases (env CIRRUS_CASES_DIR, default ~/Cirrus Cases)
  --config-dir DIR    per-user settings folder (env CIRRUS_CONFIG_DIR)
  --renderer-dir DIR  built renderer to serve (default: dist/renderer next to this program)
  --open              open the printed address in the system browser
  --no-system-browser never start the system browser: sign-in pages are only printed here, for a
                      browser of your choice (shared machines, automated tests)
  --demo-tenant       also start the simulated Microsoft tenant on this machine and offer it as the
                      "Demo tenant (simulated)" cloud (training, trying Cirrus without a tenant)
  --demo-profile P    its licences and roles: e5 (default), e3, p1-only, free, no-global-reader,
                      ual-disabled, bypassed-mailbox
  --demo-seed N       its data seed (default 1)
  --help              show this text

From another machine, forward the same port over SSH and open the printed address there:
  ssh -L 8417:127.0.0.1:8417 forensic-vm    (with --port 8417 on the VM)`;

export interface BrowserModeArgs {
  port: number;
  casesDir?: string;
  configDir?: string;
  rendererDir?: string;
  open: boolean;
  /** False with --no-system-browser (URLs are printed, never handed to the OS); absent otherwise. */
  systemBrowser?: boolean;
  /** Start the simulated tenant in-process with this profile and seed. */
  demo?: { profile: SimProfileName; seed: number };
}

export type ParsedArgs = { kind: 'run'; args: BrowserModeArgs } | { kind: 'help' } | { kind: 'error'; message: string };

const Port = z.string().regex(/^\d{1,5}$/, 'expected a port number').transform(Number).pipe(z.number().max(65_535));
const FLAG: Record<string, string> = {
  port: '--port',
  casesDir: '--cases-dir',
  configDir: '--config-dir',
  rendererDir: '--renderer-dir',
  demoProfile: '--demo-profile',
  demoSeed: '--demo-seed',
};
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
        'no-system-browser': { type: 'boolean', default: false },
        'demo-tenant': { type: 'boolean', default: false },
        'demo-profile': { type: 'string' },
        'demo-seed': { type: 'string' },
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
    demoTenant: z.boolean(),
    demoProfile: z.enum(profileNames as [SimProfileName, ...SimProfileName[]]).default('e5'),
    demoSeed: z.string().regex(/^\d{1,9}$/, 'expected a whole number').transform(Number).default(1),
  });
  const parsed = schema.safeParse({
    port: values.port,
    casesDir: values['cases-dir'],
    configDir: values['config-dir'],
    rendererDir: values['renderer-dir'],
    open: values.open,
    demoTenant: values['demo-tenant'],
    demoProfile: values['demo-profile'],
    demoSeed: values['demo-seed'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'error', message: `${FLAG[String(issue?.path[0])] ?? 'option'}: ${issue?.message ?? 'invalid'}` };
  }
  const { demoTenant, demoProfile, demoSeed, ...rest } = parsed.data;
  if (!demoTenant && (values['demo-profile'] !== undefined || values['demo-seed'] !== undefined)) {
    return { kind: 'error', message: '--demo-profile and --demo-seed need --demo-tenant' };
  }
  const noSystemBrowser = values['no-system-browser'];
  if (noSystemBrowser && rest.open) return { kind: 'error', message: '--open needs the system browser, which --no-system-browser turns off' };
  const args: BrowserModeArgs = noSystemBrowser ? { ...rest, systemBrowser: false } : rest;
  return { kind: 'run', args: demoTenant ? { ...args, demo: { profile: demoProfile, seed: demoSeed } } : args };
}
