import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-ports.js';
import { createFileSecretStore, createMemorySecretStore } from './secret-stores.js';

describe('secret stores', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  afterEach(() => tmp?.cleanup());

  it('file store: owner-only folder and files, atomic replace, remove deletes the file', async () => {
    tmp = makeTempDir();
    const dir = join(tmp.dir, 'config', 'secrets');
    const store = createFileSecretStore(dir);
    expect(store.protection).toBe('file');
    expect(await store.read('msal-token-cache')).toBeNull();
    await store.write('msal-token-cache', '{"a":1}');
    await store.write('msal-token-cache', '{"a":2}');
    expect(await store.read('msal-token-cache')).toBe('{"a":2}');
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'msal-token-cache.json')).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(dir)).toEqual(['msal-token-cache.json']);
    await store.remove('msal-token-cache');
    expect(existsSync(join(dir, 'msal-token-cache.json'))).toBe(false);
    await store.remove('msal-token-cache');
  });

  it('refuses names that could escape the folder', async () => {
    tmp = makeTempDir();
    const store = createFileSecretStore(tmp.dir);
    await expect(store.write('../evil', 'x')).rejects.toThrow(/not a short lower-case identifier/);
    await expect(createMemorySecretStore().read('A/B')).rejects.toThrow(/identifier/);
  });

  it('memory store keeps values only in the process', async () => {
    tmp = makeTempDir();
    const store = createMemorySecretStore();
    expect(store.protection).toBe('memory');
    await store.write('auth-session', 'v');
    expect(await store.read('auth-session')).toBe('v');
    await store.remove('auth-session');
    expect(await store.read('auth-session')).toBeNull();
  });
});
