import type { Locator, Page } from '@playwright/test';
import { SignInPanel } from './sign-in-panel.js';

/** The Readiness page: sign-in when signed out, then the re-check bar, the matrix and the cell drawer. */
export class ReadinessPage {
  readonly signInSection: Locator;
  readonly signIn: SignInPanel;
  readonly matrix: Locator;
  readonly periodStart: Locator;
  readonly runButton: Locator;
  readonly lastChecked: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.signInSection = page.getByRole('region', { name: 'Sign in to check readiness' });
    this.signIn = new SignInPanel(page, this.signInSection);
    this.matrix = page.getByRole('table', { name: 'Readiness matrix' });
    this.periodStart = page.getByLabel('Period of interest starts (UTC date)');
    this.runButton = page.getByRole('button', { name: /^(Re-check|Run readiness check)$/ });
    this.lastChecked = page.getByTestId('last-checked');
    this.drawer = page.getByRole('dialog');
  }

  /** Row labels, top to bottom (most urgent first). */
  async sourceOrder(): Promise<string[]> {
    return this.matrix.locator('tbody .matrix-source-label').allTextContents();
  }

  /** Cells whose status is `status` (ok, warning, blocked, unknown, n/a), by accessible name. */
  cells(status: string): Locator {
    return this.matrix.getByRole('button', { name: new RegExp(`: ${status.replace('/', '\\/')}\\. `) });
  }
}
