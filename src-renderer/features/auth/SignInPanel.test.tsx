import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { err } from '../../../src-shared/ipc/result.js';
import { sampleSession } from '../../test/fake-cloud.js';
import { renderWithCloud as render } from '../../test/render-with-cloud.js';

/** Renders the workstation and waits for the header's sign-in area. */
async function renderWithCloud(...args: Parameters<typeof render>) {
  const rendered = render(...args);
  await screen.findByTestId('header-account');
  return rendered;
}

const header = () => within(screen.getByTestId('header-account'));

async function openDialog() {
  fireEvent.click(await header().findByRole('button', { name: 'Sign in…' }));
  return within(await screen.findByRole('dialog', { name: 'Sign in' }));
}

const deviceCode = { userCode: 'HFJQ-7T2K', verificationUri: 'https://microsoft.com/devicelogin', expiresAt: '', message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code HFJQ-7T2K to authenticate.' };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('sign-in', () => {
  it('offers every cloud, the demo tenant marked simulated, and says where the token cache lives', async () => {
    await renderWithCloud({ cacheProtection: 'file' });
    expect(await header().findByText('Not signed in')).toBeTruthy();
    const dialog = await openDialog();
    const clouds = within(dialog.getByRole('group', { name: 'Cloud' }));
    const names = clouds.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent);
    expect(names).toEqual(['Global (commercial, incl. US GCC)', 'US Government (GCC High)', 'US Government DoD', 'China (operated by 21Vianet)', 'Demo tenant (simulated)simulated']);
    expect((clouds.getByRole('radio', { name: /Global/ }) as HTMLInputElement).checked).toBe(true);
    expect(await dialog.findByText('https://login.microsoftonline.com')).toBeTruthy();
    expect(dialog.getByTestId('token-cache').textContent).toMatch(/file only your user account can read \(mode 0600\).*not encrypted/);
    // The default client and why, from auth.requirements.
    expect(await dialog.findByText(/Leave empty to use the default client, Default public client/)).toBeTruthy();
    expect(dialog.getByRole('table', { name: 'Delegated permissions' })).toBeTruthy();
  });

  it('states an OS-encrypted or memory-only cache as such', async () => {
    await renderWithCloud({ cacheProtection: 'memory' });
    const dialog = await openDialog();
    expect(dialog.getByTestId('token-cache').textContent).toMatch(/in memory only/);
    fireEvent.click(dialog.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(header().getByRole('button', { name: 'Sign in…' }));
  });

  it('says where the browser sign-in page opens in browser mode', async () => {
    await renderWithCloud({}, { appInfo: { mode: 'browser' } });
    const dialog = await openDialog();
    const browser = dialog.getByRole('radio', { name: /Sign in with browser/ });
    expect(browser.closest('label')?.textContent).toMatch(/machine running Cirrus.*prints the address in the terminal/);
  });

  it('checks tenant and client id with the contract schema before asking the core', async () => {
    const { transport } = await renderWithCloud();
    const dialog = await openDialog();
    fireEvent.change(dialog.getByRole('textbox', { name: /^Application \(client\) id/ }), { target: { value: 'not-a-guid' } });
    fireEvent.change(dialog.getByRole('textbox', { name: /^Tenant/ }), { target: { value: 'contoso onmicrosoft' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    expect(await dialog.findByText('Must be an application (client) id GUID')).toBeTruthy();
    expect(dialog.getByText(/^Must be a tenant id, a domain/)).toBeTruthy();
    expect(transport.callsOf('auth.signIn')).toEqual([]);
  });

  it('asks for the simulator address when the host runs none, and sends it with the demo sign-in', async () => {
    const { transport } = await renderWithCloud();
    const dialog = await openDialog();
    fireEvent.click(dialog.getByRole('radio', { name: /Demo tenant/ }));
    expect(dialog.getByText(/not a real tenant/)).toBeTruthy();
    fireEvent.click(dialog.getByRole('radio', { name: /^Device code/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    expect(await dialog.findByText(/Enter the simulator’s address/)).toBeTruthy();
    fireEvent.change(dialog.getByRole('textbox', { name: /^Simulator address/ }), { target: { value: 'https://127.0.0.1:8443' } });
    fireEvent.change(dialog.getByRole('textbox', { name: /^Simulator CA certificate file/ }), { target: { value: '/state/ca.pem' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(transport.callsOf('auth.signIn')).toEqual([{ cloud: 'sim', method: 'deviceCode', demo: { baseUrl: 'https://127.0.0.1:8443', caCertPath: '/state/ca.pem' } }]),
    );
  });

  it('shows the device code large, copies it, opens the address through the core, counts down, and signs in', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { transport, cloud } = await renderWithCloud();
    const dialog = await openDialog();
    fireEvent.change(dialog.getByRole('textbox', { name: /^Tenant/ }), { target: { value: 'contoso.onmicrosoft.com' } });
    fireEvent.click(dialog.getByRole('radio', { name: /^Device code/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    expect(await dialog.findByText('Waiting for a device code…')).toBeTruthy();
    expect(transport.callsOf('auth.signIn')).toEqual([{ cloud: 'global', method: 'deviceCode', tenant: 'contoso.onmicrosoft.com' }]);
    expect(await header().findByText('Signing in…')).toBeTruthy();

    const expiresAt = new Date(Date.now() + 15 * 60_000).toISOString();
    act(() => transport.emit({ name: 'auth.deviceCode', payload: { ...deviceCode, expiresAt } }));
    const code = await dialog.findByTestId('device-code');
    expect(code.textContent).toBe('HFJQ-7T2K');
    expect(dialog.getByTestId('device-code-expiry').textContent).toMatch(/^Code expires in 1[45]:\d\d \(at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/);

    fireEvent.click(dialog.getByRole('button', { name: 'Copy code' }));
    expect(await dialog.findByText('Copied to the clipboard')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('HFJQ-7T2K');

    const link = dialog.getByRole('link', { name: 'https://microsoft.com/devicelogin' });
    fireEvent.click(link);
    await waitFor(() => expect(transport.callsOf('shell.openExternal')).toEqual([{ url: 'https://microsoft.com/devicelogin' }]));

    act(() => cloud.approve());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(header().getByText(sampleSession.account.username)).toBeTruthy();
    expect(document.activeElement).toBe(header().getByRole('button', { name: 'Sign out' }));
    expect(header().getByText('contoso.onmicrosoft.com')).toBeTruthy();
    expect(header().getByText('Global (commercial, incl. US GCC)')).toBeTruthy();
  });

  it('says so when the code cannot be copied, and when it has expired', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    const { transport } = await renderWithCloud();
    const dialog = await openDialog();
    fireEvent.click(dialog.getByRole('radio', { name: /^Device code/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    await dialog.findByText('Waiting for a device code…');
    act(() => transport.emit({ name: 'auth.deviceCode', payload: { ...deviceCode, expiresAt: new Date(Date.now() - 1000).toISOString() } }));
    expect(await dialog.findByText('The code has expired. Cancel and start the sign-in again.')).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: 'Copy code' }));
    expect(await dialog.findByText(/Could not copy: select the code and copy it by hand/)).toBeTruthy();
  });

  it('cancels a waiting sign-in with auth.cancel and returns to the form', async () => {
    const { transport } = await renderWithCloud();
    const dialog = await openDialog();
    fireEvent.click(dialog.getByRole('radio', { name: /^Device code/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    act(() => transport.emit({ name: 'auth.deviceCode', payload: { ...deviceCode, expiresAt: new Date(Date.now() + 60_000).toISOString() } }));
    fireEvent.click(await dialog.findByRole('button', { name: 'Cancel sign-in' }));
    expect(await dialog.findByText('Sign-in cancelled. Nothing was stored.')).toBeTruthy();
    expect(transport.callsOf('auth.cancel')).toEqual([{}]);
    expect(dialog.queryByTestId('device-code')).toBeNull();
    expect(dialog.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    // The form keeps what was chosen, so a second attempt is one click.
    expect((dialog.getByRole('radio', { name: /^Device code/ }) as HTMLInputElement).checked).toBe(true);
    expect(header().getByText('Not signed in')).toBeTruthy();
  });

  it('waits for the browser sign-in, saying where it opened, and can cancel it', async () => {
    const { transport } = await renderWithCloud({}, { appInfo: { mode: 'electron' } });
    const dialog = await openDialog();
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    expect(await dialog.findByText('Waiting for you to finish signing in in the browser…')).toBeTruthy();
    expect(dialog.getByText(/opens in your default browser on this computer/)).toBeTruthy();
    expect(transport.callsOf('auth.signIn')).toEqual([{ cloud: 'global', method: 'interactive' }]);
    fireEvent.click(dialog.getByRole('button', { name: 'Cancel sign-in' }));
    await waitFor(() => expect(transport.callsOf('auth.cancel')).toEqual([{}]));
  });

  it('names the failure when the identity platform refuses the sign-in', async () => {
    const { cloud } = await renderWithCloud();
    const dialog = await openDialog();
    fireEvent.click(dialog.getByRole('button', { name: 'Sign in' }));
    await dialog.findByText('Waiting for you to finish signing in in the browser…');
    act(() => cloud.fail('sign_in_failed', 'Sign-in to Global failed: AADSTS53003 blocked by Conditional Access.'));
    const alert = await dialog.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in failed');
    expect(alert.textContent).toContain('AADSTS53003 blocked by Conditional Access.');
    expect(alert.textContent).toContain('sign_in_failed');
  });

  it('shows the signed-in account, tenant and cloud in the header, and signs out', async () => {
    const { transport } = await renderWithCloud({ session: { ...sampleSession, tenant: 'organizations' } });
    expect(await header().findByText(sampleSession.account.username)).toBeTruthy();
    // Signed in to "organizations": the header names the tenant the account resolved to.
    expect(header().getByText(sampleSession.account.tenantId)).toBeTruthy();
    fireEvent.click(header().getByRole('button', { name: 'Sign out' }));
    expect(await header().findByText('Not signed in')).toBeTruthy();
    expect(transport.callsOf('auth.signOut')).toEqual([{}]);
  });

  it('reports a sign-out the core refused', async () => {
    await renderWithCloud({ session: sampleSession }, { override: { 'auth.signOut': () => err('internal', 'token cache file is locked') } });
    fireEvent.click(await header().findByRole('button', { name: 'Sign out' }));
    expect(await header().findByText('Sign-out failed: token cache file is locked')).toBeTruthy();
    expect(header().getByText(sampleSession.account.username)).toBeTruthy();
  });
});
