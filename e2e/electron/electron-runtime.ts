import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronRuntime = { available: true; executablePath: string } | { available: false; reason: string };

/**
 * Whether the Electron binary is installed. The `electron` npm package resolves to the binary's
 * path (or throws when its postinstall download never happened, e.g. with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1); the file must then also exist.
 */
export function detectElectronRuntime(): ElectronRuntime {
  let resolved: unknown;
  try {
    resolved = createRequire(import.meta.url)('electron');
  } catch {
    // electron/index.js throws when its binary was never downloaded.
    return { available: false, reason: 'node_modules/electron has no binary (its download was skipped or unreachable)' };
  }
  if (typeof resolved !== 'string') return { available: false, reason: 'the electron package did not resolve to a binary path' };
  if (!existsSync(resolved)) return { available: false, reason: `no Electron binary at ${resolved}` };
  return { available: true, executablePath: resolved };
}
