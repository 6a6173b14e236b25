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

/** Opens a URL in the system browser. The core checks the allow-list before calling it. */
export interface BrowserLauncher {
  open(url: string): Promise<boolean>;
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
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
export const systemClock: Clock = { now: () => new Date() };
