import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TimelineFilter, type TimelineFilterInput } from '../../../src-shared/domain/timeline-filter.js';
import { TimelineHistogramInput, TimelinePageInput, type MailboxTimeZone, type TimelineFacets } from '../../../src-shared/ipc/contract-timeline.js';
import { ok } from '../../../src-shared/ipc/result.js';
import { storedCase } from '../../test/fake-core.js';
import { createFakeTimeline, fakeRow } from '../../test/fake-timeline.js';
import { renderWithCloud } from '../../test/render-with-cloud.js';

const START = Date.parse('2026-11-27T09:00:00.000Z');
const rows = Array.from({ length: 300 }, (_, i) => fakeRow(i + 1, START + i * 60_000));
const zones: MailboxTimeZone[] = [
  { mailbox: 'priya@contoso.example', windowsZone: 'Romance Standard Time', iana: 'Europe/Paris', pageId: null, collectedAt: '2026-11-27T10:00:00.000Z' },
  { mailbox: 'bo@contoso.example', windowsZone: 'Mars Standard Time', iana: null, pageId: null, collectedAt: '2026-11-27T10:00:00.000Z' },
];

/** Only what these tests filter on: addresses, included or excluded. */
const matches = (filter: TimelineFilter) =>
  rows.filter((r) => (filter.ips.include.length === 0 || filter.ips.include.includes(r.ip ?? '')) && !filter.ips.exclude.includes(r.ip ?? ''));

function facetsOf(filter: TimelineFilter): TimelineFacets {
  const counts = new Map<string, number>();
  for (const r of matches(filter)) counts.set(r.ip!, (counts.get(r.ip!) ?? 0) + 1);
  const values = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8).map(([value, count]) => ({ value, label: null, count }));
  return { total: matches(filter).length, facets: [{ field: 'ip', values, distinct: counts.size, missing: 0 }] };
}

const handlers = {
  'timeline.histogram': (input: unknown) => {
    const i = TimelineHistogramInput.parse(input);
    return ok(createFakeTimeline(matches(i.filter)).histogram(i.filter.from !== undefined && i.filter.to !== undefined ? { from: i.filter.from, to: i.filter.to } : null, i.buckets));
  },
  'timeline.page': (input: unknown) => {
    const i = TimelinePageInput.parse(input);
    const { cursor, ...rest } = input as { cursor?: string };
    return ok(createFakeTimeline(matches(i.filter)).page({ ...rest, ...(cursor ? { cursor } : {}), limit: i.limit }));
  },
  'timeline.facets': (input: unknown) => ok(facetsOf(TimelineFilter.parse((input as { filter?: TimelineFilterInput }).filter ?? {}))),
  'timeline.timeZones': () => ok(zones),
  'timeline.event': (input: unknown) => {
    const row = rows.find((r) => r.id === (input as { id: number }).id);
    if (!row) return ok(null);
    const { bookmarked: _b, tags: _t, notes: _n, ...event } = row;
    return ok({
      event: { ...event, params: {}, raw: JSON.stringify({ Id: event.record_id, ClientIP: event.ip }) },
      auditData: null,
      provenance: {
        pageId: 1, position: row.id - 1, service: 'graph', format: 'signin.graph', method: 'GET', url: 'https://graph.microsoft.com/v1.0/auditLogs/signIns',
        requestBody: null, status: 200, receivedAt: '2026-11-28T00:00:00.000Z', sha256: 'a'.repeat(64), byteSize: 10, compression: 'none',
        filePath: 'graph/p1.json', recordCount: 300, jobId: null, windowId: null, account: null, tenantId: null,
      },
      workProduct: { bookmarks: [], tags: [], tagCounts: [], notes: [] },
    });
  },
  'timeline.workProduct': () => ok({ bookmarks: [], tags: [], tagCounts: [], notes: [] }),
  'timeline.views.list': () => ok([]),
};

// jsdom lays nothing out; the table's scroll area gets a height so the virtualizer shows rows,
// and menus (which watch their size) get a ResizeObserver that never reports.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('tl-body') ? 520 : 0;
    },
  });
});
afterEach(() => window.localStorage.clear());
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

async function openTimeline() {
  const app = renderWithCloud({}, { hash: '#/timeline', override: handlers });
  app.core.setCurrent(storedCase('/cases/contoso', 'Contoso BEC'));
  // Plain selectors in the waits: role queries walk the whole accessibility tree of a busy page on every poll.
  const grid = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('[role="grid"][aria-label="Events"]');
    expect(found).not.toBeNull();
    return found!;
  });
  await waitFor(() => expect(grid.querySelector('[data-event-id="1"]')).not.toBeNull());
  return { ...app, grid };
}

const row = (grid: HTMLElement, position: number) => grid.querySelector(`[role="row"][aria-rowindex="${position + 1}"]`) as HTMLElement;
const key = (k: string) => fireEvent.keyDown(window, { key: k });
const countText = () => document.querySelector('[aria-label="Matching events"]')?.textContent;
const detailPanel = () => document.querySelector<HTMLElement>('[aria-label="Event detail"]');

