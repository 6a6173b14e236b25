import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { Client } from '../api/client.js';
import { ClientProvider } from '../api/client-context.js';
import { isStaleAfter } from '../api/invalidation.js';

/**
 * Answers come from the local core and are kept fresh by its events, so there is no polling,
 * no refetch on focus, and no automatic retry: a failed command fails for a reason worth showing.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** Subscribes once to core events and to link changes, turning both into query invalidation. */
function CoreEventBridge({ client, queryClient }: { client: Client; queryClient: QueryClient }) {
  useEffect(() => {
    const stopEvents = client.onEvent((event) => {
      void queryClient.invalidateQueries({ predicate: (query) => isStaleAfter(event, query) });
    });
    let wasDisconnected = false;
    const stopLink = client.onConnectionChange((state) => {
      if (state === 'disconnected') wasDisconnected = true;
      // Events sent while the link was down are lost; re-ask everything once it is back.
      if (state === 'connected' && wasDisconnected) {
        wasDisconnected = false;
        void queryClient.invalidateQueries();
      }
    });
    return () => {
      stopEvents();
      stopLink();
    };
  }, [client, queryClient]);
  return null;
}

export function Providers({ client, queryClient, children }: { client: Client; queryClient?: QueryClient; children: ReactNode }) {
  const [ownQueryClient] = useState(() => queryClient ?? createQueryClient());
  return (
    <ClientProvider client={client}>
      <QueryClientProvider client={ownQueryClient}>
        <CoreEventBridge client={client} queryClient={ownQueryClient} />
        {children}
      </QueryClientProvider>
    </ClientProvider>
  );
}
