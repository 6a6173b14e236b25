import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore as createRealCore, type Core } from '../core/create-core.js';
import { defaultPaths } from '../core/default-paths.js';
import type { CorePorts, Logger } from '../core/ports.js';
import { browserModeDialogs } from './adapters/browser-dialogs.js';
import { createBrowserModeLauncher } from './adapters/browser-launcher.js';
import { writeLaunchPage, type LaunchPage } from './adapters/launch-page.js';
import { createStreamLogger } from './adapters/stream-logger.js';
import { createSystemOpener } from './adapters/system-opener.js';
import { findAppVersion, findRendererDir } from './renderer-location.js';
import { createBrowserHost } from './server.js';
import type { SimProfileName } from '../sim/data/types.js';
import { startSimulator, type RunningSimulator } from '../sim/index.js';

export interface BrowserModeOptions {
  port?: number;
  casesDir?: string;
  configDir?: string;
  /** Built renderer; found next to this program when omitted. */
  rendererDir?: string;
  /** Open the address in the system browser. */
  open?: boolean;
  /**
   * False: never hand a URL to the OS (no system browser is started); the launcher only prints
   * the sign-in address. True by default.
   */
  systemBrowser?: boolean;
  /** Hands a URL or file to the OS; the platform's opener unless a test injects another. */
  openWithSystem?: (target: string) => Promise<boolean>;
  /** Fixed launch token (tests); a random one otherwise. */
  token?: string;
  /** Environment for CIRRUS_CONFIG_DIR / CIRRUS_CASES_DIR and platform defaults; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Lines for the responder; stdout by default. */
  print?: (line: string) => void;
  logger?: Logger;
  /**
   * Start the simulated Microsoft tenant in this process and offer it as the "Demo tenant
   * (simulated)" cloud. Its CA and signing key live in the config folder.
   */
  demo?: { profile: SimProfileName; seed: number };
  /** The core factory; the real one unless a test injects another. */
  createCore?: (ports: CorePorts) => Core;
}

export interface BrowserMode {
  url: string;
  origin: string;
  port: number;
  configDir: string;
  casesDir: string;
  rendererDir: string;
  core: Core;
  /** The simulated tenant, when started with `demo`. */
  demo?: { baseUrl: string; profile: SimProfileName };
  /** Shuts the core down (closing the case), then the server. Safe to call twice. */
  stop(): Promise<void>;
}

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Starts browser mode: resolves folders, builds the core with browser-mode ports and serves it. */
export async function startBrowserMode(options: BrowserModeOptions = {}): Promise<BrowserMode> {
  if (options.open && options.systemBrowser === false) throw new Error('cannot open the address without the system browser (systemBrowser: false)');
  const env = options.env ?? process.env;
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const logger = options.logger ?? createStreamLogger((line) => void process.stderr.write(`${line}\n`));
  // Flags win over CIRRUS_CONFIG_DIR / CIRRUS_CASES_DIR, which win over the platform defaults.
  const defaults = defaultPaths(env);
  const configDir = path.resolve(options.configDir ?? defaults.configDir);
  const casesDir = path.resolve(options.casesDir ?? defaults.defaultCasesDir);

  const rendererDir = options.rendererDir ? path.resolve(options.rendererDir) : findRendererDir(moduleDir);
  if (!rendererDir || !existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer build was not found${rendererDir ? ` in ${rendererDir}` : ''}; run \`npm run build\` or pass --renderer-dir.`);
  }
  // The config folder will hold the token cache: owner-only from the start.
  await mkdir(configDir, { recursive: true, mode: 0o700 });

  const openWithSystem =
    options.systemBrowser === false ? async () => false : (options.openWithSystem ?? createSystemOpener(process.platform));
  let simulator: RunningSimulator | undefined;
  if (options.demo) {
    // Modest volume so the demo starts in seconds; the scripted intrusion is always complete.
    simulator = await startSimulator({
      profile: options.demo.profile,
      seed: options.demo.seed,
      days: 30,
      scale: 0.25,
      stateDir: path.join(configDir, 'simulator'),
      log: (line) => logger.warn(`simulator: ${line}`),
    });
  }
  const core = (options.createCore ?? createRealCore)({
    mode: 'browser',
    version: findAppVersion(moduleDir, readText),
    platform: process.platform,
    paths: { configDir, defaultCasesDir: casesDir },
    dialogs: browserModeDialogs,
    browser: createBrowserModeLauncher({ print, openWithSystem }),
    logger,
    ...(simulator ? { demoCloud: { baseUrl: simulator.baseUrl, caCertPem: simulator.caCertPem } } : {}),
  });

  let host;
  try {
    host = await createBrowserHost({ core, rendererDir, port: options.port ?? 0, token: options.token, logger });
  } catch (error) {
    await core.shutdown();
    await simulator?.close();
    throw error;
  }

  print(`Cirrus browser mode: ${host.url}`);
  print('That address carries an access token: anyone who has it can use this workstation and its cases. Press Ctrl+C to stop.');
  if (simulator && options.demo) {
    print(`Demo tenant (simulated, profile ${options.demo.profile}, seed ${options.demo.seed}) at ${simulator.baseUrl}: pick "Demo tenant (simulated)" when signing in.`);
  }

  let launchPage: LaunchPage | undefined;
  if (options.open) {
    launchPage = await writeLaunchPage(host.url);
    if (!(await openWithSystem(launchPage.file))) print('No system browser could be started; open the address above yourself.');
  }

  let stopping: Promise<void> | undefined;
  const { url, origin, port } = host;
  const close = host.close;
  return {
    url,
    origin,
    port,
    configDir,
    casesDir,
    rendererDir,
    core,
    ...(simulator && options.demo ? { demo: { baseUrl: simulator.baseUrl, profile: options.demo.profile } } : {}),
    stop: () =>
      (stopping ??= (async () => {
        // Core first: closing the case flushes the writer while the page can still be told.
        await core.shutdown();
        await close();
        await simulator?.close();
        await launchPage?.remove();
      })()),
  };
}
