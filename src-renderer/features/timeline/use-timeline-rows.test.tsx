import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import type { CommandName, CommandOutput } from '../../../src-shared/ipc/contract.js';
import type { TimelinePage } from '../../../src-shared/ipc/contract-timeline.js';
import type { Client } from '../../api/client.js';
import { ClientProvider } from '../../api/client-context.js';
import { fakeRow } from '../../test/fake-timeline.js';
import { useTimelineRows } from './use-timeline-rows.js';

/** A client whose page reads wait until the test answers them, in order. */
function deferredClient() {
  const pending: { input: { filter: TimelineFilter }; resolve(page: TimelinePage): void }[] = [];
  const client: Client = {
    call: <K extends CommandName>(name: K, input: unknown) =>
      new Promise<CommandOutput<K>>((resolve, reject) => {
        if (name !== 'timeline.page') return reject(new Error(`unexpected ${name}`));
        pending.push({ input: input as { filter: TimelineFilter }, resolve: (page) => resolve(page as CommandOutput<K>) });
      }),
    onEvent: () => () => {},
    onConnectionChange: () => () => {},
  };
  return { client, pending };
}

const page = (ids: number[]): TimelinePage => ({ rows: ids.map((id) => fakeRow(id, 1_000 * id)), prev: null, next: null, ranOn: 'main' });

describe('the table\'s rows', () => {
  it('drops a late answer for a filter that is no longer shown and reads the new result instead', async () => {
    const { client, pending } = deferredClient();
    const wrapper = ({ children }: { children: ReactNode }) => <ClientProvider client={client}>{children}</ClientProvider>;
    const a = TimelineFilter.parse({});
    const b = TimelineFilter.parse({ ips: { include: ['203.0.113.9'] } });
    const { result, rerender } = renderHook(({ filter, total }) => useTimelineRows(filter, total), { wrapper, initialProps: { filter: a, total: 3 } });
    await waitFor(() => expect(pending).toHaveLength(1));
    expect(pending[0]!.input.filter).toEqual(a);

    rerender({ filter: b, total: 2 });
    // The old result's page arrives after the switch: it must not land in the new result.
    await act(async () => pending[0]!.resolve(page([1, 2, 3])));
    await waitFor(() => expect(pending).toHaveLength(2));
    expect(pending[1]!.input.filter).toEqual(b);
    expect(result.current.row(0)).toBeUndefined();
    await act(async () => pending[1]!.resolve(page([9, 10])));
    await waitFor(() => expect(result.current.row(0)?.id).toBe(9));
    expect(result.current.total).toBe(2);
    expect(result.current.row(1)?.id).toBe(10);
    expect(result.current.error).toBeNull();
  });

  it('says so when the core answers fewer rows than the counts promised', async () => {
    const { client, pending } = deferredClient();
    const wrapper = ({ children }: { children: ReactNode }) => <ClientProvider client={client}>{children}</ClientProvider>;
    const all = TimelineFilter.parse({});
    const { result } = renderHook(() => useTimelineRows(all, 5), { wrapper });
    await waitFor(() => expect(pending).toHaveLength(1));
    await act(async () => pending[0]!.resolve(page([])));
    await waitFor(() => expect(String(result.current.error)).toMatch(/events changed while they were being read/));
  });
});
