import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { err } from '../../../src-shared/ipc/result.js';
import { createFakeCollect, sampleJob } from '../../test/fake-collect.js';
import { storedCase } from '../../test/fake-core.js';
import { renderApp } from '../../test/render-app.js';

const bar = () => within(screen.getByRole('contentinfo', { name: 'Status bar' }));
const items = () => within(bar().getByRole('list', { name: 'Background jobs' })).getAllByRole('listitem');

describe('status bar jobs', () => {
  it('lists the case’s jobs from collect.jobs on any page, then follows job.progress', async () => {
    const collect = createFakeCollect({
      jobs: [
        sampleJob({ id: 3, status: 'complete', windows: { total: 4, complete: 4, gap: 0, failed: 0, running: 0, pending: 0, split: 0 } }),
        sampleJob({ id: 4, source: 'signins', status: 'running', windows: { total: 10, complete: 3, gap: 0, failed: 0, running: 1, pending: 4, split: 2 } }),
      ],
    });
    const { core, transport } = renderApp({ hash: '#/timeline', override: collect.handlers });
    collect.attach(transport);
    await screen.findByTestId('app-ready');
    // No case open: nothing to list, and nothing asked.
    expect(bar().getByText('No background jobs')).toBeTruthy();
    expect(transport.callsOf('collect.jobs')).toEqual([]);

    core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
    act(() => transport.emit({ name: 'case.changed', payload: { dir: '/cases/contoso' } }));
    await waitFor(() => expect(items()).toHaveLength(2));
    // Running work first; counts in windows (the split window is covered by its children).
    expect(items()[0]?.textContent).toBe('Entra ID sign-ins running 3/8');
    expect(within(items()[0]!).getByRole('progressbar', { name: 'Entra ID sign-ins progress' })).toBeTruthy();
    expect(items()[1]?.textContent).toBe('Unified Audit Log succeeded 4/4');

    act(() => transport.emit({ name: 'job.progress', payload: { jobId: '4', kind: 'signins', status: 'running', done: 6, total: 8, note: 'window 7 of 8' } }));
    expect(items()[0]?.textContent).toBe('Entra ID sign-ins running 6/8 · window 7 of 8');
    act(() => transport.emit({ name: 'job.progress', payload: { jobId: '4', kind: 'signins', status: 'succeeded', done: 8, total: 8, note: '' } }));
    expect(items().map((item) => item.textContent)).toEqual(['Entra ID sign-ins succeeded 8/8', 'Unified Audit Log succeeded 4/4']);
    expect(bar().queryByRole('progressbar')).toBeNull();

    // A job the list did not hold (started elsewhere since) shows by its source, or by its kind.
    act(() => transport.emit({ name: 'job.progress', payload: { jobId: '9', kind: 'azure', status: 'queued', done: 0, total: null, note: '' } }));
    expect(items()[0]?.textContent).toBe('Azure Activity Log queued 0');
    act(() => transport.emit({ name: 'job.progress', payload: { jobId: 'x-1', kind: 'export', status: 'running', done: 3, total: null, note: '' } }));
    expect(items()[0]?.textContent).toBe('export running 3');
  });

  it('forgets the jobs of a case that was closed', async () => {
    const collect = createFakeCollect({ jobs: [sampleJob({ id: 1 })] });
    const { core, transport } = renderApp({ hash: '#/case', override: collect.handlers });
    collect.attach(transport);
    core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
    await waitFor(() => expect(items()).toHaveLength(1));
    core.setCurrent(null);
    act(() => transport.emit({ name: 'case.changed', payload: { dir: null } }));
    await waitFor(() => expect(bar().getByText('No background jobs')).toBeTruthy());
  });

  it('says when the case’s jobs cannot be listed', async () => {
    const { core } = renderApp({ hash: '#/case', override: { 'collect.jobs': () => err('case_corrupt', 'collection_jobs is unreadable.') } });
    core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
    const note = await screen.findByText('Could not list this case’s jobs');
    expect(note.getAttribute('title')).toBe('collection_jobs is unreadable.');
  });
});