describe('Timeline page', { timeout: 30_000 }, () => {
  it('asks for a case first when none is open', async () => {
    renderWithCloud({}, { hash: '#/timeline', override: handlers });
    const about = await screen.findByRole('region', { name: 'About Timeline' });
    expect(about.textContent).toContain('No case is open');
    expect(within(about).getByRole('link', { name: 'Go to Case' }).getAttribute('href')).toBe('#/case');
  });

  it('shows the result size and times in UTC, labelled as such', async () => {
    const { grid } = await openTimeline();
    expect(countText()).toBe('300 events');
    expect(grid.getAttribute('aria-rowcount')).toBe('301');
    expect(within(grid).getByRole('columnheader', { name: /^Time \(UTC\)/ })).toBeTruthy();
    expect(row(grid, 1).querySelector('time')?.textContent).toBe('2026-11-27 09:00:00.000');
  });

  it('includes a facet value on click and excludes one on Alt+click, as removable chips', async () => {
    const { transport } = await openTimeline();
    const ips = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[aria-label="IP addresses"]');
      expect(found).not.toBeNull();
      return found!;
    });
    const first = within(ips).getAllByRole('button')[0]!;
    const ip = first.getAttribute('title')!;
    fireEvent.click(first);
    const chips = screen.getByRole('list', { name: 'Active filter' });
    await waitFor(() => expect(within(chips).getByText(`IP is ${ip}`)).toBeTruthy());
    await waitFor(() => expect(countText()).toBe(`${matches(TimelineFilter.parse({ ips: { include: [ip] } })).length} events`));
    fireEvent.click(within(chips).getByRole('button', { name: `Remove filter: IP is ${ip}` }));
    const other = await waitFor(() => {
      const buttons = [...document.querySelectorAll<HTMLElement>('[aria-label="IP addresses"] button')];
      expect(buttons.length).toBeGreaterThan(1);
      return buttons[1]!;
    });
    const excluded = other.getAttribute('title')!;
    fireEvent.click(other, { altKey: true });
    await waitFor(() => expect(within(chips).getByText(`IP is not ${excluded}`)).toBeTruthy());
    const lastFacets = transport.callsOf('timeline.facets').at(-1) as { filter: TimelineFilter };
    expect(lastFacets.filter.ips).toEqual({ include: [], exclude: [excluded] });
    expect(countText()).toBe(`${300 - matches(TimelineFilter.parse({ ips: { include: [excluded] } })).length} events`);
  });

  it('pivots from a cell: its value menu filters on the value', async () => {
    const { grid } = await openTimeline();
    const cell = row(grid, 5).querySelector<HTMLElement>('[aria-label="IP 203.0.113.5: actions"]')!;
    fireEvent.click(cell);
    const item = await screen.findByRole('menuitem', { name: 'Filter on this ip' });
    fireEvent.click(item);
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Active filter' })).getByText('IP is 203.0.113.5')).toBeTruthy());
    await waitFor(() => expect(countText()).toBe(`${matches(TimelineFilter.parse({ ips: { include: ['203.0.113.5'] } })).length} events`));
  });

  it('moves the selection with j and k, opens the event with Enter, closes it with Escape, and / goes to the search box', async () => {
    const { grid } = await openTimeline();
    act(() => key('j'));
    await waitFor(() => expect(row(grid, 1).getAttribute('aria-selected')).toBe('true'));
    act(() => key('j'));
    act(() => key('j'));
    act(() => key('k'));
    await waitFor(() => expect(row(grid, 2).getAttribute('aria-selected')).toBe('true'));
    expect(row(grid, 1).getAttribute('aria-selected')).toBe('false');
    act(() => key('Enter'));
    await waitFor(() => expect(detailPanel()?.querySelector('[aria-label="Filter on IP 203.0.113.2"]')).toBeTruthy());
    // With the panel open, it follows the selection.
    act(() => key('j'));
    await waitFor(() => expect(detailPanel()?.querySelector('[aria-label="Filter on IP 203.0.113.3"]')).toBeTruthy());
    act(() => key('Escape'));
    await waitFor(() => expect(detailPanel()).toBeNull());
    act(() => key('/'));
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search text' }));
    // Keys typed into the search box are text, not commands.
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(row(grid, 3).getAttribute('aria-selected')).toBe('true');
  });

  it('switches to a mailbox\'s time zone, naming it in the header, and cannot choose an unmappable one', async () => {
    const { grid } = await openTimeline();
    const picker = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLSelectElement;
    await waitFor(() => expect(picker.querySelectorAll('option').length).toBe(4));
    expect((picker.querySelector('option[value="mailbox:bo@contoso.example"]') as HTMLOptionElement).disabled).toBe(true);
    expect(picker.querySelector('option[value="mailbox:bo@contoso.example"]')?.textContent).toBe('unknown zone — bo@contoso.example (Mars Standard Time)');
    fireEvent.change(picker, { target: { value: 'mailbox:priya@contoso.example' } });
    await waitFor(() => expect(grid.querySelector('[role="columnheader"] .sort-button')?.textContent).toMatch(/^Time \(Europe\/Paris \(mailbox priya@contoso\.example\)\)/));
    expect(row(grid, 1).querySelector('time')?.textContent).toBe('2026-11-27 10:00:00.000');
    expect(row(grid, 1).querySelector('time')?.getAttribute('title')).toContain('UTC: 2026-11-27 09:00:00.000');
    // The switch is remembered by this browser for the next visit.
    expect(window.localStorage.getItem('cirrus.timeline.zone')).toBe('mailbox:priya@contoso.example');
  });
});
