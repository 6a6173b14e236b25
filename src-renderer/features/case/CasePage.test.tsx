import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err } from '../../../src-shared/ipc/result.js';
import { storedCase } from '../../test/fake-core.js';
import { renderApp } from '../../test/render-app.js';

const createForm = () => within(screen.getByRole('form', { name: 'Create a case' }));
const openForm = () => within(screen.getByRole('form', { name: 'Open a case' }));
const field = (label: RegExp) => createForm().getByRole('textbox', { name: label }) as HTMLInputElement;
const type = (label: RegExp, value: string) => fireEvent.change(field(label), { target: { value } });

async function openCreateForm(options: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp(options);
  await screen.findByRole('heading', { name: 'Create a case' });
  return app;
}

describe('Case page', () => {
  it('says no case is open and shows the create form, open field and recent list', async () => {
    await openCreateForm();
    expect(within(screen.getByRole('banner')).getByText('No case open')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Open a case' })).toBeTruthy();
    expect(await screen.findByText(/No recent cases/)).toBeTruthy();
  });

  it('checks the form with the contract schema before sending anything', async () => {
    const { transport } = await openCreateForm();
    fireEvent.click(createForm().getByRole('button', { name: 'Create case' }));
    expect(await screen.findByText('Case name is required')).toBeTruthy();
    expect(screen.getByText('Examiner is required')).toBeTruthy();
    expect(screen.getByText('Folder is required')).toBeTruthy();
    expect(field(/^Case name/).getAttribute('aria-invalid')).toBe('true');
    expect(transport.callsOf('case.create')).toEqual([]);
    type(/^Case name/, 'x');
    expect(screen.queryByText('Case name is required')).toBeNull();
  });

  it('proposes <default cases folder>/<slug> until the folder is edited by hand', async () => {
    await openCreateForm();
    type(/^Case name/, 'Contoso BEC');
    expect(field(/^Case folder/).value).toBe('/cases/contoso-bec');
    type(/^Case folder/, '/evidence/bec');
    type(/^Case name/, 'Contoso BEC 2');
    expect(field(/^Case folder/).value).toBe('/evidence/bec');
    expect(screen.queryByRole('button', { name: 'Choose…' })).toBeNull();
  });

  it('offers the native folder picker when the host has one', async () => {
    const { transport } = await openCreateForm({ appInfo: { nativeDialogs: true }, pickFolder: '/picked/case' });
    fireEvent.click(createForm().getByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect(field(/^Case folder/).value).toBe('/picked/case'));
    expect(transport.callsOf('shell.pickFolder')).toEqual([{ purpose: 'create' }]);
  });

  it('shows the core’s validation details beside the fields they name, and the rest in the alert', async () => {
    await openCreateForm({
      override: {
        'case.create': () =>
          err('validation', 'The case could not be created.', [
            { path: 'dir', message: 'folder is not writable' },
            { path: 'quota', message: 'disk is nearly full' },
          ]),
      },
    });
    type(/^Case name/, 'Fabrikam');
    type(/^Examiner/, 'Analyst');
    fireEvent.click(createForm().getByRole('button', { name: 'Create case' }));
    expect(await screen.findByText('Folder is not writable')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Could not create the case')).toBeTruthy();
    expect(within(alert).getByText(/disk is nearly full/)).toBeTruthy();
  });

  it('creates a case and shows its information and custody log', async () => {
    const { transport } = await openCreateForm();
    type(/^Case name/, 'Fabrikam takeover');
    type(/^Examiner/, 'Analyst One');
    type(/^Tenant label/, 'fabrikam.example');
    type(/^Description/, 'Suspicious inbox rules');
    fireEvent.click(createForm().getByRole('button', { name: 'Create case' }));

    expect(await screen.findByRole('heading', { name: 'Case: Fabrikam takeover' })).toBeTruthy();
    expect(transport.callsOf('case.create')).toEqual([
      { dir: '/cases/fabrikam-takeover', name: 'Fabrikam takeover', examiner: 'Analyst One', tenantLabel: 'fabrikam.example', description: 'Suspicious inbox rules' },
    ]);
    const facts = screen.getByRole('region', { name: 'Case information' });
    expect(within(facts).getByText('/cases/fabrikam-takeover')).toBeTruthy();
    expect(within(facts).getByText('Created (UTC)')).toBeTruthy();
    expect(within(facts).getByText(/^2025-03-04 10:00:\d\d UTC$/)).toBeTruthy();
    const log = screen.getByRole('table', { name: 'Custody log' });
    const rows = within(log).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByText('case.created')).toBeTruthy();
    expect(screen.getByTestId('custody-chain').textContent).toBe('Hash chain: intact');
    const header = within(screen.getByRole('banner'));
    expect(header.getByText('Fabrikam takeover')).toBeTruthy();
    expect(header.getByText('fabrikam.example')).toBeTruthy();
    expect(header.getByText('Analyst One')).toBeTruthy();
  });

  it('opens a recent case on click, with the custody log now holding the opening', async () => {
    const stored = storedCase('/cases/alpha', 'Alpha');
    const { transport } = await openCreateForm({ existing: [stored], recent: [{ dir: stored.dir, name: 'Alpha', lastOpenedAt: '2025-02-02T09:00:00.000Z' }] });
    const recent = screen.getByRole('region', { name: 'Recent cases' });
    expect(await within(recent).findByText('2025-02-02 09:00:00 UTC')).toBeTruthy();
    fireEvent.click(within(recent).getByRole('button', { name: /^Alpha/ }));
    expect(await screen.findByRole('heading', { name: 'Case: Alpha' })).toBeTruthy();
    expect(transport.callsOf('case.open')).toEqual([{ dir: '/cases/alpha' }]);
    const rows = within(screen.getByRole('table', { name: 'Custody log' })).getAllByRole('row');
    expect(rows.map((row) => (row as HTMLTableRowElement).cells[2]?.textContent)).toEqual(['Action', 'case.created', 'case.opened']);
  });

  it('forgets a recent case without opening it', async () => {
    const { transport } = await openCreateForm({ recent: [{ dir: '/cases/old', name: 'Old', lastOpenedAt: '2025-01-01T00:00:00.000Z' }] });
    fireEvent.click(await screen.findByRole('button', { name: 'Forget Old' }));
    expect(await screen.findByText(/No recent cases/)).toBeTruthy();
    expect(transport.callsOf('case.forgetRecent')).toEqual([{ dir: '/cases/old' }]);
    expect(transport.callsOf('case.open')).toEqual([]);
  });

  it('names what failed and why when a recent case cannot be opened, without a stack', async () => {
    await openCreateForm({ recent: [{ dir: '/cases/gone', name: 'Gone', lastOpenedAt: '2025-01-01T00:00:00.000Z' }] });
    fireEvent.click(await screen.findByRole('button', { name: /^Gone/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not open “Gone”')).toBeTruthy();
    expect(within(alert).getByText('No Cirrus case in /cases/gone: case.sqlite is missing.')).toBeTruthy();
    expect(within(alert).getByText('case_not_found')).toBeTruthy();
    expect(alert.textContent).not.toMatch(/\bat\s+\S+\s+\(/);
  });

  it('asks for a folder before opening, and reports the core’s refusal', async () => {
    const { transport } = await openCreateForm();
    fireEvent.click(openForm().getByRole('button', { name: 'Open' }));
    expect(await openForm().findByText('Enter the folder that holds the case')).toBeTruthy();
    expect(transport.callsOf('case.open')).toEqual([]);
    fireEvent.change(openForm().getByRole('textbox', { name: /^Case folder/ }), { target: { value: ' /nowhere ' } });
    fireEvent.click(openForm().getByRole('button', { name: 'Open' }));
    const alert = await openForm().findByRole('alert');
    expect(alert.textContent).toContain('Could not open the case');
    expect(alert.textContent).toContain('No Cirrus case in /nowhere');
    expect(transport.callsOf('case.open')).toEqual([{ dir: '/nowhere' }]);
  });

  it('closes the case and returns to the start screen', async () => {
    const stored = storedCase('/cases/beta', 'Beta');
    await openCreateForm({ existing: [stored], recent: [{ dir: stored.dir, name: 'Beta', lastOpenedAt: '2025-02-02T09:00:00.000Z' }] });
    fireEvent.click(await screen.findByRole('button', { name: /^Beta/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Close case' }));
    expect(await screen.findByRole('heading', { name: 'Create a case' })).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByText('No case open')).toBeTruthy();
  });

  it('says BROKEN, in words, when the custody chain does not verify', async () => {
    const stored = storedCase('/cases/tampered', 'Tampered', false);
    await openCreateForm({ existing: [stored], recent: [{ dir: stored.dir, name: 'Tampered', lastOpenedAt: '2025-02-02T09:00:00.000Z' }] });
    fireEvent.click(await screen.findByRole('button', { name: /^Tampered/ }));
    expect((await screen.findByTestId('custody-chain')).textContent).toBe('Hash chain: BROKEN');
    expect(screen.getByRole('alert').textContent).toMatch(/may have been changed outside Cirrus/);
  });
});
