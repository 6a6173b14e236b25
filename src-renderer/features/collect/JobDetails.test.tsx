import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleSession } from '../../test/fake-cloud.js';
import { createFakeCollect, sampleJob, type FakeCollectOptions } from '../../test/fake-collect.js';
import { storedCase } from '../../test/fake-core.js';
import { renderWithCloud } from '../../test/render-with-cloud.js';
import { REFRESH_INTERVAL_MS } from './use-collect-refresh.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-02T00:00:00.000Z');

async function openJobs(init: FakeCollectOptions) {
  const collect = createFakeCollect(init);
  const rendered = renderWithCloud({ session: sampleSession }, { hash: '#/collect', override: collect.handlers });
  collect.attach(rendered.transport);
  rendered.core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
  await screen.findByRole('table', { name: 'Collection jobs' });
  return { ...rendered, collect };
}

const details = (jobId: number, label: string) => screen.getByRole('button', { name: `Show details of job ${jobId} (${label})` });
const progressOf = (jobId: number) =>
  ({ name: 'job.progress', payload: { jobId: String(jobId), kind: 'ual', status: 'running', done: 1, total: 6, note: '' } }) as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Whole-app renders on a busy machine take seconds; the default 5 s is too tight for them.
describe('Collect page: a job’s coverage and log', { timeout: 20_000 }, () => {
  it('draws one strip per channel with a legend, named segments, a text summary, and the reason of a gap', async () => {
    const job = sampleJob({ id: 4, rangeStart: T0, rangeEnd: T0 + 6 * HOUR });
    const segment = (i: number, status: 'complete' | 'gap' | 'failed' | 'pending', detail: string | null = null) => ({ startMs: T0 + i * HOUR, endMs: T0 + (i + 1) * HOUR, status, detail });
    const exo = {
      source: 'ual',
      channel: 'exo_search',
      rangeStart: T0,
      rangeEnd: T0 + 6 * HOUR,
      segments: [segment(0, 'complete'), segment(1, 'complete'), segment(2, 'gap', '52,000 records in one minute; 50,000 fetched'), segment(3, 'complete'), segment(4, 'failed', 'HTTP 500 after 5 attempts'), segment(5, 'pending')],
    };
    const mailbox = { ...exo, channel: 'mailbox_audit', segments: [0, 1, 2, 3, 4, 5].map((i) => segment(i, 'complete')) };
    await openJobs({ jobs: [job], coverage: { 4: [exo, mailbox] } });
    fireEvent.click(details(4, 'Unified Audit Log'));

    const view = await screen.findByRole('region', { name: 'Coverage of job 4' });
    const legend = within(within(view).getByRole('list', { name: 'Coverage legend' })).getAllByRole('listitem');
    expect(legend.map((item) => item.textContent)).toEqual(['complete', 'gap', 'failed', 'running', 'pending']);

    expect(within(view).getByTestId('windows-summary').textContent).toBe('2 of 6 windows complete · 1 running · 3 pending');
    const strips = await within(view).findAllByRole('figure');
    expect(strips).toHaveLength(2);
    expect(within(strips[0]!).getByTestId('coverage-summary').textContent).toBe('50% of the range complete · gap 17% · failed 17% · pending 17%');
    expect(within(strips[1]!).getByTestId('coverage-summary').textContent).toBe('100% of the range complete');

    const windows = within(within(strips[0]!).getByRole('list', { name: 'Windows of ual exo_search' }));
    const first = windows.getByRole('listitem', { name: '2025-03-02 00:00 – 2025-03-02 01:00 UTC: complete' });
    expect(first.getAttribute('title')).toBe('2025-03-02 00:00 – 2025-03-02 01:00 UTC: complete');
    expect(first.style.left).toBe('0%');
    expect(parseFloat(first.style.width)).toBeCloseTo(100 / 6, 5);
    expect(windows.getByRole('listitem', { name: '2025-03-02 05:00 – 2025-03-02 06:00 UTC: pending' })).toBeTruthy();

    const gap = windows.getByRole('button', { name: '2025-03-02 02:00 – 2025-03-02 03:00 UTC: gap — 52,000 records in one minute; 50,000 fetched' });
    expect(gap.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(gap);
    expect(gap.getAttribute('aria-expanded')).toBe('true');
    expect(within(strips[0]!).getByRole('status').textContent).toBe('gap 2025-03-02 02:00 – 2025-03-02 03:00 UTC: 52,000 records in one minute; 50,000 fetched');
  });

  it('reads the log incrementally after the last line seen, newest at the bottom', async () => {
    const { collect, transport } = await openJobs({ jobs: [sampleJob({ id: 9 })] });
    collect.appendLog(9, 'Planned 6 windows of 8 hours.', 'Window 1 of 6 complete: 200 records.');
    fireEvent.click(details(9, 'Unified Audit Log'));
    const log = await screen.findByRole('log', { name: 'Job 9 log lines' });
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(2));
    expect(transport.callsOf('collect.log')).toEqual([{ jobId: 9, afterId: 0, limit: 200 }]);

    const added = collect.appendLog(9, 'Throttled: waited 4 s (Retry-After).');
    act(() => transport.emit(progressOf(9)));
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(3));
    expect(transport.callsOf('collect.log').at(-1)).toEqual({ jobId: 9, afterId: 2, limit: 200 });
    const lines = within(log).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('.log-message')?.textContent)).toEqual([
      'Planned 6 windows of 8 hours.',
      'Window 1 of 6 complete: 200 records.',
      'Throttled: waited 4 s (Retry-After).',
    ]);
    expect(lines.at(-1)?.getAttribute('data-log-id')).toBe(String(added[0]?.id));
  });

  it('asks for a long log in pages until it has every line', async () => {
    const { collect, transport } = await openJobs({ jobs: [sampleJob({ id: 2 })] });
    collect.appendLog(2, ...Array.from({ length: 450 }, (_, i) => `line ${i + 1}`));
    fireEvent.click(details(2, 'Unified Audit Log'));
    const log = await screen.findByRole('log', { name: 'Job 2 log lines' });
    // Counted by element: role queries over hundreds of rows are slow in jsdom.
    await waitFor(() => expect(log.querySelectorAll('li.log-line')).toHaveLength(450));
    expect(log.querySelector('li.log-line:last-child .log-message')?.textContent).toBe('line 450');
    expect(transport.callsOf('collect.log').map((call) => (call as { afterId: number }).afterId)).toEqual([0, 200, 400]);
  });

  it('re-reads the jobs on a throttle however many progress events arrive, and follows the job', async () => {
    const collect = createFakeCollect({ jobs: [sampleJob({ id: 1 })] });
    // When each read reached the core, to check the pace rather than only the count.
    const readAt: number[] = [];
    const listJobs = collect.handlers['collect.jobs']!;
    const rendered = renderWithCloud(
      { session: sampleSession },
      { hash: '#/collect', override: { ...collect.handlers, 'collect.jobs': (input) => (readAt.push(Date.now()), listJobs(input)) } },
    );
    collect.attach(rendered.transport);
    rendered.core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
    const { transport } = rendered;
    fireEvent.click(await screen.findByRole('button', { name: 'Show details of job 1 (Unified Audit Log)' }));
    await screen.findByRole('region', { name: 'Coverage of job 1' });
    await waitFor(() => expect(transport.callsOf('collect.coverage')).toHaveLength(1));
    // Let any interval the first reads opened run out, so the burst starts a fresh one.
    await sleep(600);
    const readsBefore = readAt.length;
    const coverageBefore = transport.callsOf('collect.coverage').length;

    collect.update(1, { windows: { total: 6, complete: 5, gap: 0, failed: 0, running: 1, pending: 0, split: 0 } });
    const burstAt = Date.now();
    act(() => {
      for (let i = 0; i < 50; i += 1) transport.emit(progressOf(1));
    });
    // The first event is served at once, the other 49 by one read at the end of the interval.
    await waitFor(() => expect(readAt.length).toBe(readsBefore + 2), { timeout: 2000 });
    await sleep(700);
    const burstReads = readAt.slice(readsBefore);
    expect(burstReads).toHaveLength(2);
    expect(burstReads[0]! - burstAt).toBeLessThan(REFRESH_INTERVAL_MS);
    // Timers may fire a millisecond early; never a whole interval early.
    expect(burstReads[1]! - burstReads[0]!).toBeGreaterThanOrEqual(REFRESH_INTERVAL_MS - 5);
    expect(transport.callsOf('collect.coverage').length).toBe(coverageBefore + 2);

    const bar = screen.getByRole('progressbar', { name: 'Windows of job 1 (Unified Audit Log)' }) as HTMLProgressElement;
    expect(bar.value).toBe(5);
    expect(screen.getByTestId('windows-summary').textContent).toBe('5 of 6 windows complete · 1 running');
    expect(screen.getByRole('figure').textContent).toContain('83% of the range complete · running 17%');
  });

  it('re-reads on db.changed of collection tables only', async () => {
    const { transport } = await openJobs({ jobs: [sampleJob({ id: 1 })] });
    await sleep(600);
    const before = transport.callsOf('collect.jobs').length;
    act(() => transport.emit({ name: 'db.changed', payload: { tables: ['bookmarks'] } }));
    await sleep(50);
    expect(transport.callsOf('collect.jobs').length).toBe(before);
    act(() => transport.emit({ name: 'db.changed', payload: { tables: ['collection_windows'] } }));
    await waitFor(() => expect(transport.callsOf('collect.jobs').length).toBe(before + 1));
  });
});
