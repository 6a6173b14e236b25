import type { Locator, Page } from '@playwright/test';

/**
 * The simulated tenant's sign-in page (`/{tenant}/oauth2/v2.0/authorize`): pick an account,
 * accept the requested scopes; the page then posts the answer to the app's loopback address.
 */
export class SimSignInPage {
  readonly heading: Locator;
  readonly accounts: Locator;
  readonly acceptButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.accounts = page.getByRole('radio');
    this.acceptButton = page.getByRole('button', { name: 'Accept' });
  }

  /** The user principal name under the account that is selected now. */
  async selectedAccount(): Promise<string> {
    const label = this.page.locator('label', { has: this.page.getByRole('radio', { checked: true }) });
    return ((await label.locator('small').textContent()) ?? '').trim();
  }
}
