import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../core/testing/test-ports.js';
import { createFakeElectron } from '../testing/fake-electron.js';
import { createSafeStorageSecretStore, hasOsEncryption } from './secret-store.js';

describe('safeStorage secret store', () => {
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => tmp?.cleanup());

  it('keeps values encrypted on disk, owner-only, replaced atomically, and removes them', async () => {
    tmp = makeTempDir();
    const dir = join(tmp.dir, 'profile', 'secrets');
    const { safeStorage } = createFakeElectron();
    const store = createSafeStorageSecretStore(safeStorage, dir);
    expect(store.protection).toBe('os-encrypted');
    expect(await store.read('msal-token-cache')).toBeNull();
    await store.write('msal-token-cache', '{"refresh_token":"r1"}');
    await store.write('msal-token-cache', '{"refresh_token":"r2"}');
    expect(await store.read('msal-token-cache')).toBe('{"refresh_token":"r2"}');
    expect(readdirSync(dir)).toEqual(['msal-token-cache.bin']);
    expect(readFileSync(join(dir, 'msal-token-cache.bin'), 'utf8')).not.toContain('refresh_token');
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'msal-token-cache.bin')).mode & 0o777).toBe(0o600);
    }
    await store.remove('msal-token-cache');
    await store.remove('msal-token-cache');
    expect(existsSync(join(dir, 'msal-token-cache.bin'))).toBe(false);
  });

  it('reads a value that no longer decrypts as absent, and refuses names that could escape the folder', async () => {
    tmp = makeTempDir();
    const { safeStorage } = createFakeElectron();
    const store = createSafeStorageSecretStore(safeStorage, tmp.dir);
    writeFileSync(join(tmp.dir, 'auth-session.bin'), 'encrypted with a key this keychain no longer has');
    expect(await store.read('auth-session')).toBeNull();
    await expect(store.write('../evil', 'x')).rejects.toThrow(/identifier/);
    await expect(store.read('A')).rejects.toThrow(/identifier/);
  });

  it('propagates read errors other than absence', async () => {
    tmp = makeTempDir();
    const store = createSafeStorageSecretStore(createFakeElectron().safeStorage, tmp.dir);
    await store.write('a-folder', 'x');
    const asDir = createSafeStorageSecretStore(createFakeElectron().safeStorage, join(tmp.dir, 'a-folder.bin'));
    await expect(asDir.read('inner')).rejects.toThrow();
  });

  it('counts only real OS encryption: not when unavailable, not the Linux basic_text fallback', () => {
    const { safeStorage } = createFakeElectron();
    expect(hasOsEncryption(safeStorage, 'linux')).toBe(true);
    safeStorage.backend = 'basic_text';
    expect(hasOsEncryption(safeStorage, 'linux')).toBe(false);
    expect(hasOsEncryption(safeStorage, 'darwin')).toBe(true);
    safeStorage.available = false;
    expect(hasOsEncryption(safeStorage, 'win32')).toBe(false);
  });
});
