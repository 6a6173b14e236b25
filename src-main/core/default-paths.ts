import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Paths } from './ports.js';

/**
 * Per-user folders for hosts without Electron's `app.getPath` (browser mode, CLI).
 * `CIRRUS_CONFIG_DIR` / `CIRRUS_CASES_DIR` override them (tests, portable installs).
 */
export function defaultPaths(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform, home = homedir()): Paths {
  const configBase =
    platform === 'win32'
      ? env.APPDATA ?? join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME ?? join(home, '.config');
  return {
    configDir: env.CIRRUS_CONFIG_DIR ?? join(configBase, platform === 'linux' ? 'cirrus' : 'Cirrus'),
    defaultCasesDir: env.CIRRUS_CASES_DIR ?? join(home, 'Cirrus Cases'),
  };
}
