import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../ports.js';

/**
 * The two `SecretStore`s core can build by itself. Electron brings its own (safeStorage).
 *
 * The file store keeps each value in `<dir>/<name>.json`, mode 0600 in a 0700 folder: readable
 * by this user only. It is plaintext, like the token caches of the Azure CLI and other tools,
 * which is why the host reports `protection: 'file'` and the UI says so.
 */
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

function checkName(name: string): void {
  if (!NAME.test(name)) throw new Error(`secret name ${JSON.stringify(name)} is not a short lower-case identifier`);
}

export function createFileSecretStore(dir: string): SecretStore {
  const pathOf = (name: string) => {
    checkName(name);
    return join(dir, `${name}.json`);
  };
  const ensureDir = () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by the umask and ignored for an existing folder.
    if (process.platform !== 'win32') chmodSync(dir, 0o700);
  };
  return {
    protection: 'file',
    async read(name) {
      try {
        return readFileSync(pathOf(name), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async write(name, value) {
      ensureDir();
      const target = pathOf(name);
      const temp = `${target}.${process.pid}.tmp`;
      // Created 0600 from the first byte: never readable by others, not even briefly.
      writeFileSync(temp, value, { encoding: 'utf8', mode: 0o600, flag: 'w' });
      if (process.platform !== 'win32') chmodSync(temp, 0o600);
      renameSync(temp, target);
    },
    async remove(name) {
      rmSync(pathOf(name), { force: true });
    },
  };
}

/** Nothing touches the disk; the sign-in ends with the process. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    protection: 'memory',
    async read(name) {
      checkName(name);
      return values.get(name) ?? null;
    },
    async write(name, value) {
      checkName(name);
      values.set(name, value);
    },
    async remove(name) {
      checkName(name);
      values.delete(name);
    },
  };
}
