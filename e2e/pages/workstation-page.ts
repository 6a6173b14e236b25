import type { Locator, Page } from '@playwright/test';

/** The app shell as a whole: present once the renderer has loaded `app.info` from the core. */
export class WorkstationPage {
  readonly shell: Locator;

  constructor(readonly page: Page) {
    this.shell = page.locator('[data-testid="app-ready"]');
  }

  async waitUntilReady(timeout = 15_000): Promise<void> {
    await this.shell.waitFor({ state: 'visible', timeout });
  }
}
