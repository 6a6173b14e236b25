import { useEffect, useRef, useState } from 'react';
import type { EventName, EventPayload } from '../../src-shared/ipc/contract.js';
import { useClient } from './client-context.js';
import type { ConnectionState } from './transports/transport.js';

/**
 * Runs `handler` for each core event named `name`. The latest handler is kept in a ref so callers
 * can pass inline functions without re-subscribing on every render.
 */
export function useEvent<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): void {
  const client = useClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      client.onEvent((event) => {
        // The contract pairs each name with its payload; the narrowing is lost through the generic.
        if (event.name === name) latest.current(event.payload as EventPayload<K>);
      }),
    [client, name],
  );
}

/** The transport's link state; IPC never changes from `connected`. */
export function useConnectionState(): ConnectionState {
  const client = useClient();
  const [state, setState] = useState<ConnectionState>('connected');
  useEffect(() => client.onConnectionChange(setState), [client]);
  return state;
}
