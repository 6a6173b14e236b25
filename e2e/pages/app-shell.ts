import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Where a named screenshot goes (e2e/artifacts/NAME.png), for pages other than the workstation's. */
export const screenshotPath = (name: string): string => `${artifacts}${name}.png`;

export const pageNames = ['Case', 'Readiness', 'Collect', 'Timeline', 'Hits', 'Export'] as const;
export type PageName = (typeof pageNames)[number];

/** The frame around every page: navigation, the open-case header and the status bar. */
export class AppShell {
  readonly nav: Locator;
  readonly headerCase: Locator;
  readonly statusBar: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Pages' });
    this.headerCase = page.getByTestId('header-case');
    this.statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  navLink(name: PageName): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  async goTo(name: PageName): Promise<void> {
    await this.navLink(name).click();
  }

  /** Saves the whole window for the review of each page's look (e2e/artifacts is not committed). */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(name) });
  }
}
