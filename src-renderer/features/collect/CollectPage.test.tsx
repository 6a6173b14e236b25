import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err } from '../../../src-shared/ipc/result.js';
import { sampleSession } from '../../test/fake-cloud.js';
import { createFakeCollect, sampleJob, sampleOptions, type FakeCollectOptions } from '../../test/fake-collect.js';
import { storedCase } from '../../test/fake-core.js';
import type { FakeHandlers } from '../../test/fake-transport.js';
import { renderWithCloud } from '../../test/render-with-cloud.js';

/** The Collect page with a case open and an account signed in, over the fake collection core. */
async function openCollect(init: FakeCollectOptions = {}, override: FakeHandlers = {}) {
  const collect = createFakeCollect(init);
  const rendered = renderWithCloud({ session: sampleSession }, { hash: '#/collect', override: { ...collect.handlers, ...override } });
  collect.attach(rendered.transport);
  rendered.core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
  await screen.findByRole('heading', { level: 1, name: 'Collect' });
  await screen.findByRole('form', { name: 'Collect' });
  return { ...rendered, collect };
}

const sourceBox = (label: string) => screen.getByRole('checkbox', { name: label }) as HTMLInputElement;
const startButton = () => screen.getByRole('button', { name: 'Start collection' });
const jobsTable = () => screen.findByRole('table', { name: 'Collection jobs' });
const describedText = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

