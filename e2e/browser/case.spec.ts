import path from 'node:path';
import { expect, test } from '../fixtures.js';
import { AppShell } from '../pages/app-shell.js';
import { CasePage } from '../pages/case-page.js';

test.describe('case flow in browser mode', () => {
  // The smallest window the workstation is designed for.
  test.use({ viewport: { width: 1280, height: 800 } });

  test('create a case, close it, reload, reopen it from Recent and read its custody log', async ({ app, workstation }) => {
    const shell = new AppShell(app);
    const cases = new CasePage(app);
    const dir = path.join(workstation.casesDir, 'fabrikam-takeover');

    await expect(shell.headerCase).toHaveText('No case open');
    await expect(shell.statusBar).toContainText('No background jobs');
    await expect(shell.statusBar).toContainText('Browser mode');
    await expect(cases.recent).toContainText('No recent cases');
    await shell.screenshot('case-no-case');

    await cases.createCase({ dir, name: 'Fabrikam takeover', examiner: 'Analyst One', tenantLabel: 'fabrikam.example', description: 'Forwarding rule on the CFO mailbox.' });
    await expect(shell.heading).toHaveText('Case: Fabrikam takeover');
    await expect(shell.headerCase).toContainText('Fabrikam takeover');
    await expect(shell.headerCase).toContainText('fabrikam.example');
    await expect(shell.headerCase).toContainText('Analyst One');
    await expect(cases.fact('Folder')).toHaveText(dir);
    await expect(cases.fact('Examiner')).toHaveText('Analyst One');
    await expect(cases.fact('Created (UTC)')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(await cases.custodyActions()).toEqual(['case.created']);
    await expect(cases.chainStatus).toHaveText('Hash chain: intact');

    await cases.closeButton.click();
    await expect(shell.headerCase).toHaveText('No case open');
    await expect(cases.recentEntry('Fabrikam takeover')).toContainText(dir);

    // A reload keeps the page (hash route) and the session (cookie); the core still knows the case.
    await app.reload();
    await expect(app.getByTestId('app-ready')).toBeVisible();
    await expect(shell.navLink('Case')).toHaveAttribute('aria-current', 'page');
    await cases.recentEntry('Fabrikam takeover').click();

    await expect(shell.heading).toHaveText('Case: Fabrikam takeover');
    await expect(cases.fact('Tenant')).toHaveText('fabrikam.example');
    await expect(cases.fact('Description')).toHaveText('Forwarding rule on the CFO mailbox.');
    await expect(cases.custodyTable.locator('tbody tr')).toHaveCount(3);
    expect(await cases.custodyActions()).toEqual(['case.created', 'case.closed', 'case.opened']);
    await expect(cases.chainStatus).toHaveText('Hash chain: intact');
    await shell.screenshot('case-info');
  });

  test('the core’s refusal is shown as a clear alert, not a stack trace', async ({ app, workstation }) => {
    const cases = new CasePage(app);
    await cases.openForm.getByRole('textbox', { name: /^Case folder/ }).fill(path.join(workstation.casesDir, 'does-not-exist'));
    await cases.openForm.getByRole('button', { name: 'Open' }).click();
    const alert = cases.openForm.getByRole('alert');
    await expect(alert).toContainText('Could not open the case');
    await expect(alert).toContainText('does-not-exist');
    await expect(alert).not.toContainText(/\bat \S+ \(/);
  });

  test('every page says what it holds; screenshots of each', async ({ app }) => {
    const shell = new AppShell(app);
    for (const name of ['Readiness', 'Collect', 'Timeline', 'Hits', 'Export'] as const) {
      await shell.goTo(name);
      await expect(shell.navLink(name)).toHaveAttribute('aria-current', 'page');
      await expect(shell.heading).toHaveText(name);
      await expect(app.getByRole('region', { name: `About ${name}` })).toContainText('Open a case first');
      await shell.screenshot(name.toLowerCase());
    }
    // The hash route survives a reload.
    await app.reload();
    await expect(app.getByTestId('app-ready')).toBeVisible();
    await expect(shell.heading).toHaveText('Export');
  });
});
