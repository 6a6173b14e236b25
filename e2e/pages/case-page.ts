import type { Locator, Page } from '@playwright/test';

export interface NewCase {
  dir: string;
  name: string;
  examiner: string;
  tenantLabel?: string;
  description?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Case page: create / open / recent when no case is open, the case record when one is. */
export class CasePage {
  readonly createForm: Locator;
  readonly openForm: Locator;
  readonly recent: Locator;
  readonly info: Locator;
  readonly custodyTable: Locator;
  readonly chainStatus: Locator;
  readonly closeButton: Locator;

  constructor(readonly page: Page) {
    this.createForm = page.getByRole('form', { name: 'Create a case' });
    this.openForm = page.getByRole('form', { name: 'Open a case' });
    this.recent = page.getByRole('region', { name: 'Recent cases' });
    this.info = page.getByRole('region', { name: 'Case information' });
    this.custodyTable = page.getByRole('table', { name: 'Custody log' });
    this.chainStatus = page.getByTestId('custody-chain');
    this.closeButton = page.getByRole('button', { name: 'Close case' });
  }

  createField(label: string): Locator {
    return this.createForm.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(label)}`) });
  }

  async createCase(input: NewCase): Promise<void> {
    await this.createField('Case name').fill(input.name);
    await this.createField('Examiner').fill(input.examiner);
    await this.createField('Tenant label').fill(input.tenantLabel ?? '');
    await this.createField('Case folder').fill(input.dir);
    await this.createField('Description').fill(input.description ?? '');
    await this.createForm.getByRole('button', { name: 'Create case' }).click();
  }

  /** The value beside a label in the case information list. */
  fact(label: string): Locator {
    return this.info.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  recentEntry(name: string): Locator {
    return this.recent.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  /** The value of `key` in the Detail column of the newest custody entry with this action. */
  custodyDetail(action: string, key: string): Locator {
    const row = this.custodyTable
      .locator('tbody tr')
      .filter({ has: this.page.locator('td:nth-child(3)', { hasText: new RegExp(`^${escapeRegExp(action)}$`) }) })
      .last();
    return row.locator('dt', { hasText: new RegExp(`^${escapeRegExp(key)}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  /** The Action column of the custody log, oldest first. */
  async custodyActions(): Promise<string[]> {
    return this.custodyTable.locator('tbody tr td:nth-child(3)').allTextContents();
  }
}
