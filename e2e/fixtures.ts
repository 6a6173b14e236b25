import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { WorkstationPage } from './pages/workstation-page.js';
import { launchWorkstation } from './workstation-process.js';

export interface Workstation {
  /** Address with the launch token, as printed in the terminal. */
  url: string;
  /** `http://127.0.0.1:PORT`, no token. */
  origin: string;
  port: number;
  /** This test's own folders; nothing is shared between tests. */
  casesDir: string;
  configDir: string;
  /** What the host printed so far (stdout and stderr), for assertions about refusals. */
  log(): string;
  /** Stops the host (SIGTERM → core shutdown). The fixture calls it; a test may call it earlier. */
  stop(): Promise<void>;
}

interface Options {
  /**
   * Extra command-line options for this test's host, e.g. `test.use({ hostArgs: ['--demo-tenant'] })`
   * to have it start the simulated tenant itself. Empty by default: a plain host.
   */
  hostArgs: string[];
}

interface Fixtures {
  /** A fresh browser-mode host (built bundle, real core) with temp config and cases folders. */
  workstation: Workstation;
  /** The built renderer loaded through the token URL, signed in, waiting for the app shell. */
  app: Page;
  /** Page object over `app`. */
  workstationPage: WorkstationPage;
}

/** testId is stable per test; mkdtemp adds a random suffix so retries never share a folder. */
const folderKey = (testId: string) => testId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40);

export const test = base.extend<Fixtures & Options>({
  hostArgs: [[], { option: true }],

  workstation: async ({ hostArgs }, use, testInfo) => {
    const root = await mkdtemp(path.join(tmpdir(), `cirrus-e2e-${folderKey(testInfo.testId)}-`));
    const configDir = path.join(root, 'config');
    const casesDir = path.join(root, 'cases');
    await Promise.all([mkdir(configDir), mkdir(casesDir)]);
    const host = await launchWorkstation({ configDir, casesDir }, hostArgs);
    try {
      await use({ url: host.url, origin: host.origin, port: host.port, casesDir, configDir, log: host.log, stop: host.stop });
      await host.stop();
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('browser-mode host log', { body: host.log(), contentType: 'text/plain' });
      }
      await host.stop().catch(() => {});
      await rm(root, { recursive: true, force: true });
    }
  },

  // Screenshots of failed tests come from the config (`screenshot: 'only-on-failure'`, saved
  // under e2e/artifacts/), which covers this page and any test that uses `page` directly.
  app: async ({ page, workstation }, use) => {
    await page.goto(workstation.url);
    await new WorkstationPage(page).waitUntilReady();
    await use(page);
  },

  workstationPage: async ({ app }, use) => {
    await use(new WorkstationPage(app));
  },
});

export { expect };
