import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../src-shared/ipc/result.js';
import { sampleRun, sampleSession, type FakeCloudOptions } from '../../test/fake-cloud.js';
import { storedCase } from '../../test/fake-core.js';
import { renderWithCloud } from '../../test/render-with-cloud.js';

type AppOptions = NonNullable<Parameters<typeof renderWithCloud>[1]>;

/** The Readiness page with a case already open (the fake core's current case is set before the first read). */
async function openReadiness(cloud: FakeCloudOptions = {}, app: AppOptions = {}) {
  const rendered = renderWithCloud(cloud, { hash: '#/readiness', ...app });
  rendered.core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
  await screen.findByRole('heading', { level: 1, name: 'Readiness' });
  return rendered;
}

const matrix = () => screen.findByRole('table', { name: 'Readiness matrix' });
const rowHeaders = (table: HTMLElement) => within(table).getAllByRole('rowheader').map((th) => th.querySelector('.matrix-source-label')?.textContent);
const rowOf = (table: HTMLElement, label: string) => within(table).getByRole('rowheader', { name: new RegExp(`^${label}`) }).closest('tr') as HTMLTableRowElement;

describe('Readiness page', () => {
  it('asks for a case first when none is open', async () => {
    renderWithCloud({ session: sampleSession }, { hash: '#/readiness' });
    const about = await screen.findByRole('region', { name: 'About Readiness' });
    expect(about.textContent).toContain('Open a case first');
    expect(within(about).getByRole('link', { name: 'Go to Case' }).getAttribute('href')).toBe('#/case');
    expect(screen.queryByRole('table', { name: 'Readiness matrix' })).toBeNull();
  });

  it('shows the sign-in panel when signed out', async () => {
    const { transport } = await openReadiness();
    const section = await screen.findByRole('region', { name: 'Sign in to check readiness' });
    expect(within(section).getByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(within(section).getByRole('group', { name: 'Cloud' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Re-check|Run readiness check/ })).toBeNull();
    expect(transport.callsOf('readiness.run')).toEqual([]);
  });

  it('renders every status as a word, rows most urgent first, with earliest date and roll-off', async () => {
    await openReadiness({ session: sampleSession, latest: sampleRun() });
    const table = await matrix();
    expect(rowHeaders(table)).toEqual([
      'Management Activity API',
      'Entra ID sign-ins',
      'Entra ID audit',
      'Azure Activity Log',
      'Azure DevOps audit',
      'Unified Audit Log (Search-UnifiedAuditLog)',
      'Mailbox audit',
      'Graph audit log query',
    ]);
    const mgmt = within(rowOf(table, 'Management Activity API'));
    expect(mgmt.getByRole('button', { name: /^Management Activity API, Privilege: blocked\. .*no token could be obtained/ })).toBeTruthy();
    expect(mgmt.getByRole('button', { name: /^Management Activity API, History: blocked\./ })).toBeTruthy();
    expect(mgmt.getByText('2025-02-25 UTC')).toBeTruthy();
    expect(mgmt.getByText('already rolled off (16 days ago)')).toBeTruthy();

    const signIns = within(rowOf(table, 'Entra ID sign-ins'));
    expect(signIns.getByRole('button', { name: /^Entra ID sign-ins, Licence: ok\./ })).toBeTruthy();
    expect(signIns.getByRole('button', { name: /^Entra ID sign-ins, Audit setting: n\/a\./ })).toBeTruthy();
    expect(signIns.getByText('2025-02-02 UTC')).toBeTruthy();
    expect(signIns.getByText('rolls off in 7 days')).toBeTruthy();

    const devops = within(rowOf(table, 'Azure DevOps audit'));
    expect(devops.getByRole('button', { name: /^Azure DevOps audit, Privilege: unknown\./ })).toBeTruthy();
    const mailbox = within(rowOf(table, 'Mailbox audit'));
    expect(mailbox.getByRole('button', { name: /^Mailbox audit, Audit setting: warning\./ })).toBeTruthy();
    // The word is in the cell itself, not only in the accessible name.
    expect(within(mailbox.getByRole('button', { name: /Audit setting: warning/ })).getByText('warning')).toBeTruthy();

    expect(screen.getByTestId('last-checked').textContent).toMatch(
      /^Last checked 2025-03-04 10:00:07 UTC as responder@contoso\.example · tenant 11111111-2222-3333-4444-555555555555 · client 04b07795/,
    );
  });

  it('opens a cell’s evidence and remediation in a drawer, and closes it with Escape', async () => {
    await openReadiness({ session: sampleSession, latest: sampleRun() });
    const table = await matrix();
    const button = within(rowOf(table, 'Management Activity API')).getByRole('button', { name: /Privilege: blocked/ });
    fireEvent.click(button);
    const drawer = within(await screen.findByRole('dialog', { name: 'Management Activity API: Privilege' }));
    expect(drawer.getByText('blocked')).toBeTruthy();
    expect(drawer.getByText('Grant admin consent for ActivityFeed.Read, or sign in with an own app registration that holds it.')).toBeTruthy();
    const calls = within(drawer.getByRole('list', { name: 'Calls made' }));
    expect(calls.getByText('TOKEN')).toBeTruthy();
    expect(calls.getByText('https://manage.office.com/.default')).toBeTruthy();
    expect(calls.getByText('no answer')).toBeTruthy();
    expect(calls.getByText('AADSTS65001: consent required')).toBeTruthy();
    expect(calls.getByText('2025-03-04 10:00:01.250')).toBeTruthy();

    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('lists findings and the cmdlet that found them', async () => {
    await openReadiness({ session: sampleSession, latest: sampleRun() });
    const table = await matrix();
    fireEvent.click(within(rowOf(table, 'Mailbox audit')).getByRole('button', { name: /Audit setting: warning/ }));
    const drawer = within(await screen.findByRole('dialog', { name: 'Mailbox audit: Audit setting' }));
    const findings = within(drawer.getByRole('table', { name: 'Findings (2)' }));
    expect(findings.getByText('svc-sync@contoso.example')).toBeTruthy();
    expect(findings.getByText('cfo@contoso.example')).toBeTruthy();
    expect(drawer.getByText('Get-MailboxAuditBypassAssociation -ResultSize Unlimited')).toBeTruthy();
    expect(drawer.getByText('200')).toBeTruthy();
    expect(drawer.getByText(/Set-MailboxAuditBypassAssociation/)).toBeTruthy();
  });

  it('re-checks with the period start, disabled while running, then shows the new run', async () => {
    let finish: (result: Result<unknown>) => void = () => {};
    const { transport, cloud } = await openReadiness({ session: sampleSession, latest: null });
    cloud.onRun(() => new Promise((resolve) => (finish = resolve)));
    expect(await screen.findByText(/No readiness check has been run in this case yet/)).toBeTruthy();
    expect(screen.getByTestId('last-checked').textContent).toBe('Not checked yet in this case.');
    fireEvent.change(screen.getByLabelText('Period of interest starts (UTC date)'), { target: { value: '2025-02-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run readiness check' }));

    const busy = await screen.findByRole('button', { name: 'Checking…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Readiness check in progress' })).toBeTruthy();
    expect(transport.callsOf('readiness.run')).toEqual([{ periodStart: '2025-02-10' }]);

    await act(async () => finish(ok(sampleRun({ finishedAt: '2025-03-05T08:00:00.000Z' }))));
    expect(await matrix()).toBeTruthy();
    expect(screen.getByTestId('last-checked').textContent).toMatch(/^Last checked 2025-03-05 08:00:00 UTC as responder@contoso\.example/);
    const again = screen.getByRole('button', { name: 'Re-check' });
    expect((again as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(again);
    await waitFor(() => expect(transport.callsOf('readiness.run')).toHaveLength(2));
  });

  it('refuses a period start that is not a YYYY-MM-DD date or lies in the future, without calling the core', async () => {
    const { transport } = await openReadiness({ session: sampleSession, latest: null });
    const field = await screen.findByLabelText('Period of interest starts (UTC date)');
    fireEvent.change(field, { target: { value: '10/02/2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run readiness check' }));
    expect(await screen.findByText('Enter a date as YYYY-MM-DD, e.g. 2025-02-10.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: '2999-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run readiness check' }));
    expect(await screen.findByText('The period cannot start in the future.')).toBeTruthy();
    expect(transport.callsOf('readiness.run')).toEqual([]);
  });

  it('names the failure when a check cannot run, and when the saved run cannot be read', async () => {
    const { cloud } = await openReadiness(
      { session: sampleSession },
      { override: { 'readiness.latest': () => err('case_corrupt', 'The newest readiness run in this case does not match its recorded hash.') } },
    );
    const saved = await screen.findByRole('alert');
    expect(saved.textContent).toContain('Could not read the saved readiness check');
    expect(saved.textContent).toContain('does not match its recorded hash');

    cloud.onRun(() => err('not_signed_in', 'The token cache no longer holds the signed-in account; sign in again.'));
    fireEvent.click(screen.getByRole('button', { name: 'Run readiness check' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const failed = screen.getAllByRole('alert')[1]!;
    expect(failed.textContent).toContain('The readiness check did not finish');
    expect(failed.textContent).toContain('sign in again');
    expect(failed.textContent).toContain('not_signed_in');
  });

  it('says when the saved run was made as another account', async () => {
    await openReadiness({ session: { ...sampleSession, account: { ...sampleSession.account, username: 'second@contoso.example' } }, latest: sampleRun() });
    await matrix();
    expect(screen.getByRole('note').textContent).toMatch(/made as responder@contoso\.example .* you are signed in as second@contoso\.example/);
  });

  it('keeps a saved run readable after sign-out, with re-check disabled', async () => {
    await openReadiness({ session: null, latest: sampleRun() });
    expect(await screen.findByRole('region', { name: 'Sign in to check readiness' })).toBeTruthy();
    expect(await matrix()).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Re-check' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
