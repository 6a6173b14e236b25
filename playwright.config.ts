import { defineConfig } from '@playwright/test';

const ci = Boolean(process.env.CI);

/**
 * End-to-end tests drive the system's Chromium (Debian package `chromium`), never a downloaded
 * browser build. CIRRUS_CHROMIUM points elsewhere on other systems.
 */
const chromium = {
  executablePath: process.env.CIRRUS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  // Attachments of failed tests (gitignored). A subfolder: Playwright empties it at every start,
  // and the named page screenshots in e2e/artifacts/ must survive that.
  outputDir: 'e2e/artifacts/test-output',
  retries: ci ? 1 : 0,
  workers: ci ? 1 : 2,
  forbidOnly: ci,
  reporter: [['list'], ['./e2e/skip-reasons-reporter.ts']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
  },
  projects: [
    {
      // The renderer in browser mode: built bundle + real core, one host per test (e2e/fixtures.ts).
      name: 'browser',
      testDir: 'e2e/browser',
      use: { browserName: 'chromium', launchOptions: chromium },
    },
    {
      // Smoke tests of the desktop shell through Playwright's Electron support.
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
});
