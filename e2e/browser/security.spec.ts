import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { expect, test } from '../fixtures.js';
import { sendRawFrames, socketOpens } from '../pages/socket-probe.js';
import { WorkstationPage } from '../pages/workstation-page.js';

const call = (id: number, name: string, input: unknown) => JSON.stringify({ type: 'call', id, name, input });

test.describe('browser mode security', () => {
  test('the token address signs in, drops the token and serves the app under the CSP', async ({ page, context, workstation }) => {
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    const response = await page.goto(workstation.url);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${workstation.origin}/`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toBe('no-store');

    await new WorkstationPage(page).waitUntilReady();
    const session = (await context.cookies(workstation.origin)).find((c) => c.name === 'cirrus_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Page scripts never see the credential.
    expect(await page.evaluate(() => document.cookie)).not.toContain('cirrus_session');
    expect(cspViolations).toEqual([]);
  });

  test('the session survives a reload without the token coming back', async ({ app, workstation }) => {
    expect(app.url()).toBe(`${workstation.origin}/`);
    await app.reload();
    await new WorkstationPage(app).waitUntilReady();
    expect(app.url()).not.toContain('token');
  });

  test('without the token or the cookie the same address answers 401', async ({ request, workstation }) => {
    const bare = await request.get(`${workstation.origin}/`);
    expect(bare.status()).toBe(401);
    expect(await bare.text()).toContain('printed in the terminal');
    expect(bare.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    const wrong = await request.get(`${workstation.origin}/?token=not-the-token`, { maxRedirects: 0 });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()['set-cookie']).toBeUndefined();

    const asset = await request.get(`${workstation.origin}/index.html`);
    expect(asset.status()).toBe(401);
  });

  test('the WebSocket answers invalid input with typed errors and keeps serving', async ({ page, workstation }) => {
    await page.goto(workstation.url);
    const [garbage, unknown, wrongType, info] = await sendRawFrames(page, [
      '{this is not json',
      call(1, 'no.such.command', {}),
      call(2, 'case.open', { dir: 42 }),
      call(3, 'app.info', {}),
    ]);
    expect(garbage).toMatchObject({ type: 'result', id: -1, result: { ok: false, error: { code: 'validation' } } });
    expect(unknown).toMatchObject({ id: 1, result: { ok: false, error: { code: 'unknown_command' } } });
    expect(wrongType).toMatchObject({ id: 2, result: { ok: false, error: { code: 'validation' } } });
    expect(info).toMatchObject({ id: 3, result: { ok: true, value: { name: 'Cirrus', mode: 'browser', nativeDialogs: false } } });
  });

  test('a page from another local origin cannot open the WebSocket, even with the cookie', async ({ page, workstation }) => {
    await page.goto(workstation.url);
    expect(await socketOpens(page, `ws://127.0.0.1:${workstation.port}/ws`)).toBe(true);

    // Another web server on this machine (a dev server, a compromised local tool). Cookies ignore
    // ports, so the browser does send the session cookie from there: only the Origin check stops it.
    const attacker = createServer((_req, res) => res.end('<!doctype html><title>attacker</title>'));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      expect(await socketOpens(page, `ws://127.0.0.1:${workstation.port}/ws`)).toBe(false);
      // Refused by the host itself, not merely by the browser.
      await expect.poll(() => workstation.log()).toMatch(/refused a WebSocket.*"status":403/);
    } finally {
      attacker.close();
    }
  });
});
