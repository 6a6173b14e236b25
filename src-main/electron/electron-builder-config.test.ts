import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectDir = join(import.meta.dirname, '..', '..');

/** electron-builder's own loader and schema check, reached through the electron-builder package. */
interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
}
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config.js') as BuilderConfigModule;

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    const config = await builderConfig.getConfig(projectDir, null, null);
    await expect(builderConfig.validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('ships only the build output, unpacks the native SQLite addon and flips the hardening fuses', async () => {
    const config = await builderConfig.getConfig(projectDir, null, null);
    expect(config).toMatchObject({
      productName: 'Cirrus',
      // electron-builder normalises the list into one filter set.
      files: [{ filter: ['dist/**', 'package.json', '!**/*.map'] }],
      asarUnpack: ['**/node_modules/better-sqlite3/**'],
      electronFuses: { runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true },
      linux: { target: ['AppImage', 'deb'], icon: 'assets/icon.png' },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });

  it('points at a 512×512 PNG icon', () => {
    const png = readFileSync(join(projectDir, 'assets', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height are the big-endian words at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