// Whole-app renders on a busy machine take seconds; the default 5 s is too tight for them.
describe('Collect page', { timeout: 20_000 }, () => {
  it('asks for a case first when none is open', async () => {
    renderWithCloud({ session: sampleSession }, { hash: '#/collect', override: createFakeCollect().handlers });
    const about = await screen.findByRole('region', { name: 'About Collect' });
    expect(about.textContent).toContain('Open a case first');
    expect(within(about).getByRole('link', { name: 'Go to Case' }).getAttribute('href')).toBe('#/case');
    expect(screen.queryByRole('form', { name: 'Collect' })).toBeNull();
  });

  it('says to sign in, or to run readiness, with a link to the Readiness page', async () => {
    const { collect, transport } = await openCollect({ options: sampleOptions({ signedIn: false }) });
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('Not signed in.');
    expect(within(note).getByRole('link', { name: 'Sign in on the Readiness page' }).getAttribute('href')).toBe('#/readiness');

    collect.setOptions(sampleOptions({ readinessRunAt: null }));
    act(() => transport.emit({ name: 'auth.changed', payload: { signedIn: true, pending: null, session: sampleSession, cacheProtection: 'file' } }));
    await waitFor(() => expect(screen.getByRole('note').textContent).toContain('No readiness check in this case yet.'));
    expect(within(screen.getByRole('note')).getByRole('link', { name: 'Run readiness' }).getAttribute('href')).toBe('#/readiness');
  });

  it('disables blocked sources with their readiness reason, and shows earliest dates and warnings', async () => {
    await openCollect();
    const devops = sourceBox('Azure DevOps audit');
    expect(devops.disabled).toBe(true);
    expect(describedText(devops)).toContain('no usable answer from the readiness check (connection reset)');
    expect(screen.getByText(/no token could be obtained — consent missing/)).toBeTruthy();
    expect((sourceBox('Management Activity API (last 7 days)')).disabled).toBe(true);

    const signIns = sourceBox('Entra ID sign-ins');
    expect(signIns.disabled).toBe(false);
    expect(describedText(signIns)).toContain('Recoverable from 2025-02-02 10:00:00 UTC');
    const ual = sourceBox('Unified Audit Log');
    expect(describedText(ual)).toContain('The full preset over 180 days can reach millions of records.');
    expect(screen.getByText(/Availability from the readiness check of/).textContent).toContain('Availability from the readiness check of 2025-03-04 10:00:07 UTC.');

    fireEvent.click(screen.getByRole('button', { name: 'Choose all available' }));
    expect(sourceBox('Unified Audit Log').checked).toBe(true);
    expect(sourceBox('Azure DevOps audit').checked).toBe(false);
    expect(screen.getByText('6 sources chosen.')).toBeTruthy();
  });

  it('refuses an invalid form in the schema’s words, without calling the core', async () => {
    const { transport } = await openCollect();
    fireEvent.click(startButton());
    expect(await screen.findByText('choose at least one source')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Nothing was started');

    fireEvent.click(sourceBox('Mailbox audit (user search)'));
    fireEvent.click(startButton());
    const users = screen.getByRole('textbox', { name: /^Users/ });
    expect(await screen.findByText('mailbox audit is collected for named users: give at least one user')).toBeTruthy();
    expect(users.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(sourceBox('Unified Audit Log'));
    fireEvent.change(users, { target: { value: 'cfo@contoso.example' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'IP addresses' }), { target: { value: '203.0.113.7\nnot-an-ip' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'From (UTC)' }), { target: { value: '04/03/2025' } });
    fireEvent.click(startButton());
    expect(await screen.findByText('“not-an-ip”: an IPv4 or IPv6 address')).toBeTruthy();
    expect(screen.getByText('Enter a UTC date as YYYY-MM-DD or YYYY-MM-DD HH:MM.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'IP addresses' }), { target: { value: '203.0.113.7' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'From (UTC)' }), { target: { value: '2025-03-04' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'To (UTC)' }), { target: { value: '2025-03-01 12:00' } });
    fireEvent.click(startButton());
    expect(await screen.findByText('the range must start before it ends')).toBeTruthy();
    expect(transport.callsOf('collect.start')).toEqual([]);
  });

  it('starts the chosen sources with their options, then lists the jobs with notices and refusals', async () => {
    const { transport, collect } = await openCollect({}, {});
    fireEvent.click(sourceBox('Unified Audit Log'));
    fireEvent.click(sourceBox('Entra ID sign-ins'));
    fireEvent.click(sourceBox('Azure Activity Log'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset' }), { target: { value: 'light:ExchangeOnly' } });
    expect(screen.getByText('Exchange operations only')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /^Graph audit log query/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^userLogin/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Managed identity sign-ins' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Azure subscriptions' }), { target: { value: 'sub-1, sub-2' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'From (UTC)' }), { target: { value: '2024-01-01' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'To (UTC)' }), { target: { value: '2025-03-03' } });
    fireEvent.click(startButton());

    await waitFor(() => expect(transport.callsOf('collect.start')).toHaveLength(1));
    expect(transport.callsOf('collect.start')[0]).toEqual({
      sources: ['ual', 'signins', 'azure'],
      from: '2024-01-01T00:00:00.000Z',
      to: '2025-03-04T00:00:00.000Z',
      ualChannel: 'graph_audit_query',
      preset: 'light:ExchangeOnly',
      optIns: ['userLogin'],
      users: [],
      ips: [],
      signInKinds: ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal'],
      subscriptions: ['sub-1', 'sub-2'],
      organizations: [],
    });
    const outcome = await screen.findByRole('status', { name: 'Start result' });
    expect(outcome.textContent).toContain('Started 3 jobs: Unified Audit Log, Entra ID sign-ins, Azure Activity Log');
    const notices = within(within(outcome).getByRole('list', { name: 'Notices' })).getAllByRole('listitem');
    expect(notices.map((n) => n.textContent)).toEqual([
      expect.stringContaining('Unified Audit Log: the range starts at 2024-09-05'),
      expect.stringContaining('Entra ID sign-ins: the range starts at 2025-02-02'),
      expect.stringContaining('Azure Activity Log: the range starts at 2024-12-04'),
    ]);

    const rows = within(await jobsTable()).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').querySelector('.job-label')?.textContent)).toEqual([
      'Azure Activity Log',
      'Entra ID sign-ins',
      'Unified Audit Log',
    ]);
    expect(collect.jobs()).toHaveLength(3);
  });

  it('shows the sources the core refused, with its reason', async () => {
    const collect = createFakeCollect();
    const { transport } = await openCollect({}, {
      // The page's options said DevOps could start; the core, asked a moment later, refuses it.
      'collect.options': () => ({ ok: true, value: sampleOptions({ sources: sampleOptions().sources.map((s) => ({ ...s, available: true, blockedReason: null })) }) }),
      'collect.start': collect.handlers['collect.start'],
    });
    fireEvent.click(sourceBox('Azure DevOps audit'));
    fireEvent.click(startButton());
    await waitFor(() => expect(transport.callsOf('collect.start')).toHaveLength(1));
    const refused = within(await screen.findByRole('list', { name: 'Refused sources' }));
    expect(refused.getByText(/no usable answer from the readiness check/)).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Start result' }).textContent).toContain('No job started.');
  });

  it('names the failure when the core rejects the start', async () => {
    await openCollect({}, { 'collect.start': () => err('not_signed_in', 'The token cache no longer holds the signed-in account; sign in again.') });
    fireEvent.click(sourceBox('Entra ID audit'));
    fireEvent.click(startButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Collection did not start');
    expect(alert.textContent).toContain('sign in again');
  });

  it('lists each job with its progress and counts, and cancels or resumes the right job', async () => {
    const running = sampleJob({ id: 7 });
    const paused = sampleJob({ id: 5, source: 'signins', status: 'paused', note: 'interrupted: the process ended while this job ran', rate: null, etaSeconds: null });
    const { transport } = await openCollect({ jobs: [running, paused] });
    const table = await jobsTable();
    const row7 = table.querySelector('tr[data-job-id="7"]') as HTMLElement;
    const bar = within(row7).getByRole('progressbar', { name: 'Windows of job 7 (Unified Audit Log)' }) as HTMLProgressElement;
    expect(bar.value).toBe(2);
    expect(bar.max).toBe(6);
    expect(row7.textContent).toContain('2 / 6 windows');
    expect(row7.textContent).toContain('1,200 / 1,150');
    expect(row7.textContent).toContain('240 rec/s');
    expect(row7.textContent).toContain('1 min 15 s');
    expect(row7.textContent).toContain('4 s');
    expect(within(row7).queryByRole('button', { name: /^Resume/ })).toBeNull();

    const row5 = table.querySelector('tr[data-job-id="5"]') as HTMLElement;
    expect(row5.textContent).toContain('paused');
    expect(row5.textContent).toContain('interrupted: the process ended');
    expect(within(row5).queryByRole('button', { name: /^Cancel/ })).toBeNull();

    fireEvent.click(within(row7).getByRole('button', { name: 'Cancel job 7 (Unified Audit Log)' }));
    await waitFor(() => expect(transport.callsOf('collect.cancel')).toEqual([{ jobId: 7 }]));
    await waitFor(() => expect((table.querySelector('tr[data-job-id="7"]') as HTMLElement).textContent).toContain('cancelled'));
    expect(within(table.querySelector('tr[data-job-id="7"]') as HTMLElement).getByRole('button', { name: 'Resume job 7 (Unified Audit Log)' })).toBeTruthy();

    fireEvent.click(within(row5).getByRole('button', { name: 'Resume job 5 (Entra ID sign-ins)' }));
    await waitFor(() => expect(transport.callsOf('collect.resume')).toEqual([{ jobId: 5 }]));
    await waitFor(() => expect((table.querySelector('tr[data-job-id="5"]') as HTMLElement).textContent).toContain('running'));
  });

  it('says why a cancel failed', async () => {
    await openCollect({ jobs: [sampleJob({ id: 3 })] }, { 'collect.cancel': () => err('busy', 'The job is writing its last page; try again in a moment.') });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel job 3 (Unified Audit Log)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not cancel job 3 (Unified Audit Log)');
    expect(alert.textContent).toContain('writing its last page');
  });
});
