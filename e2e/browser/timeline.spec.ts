import path from 'node:path';
import { windowsZoneToIana } from '../../src-shared/domain/windows-time-zones.js';
import { expect, test } from '../fixtures.js';
import { AppShell } from '../pages/app-shell.js';
import { CasePage } from '../pages/case-page.js';
import { TimelinePage } from '../pages/timeline-page.js';
import { BULK_START, BULK_STEP_MS, createBulkCase, createDemoCase } from '../timeline-cases.js';

/**
 * The Timeline page in browser mode, on cases built before the host opens them: the generated
 * demo tenant (pivot, brush, mailbox time zone, bookmark and tag surviving a reload), and a
 * million synthetic events (the scrollbar spans them all; End reaches the last one).
 */

const utcText = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** Opens a case through the Case page; a large case takes a while (the integrity scan reads every page of the file). */
async function openCase(app: import('@playwright/test').Page, dir: string, timeout = 10_000): Promise<void> {
  const cases = new CasePage(app);
  await cases.openForm.getByRole('textbox', { name: /^Case folder/ }).fill(dir);
  await cases.openForm.getByRole('button', { name: 'Open' }).click();
  await expect(cases.info).toBeVisible({ timeout });
}

test.describe('timeline in browser mode', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('pivot on an IP, brush the histogram, show a mailbox\'s time zone, bookmark and tag, and find them after a reload', async ({ app, workstation }) => {
    test.setTimeout(120_000);
    const dir = path.join(workstation.casesDir, 'timeline-demo');
    const dataset = await createDemoCase(dir);
    const shell = new AppShell(app);
    const timeline = new TimelinePage(app);
    const cspViolations: string[] = [];
    app.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    await shell.goTo('Timeline');
    await expect(app.getByRole('region', { name: 'About Timeline' })).toContainText('No case is open');
    await shell.goTo('Case');
    await openCase(app, dir);
    await shell.goTo('Timeline');

    const all = dataset.ual.length + dataset.signIns.length + dataset.directoryAudits.length + dataset.azure.activity.length + dataset.devops.audit.length;
    await expect(timeline.count).toHaveText(`${all.toLocaleString('en-GB')} events`);
    await expect(timeline.timeHeader).toContainText('Time (UTC)');
    await expect(timeline.rowAt(1)).toHaveAttribute('data-event-id', /\d+/);
    await expect(timeline.facets.getByRole('region', { name: 'IP addresses' })).toBeVisible();
    await shell.screenshot('timeline');

    // Brush: narrow the range to the first part of the chart.
    await timeline.brushRightEnd(0.5);
    await expect(timeline.chip(/^Time /)).toBeVisible();
    await expect.poll(() => timeline.total()).toBeLessThan(all);
    const brushed = await timeline.total();
    expect(brushed).toBeGreaterThan(0);

    // Pivot on an IP from the event panel.
    const withIp = timeline.rows.filter({ has: app.getByRole('button', { name: /^IP .+: actions$/ }) }).first();
    await withIp.click();
    await expect(timeline.detail).toBeVisible();
    const pivot = timeline.detail.getByRole('button', { name: /^Filter on IP / });
    const ip = ((await pivot.getAttribute('aria-label')) ?? '').replace('Filter on IP ', '');
    await pivot.click();
    await expect(timeline.chip(`IP is ${ip}`)).toBeVisible();
    await expect.poll(() => timeline.total()).toBeLessThanOrEqual(brushed);
    const ipCells = timeline.rows.locator('.tl-col-ip');
    await expect(ipCells.first()).toHaveText(ip);
    for (const text of await ipCells.allTextContents()) expect(text).toBe(ip);
    await shell.screenshot('timeline-pivot');

    // The mailbox's own zone: the label names it and the times move by its offset.
    const mailbox = dataset.tenantConfig.regionalConfig.find((r) => r.timeZone === 'Romance Standard Time');
    if (!mailbox) throw new Error('the generated tenant has no mailbox in Romance Standard Time');
    const firstRow = timeline.rowAt(1);
    const utc = (await timeline.timeOf(firstRow).textContent()) ?? '';
    const instant = (await timeline.timeOf(firstRow).getAttribute('datetime')) ?? '';
    expect(utc).toBe(utcText(Date.parse(instant)));
    await timeline.zone.selectOption(`mailbox:${mailbox.identity.toLowerCase()}`);
    await expect(timeline.timeHeader).toContainText(`Time (Europe/Paris (mailbox ${mailbox.identity.toLowerCase()}))`);
    expect(windowsZoneToIana(mailbox.timeZone)).toBe('Europe/Paris');
    // November: Paris is one hour ahead of UTC.
    await expect(timeline.timeOf(firstRow)).toHaveText(utcText(Date.parse(instant) + 3_600_000));
    await shell.screenshot('timeline-mailbox-zone');

    // Bookmark and tag the open event.
    const eventId = (await firstRow.getAttribute('data-event-id')) ?? '';
    await firstRow.click();
    await expect(timeline.detail.getByRole('heading', { level: 2 })).toBeVisible();
    await timeline.detail.getByRole('button', { name: '☆ Bookmark' }).click();
    await expect(timeline.detail.getByRole('button', { name: '★ Bookmarked' })).toHaveAttribute('aria-pressed', 'true');
    await expect(firstRow.getByRole('button', { name: `Remove bookmark from event ${eventId}` })).toBeVisible();
    await timeline.detail.getByRole('textbox', { name: 'New tag' }).fill('Suspicious Sign-in');
    await timeline.detail.getByRole('button', { name: 'Add tag' }).click();
    await expect(timeline.detail.getByRole('region', { name: 'Tags' }).getByText('suspicious sign-in')).toBeVisible();
    await expect(firstRow.locator('.tag')).toHaveText('suspicious sign-in');
    await shell.screenshot('timeline-detail');

    // After a reload the marks are read back from the case.
    await app.reload();
    await expect(app.getByTestId('app-ready')).toBeVisible();
    await expect(timeline.count).toHaveText(`${all.toLocaleString('en-GB')} events`);
    await app.getByRole('button', { name: 'Marks' }).click();
    const marks = app.getByRole('region', { name: 'Bookmarks, tags and notes' });
    await expect(marks.getByRole('button', { name: `Event ${eventId}` })).toBeVisible();
    await marks.getByRole('button', { name: 'Show events tagged suspicious sign-in' }).click();
    await expect(timeline.count).toHaveText('1 event');
    await expect(timeline.rowAt(1)).toHaveAttribute('data-event-id', eventId);
    await expect(timeline.rowAt(1).getByRole('button', { name: `Remove bookmark from event ${eventId}` })).toHaveAttribute('aria-pressed', 'true');
    await shell.screenshot('timeline-marks');
    expect(cspViolations).toEqual([]);
  });

  test('scrolls a million-event result: the middle by the scrollbar, the end with End', async ({ app, workstation }) => {
    test.setTimeout(180_000);
    const count = 1_000_000;
    const dir = path.join(workstation.casesDir, 'timeline-bulk');
    const building = Date.now();
    await createBulkCase(dir, count);
    // How long the fixture took, for anyone wondering where this test's time goes.
    test.info().annotations.push({ type: 'bulk case', description: `${count.toLocaleString('en-GB')} events in ${((Date.now() - building) / 1000).toFixed(1)} s` });
    const shell = new AppShell(app);
    const timeline = new TimelinePage(app);
    await openCase(app, dir, 90_000);
    await shell.goTo('Timeline');
    await expect(timeline.count).toHaveText('1,000,000 events', { timeout: 30_000 });
    await expect(timeline.rowAt(1)).toHaveAttribute('data-event-id', '1');
    // The scrollbar stands for every event: the grid says how many rows it holds.
    await expect(timeline.grid).toHaveAttribute('aria-rowcount', String(count + 1));

    // Drag the scrollbar to the middle: the rows shown are the ones at that position, read by time.
    await timeline.body.evaluate((el) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
    });
    const middle = timeline.rows.first();
    await expect(middle).toBeVisible();
    await expect
      .poll(async () => {
        const position = Number(await middle.getAttribute('aria-rowindex')) - 1;
        const id = Number(await middle.getAttribute('data-event-id'));
        return position > 400_000 && position < 600_000 && id === position;
      }, { timeout: 30_000 })
      .toBe(true);
    const shown = Number(await middle.getAttribute('data-event-id'));
    await expect(timeline.timeOf(middle)).toHaveText(utcText(BULK_START + (shown - 1) * BULK_STEP_MS));

    // End: the last event, at the bottom of the scroll range.
    await middle.click();
    await app.keyboard.press('Escape');
    await app.keyboard.press('End');
    const last = timeline.rowAt(count);
    await expect(last).toHaveAttribute('data-event-id', String(count), { timeout: 30_000 });
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(timeline.timeOf(last)).toHaveText(utcText(BULK_START + (count - 1) * BULK_STEP_MS));
    const atBottom = await timeline.body.evaluate((el) => Math.abs(el.scrollHeight - el.clientHeight - el.scrollTop) < 2);
    expect(atBottom).toBe(true);
    await shell.screenshot('timeline-million-end');

    // Newest first: the same event heads the list.
    await timeline.timeHeader.getByRole('button').click();
    await expect(timeline.rowAt(1)).toHaveAttribute('data-event-id', String(count), { timeout: 30_000 });
    await app.keyboard.press('Home');
    await expect(timeline.rowAt(1)).toHaveAttribute('aria-selected', 'true');
  });
});
