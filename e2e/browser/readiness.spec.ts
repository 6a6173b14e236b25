import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator, type RunningSimulator } from '../../src-main/sim/index.js';
import { expect, test } from '../fixtures.js';
import { AppShell } from '../pages/app-shell.js';
import { CasePage } from '../pages/case-page.js';
import { ReadinessPage } from '../pages/readiness-page.js';

/**
 * Sign-in and readiness against the simulated Microsoft cloud, through the built renderer and the
 * real browser-mode core. The simulator runs in the test process on 127.0.0.1 with its own CA;
 * the device code is approved on its /devicelogin pages, as a responder would on Microsoft's.
 */
let sim: RunningSimulator;
let simState: string;
let simLog = '';

test.beforeAll(async () => {
  simState = await mkdtemp(path.join(tmpdir(), 'cirrus-e2e-sim-'));
  sim = await startSimulator({ stateDir: simState, days: 30, scale: 0.05, faults: 'rate:off', log: (line) => (simLog += `${line}\n`) });
});

// Playwright reads fixture dependencies from the destructuring pattern; this hook needs none.
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('simulator log', { body: simLog, contentType: 'text/plain' });
});

test.afterAll(async () => {
  await sim?.close();
  if (simState) await rm(simState, { recursive: true, force: true });
});

test.describe('readiness in browser mode', () => {
  // The smallest window the workstation is designed for; the simulator's pages use its own CA.
  test.use({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });

  test('create a case, sign in to the demo tenant with a device code, see the matrix, open a blocked cell', async ({ app, workstation }) => {
    test.setTimeout(120_000);
    const shell = new AppShell(app);
    const cases = new CasePage(app);
    const readiness = new ReadinessPage(app);
    const account = sim.dataset.signedInUser.userPrincipalName;
    // The sign-in dialog, the drawer and the device-code panel must not need inline <style> (CSP style-src 'self').
    const cspViolations: string[] = [];
    app.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    await cases.createCase({ dir: path.join(workstation.casesDir, 'demo-readiness'), name: 'Demo readiness', examiner: 'Analyst One', tenantLabel: 'demo tenant' });
    await expect(shell.heading).toHaveText('Case: Demo readiness');
    await expect(app.getByTestId('header-account')).toContainText('Not signed in');

    await shell.goTo('Readiness');
    await expect(readiness.signInSection).toBeVisible();
    // Browser mode keeps the token cache in a 0600 file of the config folder, and says so.
    await expect(readiness.signIn.tokenCache).toContainText('mode 0600');
    await shell.screenshot('readiness-sign-in');

    await readiness.signIn.startDemoDeviceCode({ address: sim.baseUrl, caPath: sim.caCertPath });
    await expect(readiness.signIn.deviceCode).toBeVisible({ timeout: 30_000 });
    await expect(readiness.signIn.expiry).toContainText(/Code expires in \d+:\d\d/);
    await expect(app.getByTestId('header-account')).toContainText('Signing in…');
    const code = (await readiness.signIn.deviceCode.textContent())?.trim() ?? '';
    const verificationUrl = (await readiness.signIn.deviceCodeUrl.getAttribute('href')) ?? '';
    expect(code).not.toBe('');
    // The simulator's own device login page (this test's simulator, or one the host started itself).
    expect(verificationUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/devicelogin$/);
    await shell.screenshot('readiness-device-code');

    // The responder's browser: enter the code on the simulator's device login page and approve.
    const simPage = await app.context().newPage();
    await simPage.goto(verificationUrl);
    await simPage.getByRole('textbox', { name: 'Code' }).fill(code);
    await simPage.getByRole('button', { name: 'Next' }).click();
    await simPage.getByRole('button', { name: 'Continue' }).click();
    await simPage.close();

    const header = app.getByTestId('header-account');
    await expect(header).toContainText(account, { timeout: 30_000 });
    await expect(header).toContainText('Demo tenant (simulated)');
    await expect(readiness.signInSection).toBeHidden();

    // A period that started 20 days ago gives every source its "rolls off in N days".
    const periodStart = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    await readiness.periodStart.fill(periodStart);
    await readiness.runButton.click();
    await expect(readiness.matrix).toBeVisible({ timeout: 60_000 });
    await expect(readiness.lastChecked).toContainText(new RegExp(`^Last checked \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC as ${account.replace(/[.]/g, '\\.')}`));
    expect(await readiness.sourceOrder()).toHaveLength(8);
    await expect(readiness.matrix.getByText(/rolls off in \d+ days?|already rolled off/).first()).toBeVisible();
    await shell.screenshot('readiness-matrix');
    await app.emulateMedia({ colorScheme: 'dark' });
    await shell.screenshot('readiness-matrix-dark');
    await app.emulateMedia({ colorScheme: 'light' });

    const blocked = readiness.cells('blocked');
    expect(await blocked.count(), 'the demo tenant with the default client has at least one blocked check').toBeGreaterThan(0);
    const first = blocked.first();
    const cellName = (await first.getAttribute('aria-label')) ?? '';
    await first.click();
    await expect(readiness.drawer).toBeVisible();
    await expect(readiness.drawer.getByRole('heading', { name: 'Remediation' })).toBeVisible();
    await expect(readiness.drawer.locator('.remediation')).not.toBeEmpty();
    await expect(readiness.drawer.getByText(/^Evidence \(\d+ calls?\)$/)).toBeVisible();
    await shell.screenshot('readiness-drawer');
    await app.keyboard.press('Escape');
    await expect(readiness.drawer).toBeHidden();
    await expect(app.getByRole('button', { name: cellName })).toBeFocused();

    // The header's sign-in dialog opens (and closes) under the same CSP.
    await app.getByTestId('header-account').getByRole('button', { name: 'Sign out' }).click();
    await expect(app.getByTestId('header-account')).toContainText('Not signed in');
    await app.getByTestId('header-account').getByRole('button', { name: 'Sign in…' }).click();
    await expect(app.getByRole('dialog', { name: 'Sign in' })).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog', { name: 'Sign in' })).toBeHidden();
    expect(cspViolations).toEqual([]);

    // The sign-in, the check and the sign-out are in the case's custody log.
    await shell.goTo('Case');
    await expect.poll(() => cases.custodyActions()).toEqual(expect.arrayContaining(['case.created', 'auth.signedIn', 'readiness.checked', 'auth.signedOut']));
  });
});
