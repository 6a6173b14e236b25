import type { Locator, Page } from '@playwright/test';

/** The Timeline page: filter bar, histogram, facets, the virtualised events grid and the event panel. */
export class TimelinePage {
  readonly count: Locator;
  readonly grid: Locator;
  readonly body: Locator;
  readonly rows: Locator;
  readonly timeHeader: Locator;
  readonly search: Locator;
  readonly chips: Locator;
  readonly zone: Locator;
  readonly detail: Locator;
  readonly chart: Locator;
  readonly facets: Locator;

  constructor(readonly page: Page) {
    this.count = page.getByRole('status', { name: 'Matching events' });
    this.grid = page.getByRole('grid', { name: 'Events' });
    this.body = this.grid.locator('.tl-body');
    this.rows = this.grid.locator('[role="row"][data-event-id]');
    this.timeHeader = this.grid.getByRole('columnheader', { name: /^Time \(/ });
    this.search = page.getByRole('searchbox', { name: 'Search text' });
    this.chips = page.getByRole('list', { name: 'Active filter' });
    this.zone = page.getByRole('combobox', { name: 'Time zone' });
    this.detail = page.getByRole('complementary', { name: 'Event detail' });
    this.chart = page.getByRole('figure', { name: /^Events over time/ });
    this.facets = page.getByRole('complementary', { name: 'Facets' });
  }

  /** The row at a display position (1-based like aria-rowindex, header excluded). */
  rowAt(position: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${position + 1}"]`);
  }

  /** The text of a row's time cell. */
  timeOf(row: Locator): Locator {
    return row.locator('.tl-col-time time');
  }

  chip(label: string | RegExp): Locator {
    return this.chips.getByRole('listitem').filter({ hasText: label });
  }

  /** Total in the header ("1,148 events") as a number. */
  async total(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    return Number(text.replace(/[^0-9]/g, ''));
  }

  /** Drags the histogram brush's right end leftwards by `fraction` of the chart's width. */
  async brushRightEnd(fraction: number): Promise<void> {
    const traveller = this.chart.locator('.recharts-brush-traveller').last();
    const box = await traveller.boundingBox();
    const chart = await this.chart.boundingBox();
    if (!box || !chart) throw new Error('the histogram brush is not on screen');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x - chart.width * fraction, y, { steps: 8 });
    await this.page.mouse.up();
  }
}
