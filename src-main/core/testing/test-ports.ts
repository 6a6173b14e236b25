import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type CorePorts } from '../ports.js';

/** A scratch folder per test, removed by `cleanup`. */
export function makeTempDir(prefix = 'cirrus-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Ports for a core under test: temp config folder, no dialogs, a browser launcher that records URLs. */
export function makeTestPorts(root: string, overrides: Partial<CorePorts> = {}): CorePorts & { opened: string[] } {
  const opened: string[] = [];
  return {
    mode: 'test',
    version: '0.0.0-test',
    platform: process.platform,
    paths: { configDir: join(root, 'config'), defaultCasesDir: join(root, 'cases') },
    dialogs: { supported: false, pickFolder: async () => null },
    browser: {
      open: async (url) => {
        opened.push(url);
        return true;
      },
    },
    logger: silentLogger,
    ...overrides,
    opened,
  };
}
