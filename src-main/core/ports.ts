/**
 * What the core needs from its host. The Electron shell, browser mode, the CLI and tests each
 * implement these; the core never reaches for a global (no electron, no process.env reads).
 */
export interface Paths {
  /** Per-user configuration folder (recent cases, settings; later the token cache). Never a case folder. */
  configDir: string;
  /** Where the create form proposes new case folders. */
  defaultCasesDir: string;
}

/** Native dialogs. Browser mode has none and answers `null` with `supported: false`. */
export interface Dialogs {
  supported: boolean;
  pickFolder(purpose: 'create' | 'open'): Promise<string | null>;
}

/**
 * Loopback https origins the core has vetted for one call (a running simulator's sign-in pages),
 * on top of the fixed allow-list. Only `https://127.0.0.1:PORT`-style origins are ever passed.
 */
export interface ExternalUrlAllowance {
  extraOrigins: readonly string[];
}

/** Opens a URL in the system browser. The core checks the allow-list before calling it. */
export interface BrowserLauncher {
  /**
   * `allowance` names the extra loopback origins the core accepted for this URL; an adapter that
   * re-checks the allow-list passes it to `isAllowedExternalUrl(url, allowance.extraOrigins)`.
   */
  open(url: string, allowance?: ExternalUrlAllowance): Promise<boolean>;
}

/**
 * Where the token cache (and the description of the signed-in session) is kept between runs.
 * The core never writes tokens anywhere else: not the case folder, not logs, not the renderer.
 *
 * - Electron implements it with `safeStorage` (encrypt before writing, one file per name under
 *   `paths.configDir`, mode 0600) and reports `protection: 'os-encrypted'`.
 * - Browser mode and the CLI use `createFileSecretStore` (plain 0600 files in a 0700 folder of
 *   `paths.configDir`), or `createMemorySecretStore` when nothing may touch the disk.
 *
 * Names are short ASCII identifiers (`[a-z0-9-]+`); values are opaque strings (JSON in practice).
 */
export interface SecretStore {
  readonly protection: 'os-encrypted' | 'file' | 'memory';
  /** The stored value, or null when there is none. */
  read(name: string): Promise<string | null>;
  /** Replaces the value atomically: a reader never sees half a value. */
  write(name: string, value: string): Promise<void>;
  /** Deletes the value (and its file); no error when absent. */
  remove(name: string): Promise<void>;
}

/** Outbound HTTPS to Microsoft's clouds from a network that inspects or relays TLS. */
export interface NetworkSettings {
  /** `http://proxy:3128` or `https://proxy:3128`: requests are tunnelled with CONNECT (loopback never is). */
  proxyUrl?: string;
  /** PEM certificates to trust in addition to the system roots (a TLS-inspecting proxy's CA). */
  extraCaPems?: readonly string[];
}

/** A simulator the host started; the demo cloud then needs no URL from the user. */
export interface DemoCloudConfig {
  baseUrl: string;
  /** The simulator's CA: trusted for the simulator's requests only. */
  caCertPem?: string;
}

/** Where log lines go. Callers never pass tokens or secrets here. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface Clock {
  now(): Date;
}

export interface CorePorts {
  mode: 'electron' | 'browser' | 'cli' | 'test';
  version: string;
  platform: string;
  paths: Paths;
  dialogs: Dialogs;
  browser: BrowserLauncher;
  logger: Logger;
  clock?: Clock;
  /** Token cache storage; a 0600-file store in `paths.configDir` when absent. */
  secrets?: SecretStore;
  network?: NetworkSettings;
  demoCloud?: DemoCloudConfig;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
export const systemClock: Clock = { now: () => new Date() };
