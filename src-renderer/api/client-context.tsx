import { createContext, useContext, type ReactNode } from 'react';
import type { Client } from './client.js';

const ClientContext = createContext<Client | null>(null);

/** Makes one client available to every hook; tests pass a client built on a fake transport. */
export function ClientProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>.');
  return client;
}
