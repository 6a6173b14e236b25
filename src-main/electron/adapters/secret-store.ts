import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../../core/ports.js';
import type { SafeStorageLike } from '../electron-api.js';

/** Same rule as the core's stores: a name can never walk out of the folder. */
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Whether `safeStorage` gives real protection on this machine. On Linux without a keyring
 * Chromium falls back to `basic_text`, a key compiled into the binary: no better than a
 * plaintext file, so the shell then leaves the core to its honest `protection: 'file'` store.
 */
export function hasOsEncryption(safeStorage: SafeStorageLike, platform: string): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/**
 * The token cache encrypted with the OS keychain (architecture checklist: "MSAL tokens are cached
 * encrypted through safeStorage"). One `<name>.bin` per secret, 0600 in a 0700 folder, replaced
 * atomically. A value that no longer decrypts (keychain reset, profile copied to another machine)
 * reads as absent: the analyst signs in again rather than the workstation failing.
 */
export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, dir: string): SecretStore {
  const pathOf = (name: string): string => {
    if (!NAME.test(name)) throw new Error(`secret name ${JSON.stringify(name)} is not a short lower-case identifier`);
    return join(dir, `${name}.bin`);
  };
  const ownerOnly = process.platform !== 'win32';
  return {
    protection: 'os-encrypted',
    async read(name) {
      let encrypted: Buffer;
      try {
        encrypted = readFileSync(pathOf(name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      try {
        return safeStorage.decryptString(encrypted);
      } catch {
        return null;
      }
    },
    async write(name, value) {
      const target = pathOf(name);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (ownerOnly) chmodSync(dir, 0o700);
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, safeStorage.encryptString(value), { mode: 0o600, flag: 'w' });
      if (ownerOnly) chmodSync(temp, 0o600);
      renameSync(temp, target);
    },
    async remove(name) {
      rmSync(pathOf(name), { force: true });
    },
  };
}
