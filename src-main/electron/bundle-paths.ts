import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BundlePaths {
  /** `dist/main/preload.cjs`, beside the main bundle. */
  preloadPath: string;
  /** `dist/renderer/`, the only folder the app:// protocol serves. */
  rendererDir: string;
}

/**
 * Locates the other build outputs from the main bundle's own URL (`import.meta.url` of
 * `dist/main/electron-main.mjs`), never from the working directory: the app can be started
 * from anywhere, and inside a packaged asar there is no meaningful cwd.
 */
export function resolveBundlePaths(mainModuleUrl: string): BundlePaths {
  const mainDir = dirname(fileURLToPath(mainModuleUrl));
  return { preloadPath: join(mainDir, 'preload.cjs'), rendererDir: resolve(mainDir, '..', 'renderer') };
}
