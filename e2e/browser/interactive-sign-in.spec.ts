import path from 'node:path';
import { expect, test } from '../fixtures.js';
import { AppShell, screenshotPath } from '../pages/app-shell.js';
import { CasePage } from '../pages/case-page.js';
import { ReadinessPage } from '../pages/readiness-page.js';
import { SimSignInPage } from '../pages/sim-sign-in-page.js';

/**
 * The browser (loopback) sign-in, end to end: the host starts the simulated tenant itself, the
 * core's MSAL listens on http://localhost:PORT and the host prints the authorize address instead
 * of starting a system browser. Playwright plays the responder's browser: it opens that address,
 * picks the account on the simulator's sign-in page, and the page posts the code back to MSAL.
 */
const OPEN_LINE = /^Open in your browser: (\S+)$/gm;
const DEMO_LINE = /^Demo tenant \(simulated, profile e5, seed 1\) at (https:\/\/127\.0\.0\.1:\d+):/m;
/** A JSON Web Token (header.payload.…), as access and ID tokens are: none may reach the host's output. */
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\./;
/** Query parameters that would carry a credential or a grant rather than ask for one. */
const CREDENTIAL_PARAMS = ['code', 'access_token', 'id_token', 'refresh_token', 'token', 'client_secret', 'client_assertion', 'assertion', 'password'];

const openLines = (log: string) => [...log.matchAll(OPEN_LINE)].map((match) => match[1] ?? '');

test.describe('interactive sign-in in browser mode', () => {
  // The smallest window the workstation is designed for; the simulator's pages use its own CA.
  test.use({ hostArgs: ['--demo-tenant'], viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });

  test('sign in with the browser to the demo tenant the host started: the sign-in page driven by Playwright reaches signed in', async ({ app, workstation }) => {
    const shell = new AppShell(app);
    const cases = new CasePage(app);
    const readiness = new ReadinessPage(app);
    const header = app.getByTestId('header-account');
    const simOrigin = DEMO_LINE.exec(workstation.log())?.[1];
    expect(simOrigin, 'the host prints the address of the demo tenant it started').toBeDefined();

    await cases.createCase({ dir: path.join(workstation.casesDir, 'interactive-sign-in'), name: 'Interactive sign-in', examiner: 'Analyst One', tenantLabel: 'demo tenant' });
    await expect(shell.heading).toHaveText('Case: Interactive sign-in');
    await expect(header).toContainText('Not signed in');

    await shell.goTo('Readiness');
    await expect(readiness.signInSection).toBeVisible();
    await readiness.signIn.cloud(/^Demo tenant \(simulated\)/).check();
    // The host runs the simulator, so the form asks for neither its address nor its CA.
    await expect(readiness.signIn.field('Simulator address')).toHaveCount(0);
    await readiness.signIn.startHostDemoBrowserSignIn();
    await expect(readiness.signIn.browserWaiting).toBeVisible();
    await expect(header).toContainText('Signing in…');

    // The core hands the authorize address to the host's launcher, which prints it (no system browser in tests).
    await expect.poll(() => openLines(workstation.log()).length, { message: 'the host prints the sign-in address', timeout: 15_000 }).toBe(1);
    await shell.screenshot('interactive-waiting');
    const printed = openLines(workstation.log())[0] ?? '';
    const authorize = new URL(printed);
    expect(authorize.origin).toBe(simOrigin);
    expect(authorize.pathname).toMatch(/^\/[^/]+\/oauth2\/v2\.0\/authorize$/);
    const query = authorize.searchParams;
    expect(query.get('response_type')).toBe('code');
    expect(query.get('response_mode')).toBe('form_post');
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(query.get('state')).toMatch(/\S/);
    const redirectUri = query.get('redirect_uri') ?? '';
    expect(redirectUri).toMatch(/^http:\/\/localhost:\d+\/?$/);
    // The printed line asks for a code; it carries no token, code or secret.
    expect(printed).not.toMatch(JWT);
    expect([...query.keys()].filter((key) => CREDENTIAL_PARAMS.includes(key.toLowerCase()))).toEqual([]);

    // The responder's browser: a new tab of the same browser, on the simulator's sign-in page.
    const signInTab = await app.context().newPage();
    const simPage = new SimSignInPage(signInTab);
    const answer = signInTab.waitForRequest((request) => request.method() === 'POST' && request.url().startsWith(new URL(redirectUri).origin));
    await signInTab.goto(printed);
    await expect(simPage.heading).toHaveText('Pick an account');
    await expect(simPage.accounts.first()).toBeVisible();
    const account = await simPage.selectedAccount();
    expect(account).toMatch(/^\S+@\S+$/);
    await signInTab.screenshot({ path: screenshotPath('interactive-sim-sign-in') });
    await simPage.acceptButton.click();

    // The page posts code and state to MSAL's loopback listener, which answers with the core's page.
    const posted = new URLSearchParams((await answer).postData() ?? '');
    const code = posted.get('code') ?? '';
    expect(code).not.toBe('');
    expect(posted.get('state')).toBe(query.get('state'));
    await expect(signInTab.locator('body')).toContainText('Signed in to Cirrus. You can close this tab and return to Cirrus.');
    await signInTab.close();

    await expect(header).toContainText(account, { timeout: 20_000 });
    await expect(header).toContainText('Demo tenant (simulated)');
    await expect(readiness.signInSection).toBeHidden();
    await shell.screenshot('interactive-signed-in');

    // The sign-in is in the case's custody log, as a browser (interactive) sign-in to the demo cloud.
    await shell.goTo('Case');
    await expect.poll(() => cases.custodyActions()).toEqual(['case.created', 'auth.signedIn']);
    await expect(cases.custodyDetail('auth.signedIn', 'method')).toHaveText('interactive');
    await expect(cases.custodyDetail('auth.signedIn', 'cloud')).toHaveText('sim');
    await expect(cases.custodyDetail('auth.signedIn', 'account')).toHaveText(account);
    await expect(cases.chainStatus).toHaveText('Hash chain: intact');
    await cases.custodyTable.scrollIntoViewIfNeeded();
    await shell.screenshot('interactive-custody');

    // Nothing the host printed or logged holds a token or the authorization code; the address was printed once.
    const log = workstation.log();
    expect(log).not.toMatch(JWT);
    expect(log).not.toContain(code);
    expect(openLines(log)).toEqual([printed]);
  });
});
