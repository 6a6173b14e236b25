import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { err } from '../../src-shared/ipc/result.js';
import { storedCase } from '../test/fake-core.js';
import { renderApp } from '../test/render-app.js';
import { ErrorBoundary } from './error-boundary.js';

const nav = () => within(screen.getByRole('navigation', { name: 'Pages' }));

describe('workstation shell', () => {
  it('marks itself ready only once app.info has answered', async () => {
    let answer: (value: unknown) => void = () => {};
    const { transport, core } = renderApp({ override: { 'app.info': () => new Promise((resolve) => (answer = resolve)) as never } });
    expect(screen.getByText('Connecting to the Cirrus core…')).toBeTruthy();
    expect(screen.queryByTestId('app-ready')).toBeNull();
    await act(async () => answer({ ok: true, value: core.appInfo }));
    expect(await screen.findByTestId('app-ready')).toBeTruthy();
    expect(transport.callsOf('app.info')).toEqual([{}]);
  });

  it('explains a core that cannot be reached, and retries on request', async () => {
    let fail = true;
    const { core } = renderApp({
      override: { 'app.info': () => (fail ? err('internal', 'The core did not start: config folder unreadable.') : { ok: true, value: core.appInfo }) },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cirrus could not reach its core');
    expect(alert.textContent).toContain('The core did not start: config folder unreadable.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('app-ready')).toBeTruthy();
  });

  it('lists every page in the navigation and marks the current one', async () => {
    renderApp({ hash: '#/timeline' });
    await screen.findByTestId('app-ready');
    const links = nav().getAllByRole('link');
    expect(links.map((link) => link.textContent?.replace(/g \w$/, ''))).toEqual(['Case', 'Readiness', 'Collect', 'Timeline', 'Hits', 'Export']);
    expect(nav().getByRole('link', { name: 'Timeline' }).getAttribute('aria-current')).toBe('page');
    expect(nav().getByRole('link', { name: 'Case' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Timeline' })).toBeTruthy();

    act(() => {
      window.location.hash = nav().getByRole('link', { name: 'Hits' }).getAttribute('href') ?? '';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hits' })).toBeTruthy();
    expect(nav().getByRole('link', { name: 'Hits' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('Hits — Cirrus');
  });

  it('says plainly that a planned page has not landed, and to open a case first', async () => {
    renderApp({ hash: '#/hits' });
    const page = await screen.findByRole('region', { name: 'About Hits' });
    expect(page.textContent).toContain('has not landed in this build');
    expect((await within(page).findByRole('link', { name: 'Go to Case' })).getAttribute('href')).toBe('#/case');
    expect(within(page).queryByRole('button')).toBeNull();
  });

  it('drops "open a case first" once a case is open', async () => {
    const stored = storedCase('/cases/a', 'A');
    const { core, transport } = renderApp({ hash: '#/export' });
    await screen.findByText(/Open a case first/);
    core.setCurrent(stored);
    act(() => transport.emit({ name: 'case.changed', payload: { dir: '/cases/a' } }));
    await waitFor(() => expect(screen.queryByText(/Open a case first/)).toBeNull());
    expect(within(screen.getByRole('banner')).getByText('A')).toBeTruthy();
  });

  it('shows version and mode, and background jobs as job.progress events arrive', async () => {
    const { transport } = renderApp({ appInfo: { version: '0.4.2', mode: 'electron' } });
    await screen.findByTestId('app-ready');
    const bar = within(screen.getByRole('contentinfo', { name: 'Status bar' }));
    expect(bar.getByText('Cirrus 0.4.2 · Electron')).toBeTruthy();
    expect(bar.getByText('No background jobs')).toBeTruthy();

    const job = { jobId: 'j1', kind: 'unified-audit', done: 40, total: 100, note: 'window 2 of 5' } as const;
    act(() => transport.emit({ name: 'job.progress', payload: { ...job, status: 'running' } }));
    const list = within(bar.getByRole('list', { name: 'Background jobs' }));
    expect(list.getByText('unified-audit')).toBeTruthy();
    expect(list.getByText('40/100')).toBeTruthy();
    expect(list.getByText(/window 2 of 5/)).toBeTruthy();
    expect(list.getByRole('progressbar', { name: 'unified-audit progress' })).toBeTruthy();
    expect(bar.queryByText('No background jobs')).toBeNull();

    act(() => transport.emit({ name: 'job.progress', payload: { ...job, status: 'failed', done: 60, note: 'throttled' } }));
    expect(list.getAllByRole('listitem')).toHaveLength(1);
    expect(list.getByText('failed')).toBeTruthy();
    expect(list.queryByRole('progressbar')).toBeNull();
  });

  it('says when the link to the core is lost, and re-asks the core once it is back', async () => {
    const { transport } = renderApp();
    await screen.findByRole('heading', { name: 'Create a case' });
    const bar = within(screen.getByRole('contentinfo', { name: 'Status bar' }));
    expect(bar.queryByRole('status')).toBeNull();
    const before = transport.callsOf('case.current').length;
    act(() => transport.setConnection('disconnected'));
    expect(bar.getByRole('status').textContent).toBe('Connection to the core lost; reconnecting…');
    act(() => transport.setConnection('connected'));
    expect(bar.queryByRole('status')).toBeNull();
    await waitFor(() => expect(transport.callsOf('case.current').length).toBeGreaterThan(before));
  });

  it('opens the shortcuts dialog with ? and closes it with Escape', async () => {
    renderApp();
    await screen.findByTestId('app-ready');
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Go to Timeline')).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('changes page with g then a letter, but not while typing in a field', async () => {
    renderApp();
    await screen.findByRole('heading', { name: 'Create a case' });
    const name = screen.getByRole('textbox', { name: /^Case name/ });
    fireEvent.keyDown(name, { key: 'g' });
    fireEvent.keyDown(name, { key: 't' });
    expect(window.location.hash).toBe('#/case');
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 't' });
    await waitFor(() => expect(window.location.hash).toBe('#/timeline'));
  });
});

describe('ErrorBoundary', () => {
  it('shows what failed and the message, never the stack, and recovers on Try again', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('columns missing');
      return <p>fine now</p>;
    }
    render(
      <ErrorBoundary what="The Timeline page">
        <Fragile />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The Timeline page failed to display');
    expect(alert.textContent).toContain('columns missing');
    expect(alert.textContent).not.toContain('Fragile');
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine now')).toBeTruthy();
    spy.mockRestore();
  });
});
