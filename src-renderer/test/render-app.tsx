import { render } from '@testing-library/react';
import { createClient } from '../api/client.js';
import { App } from '../app/App.js';
import { createQueryClient, Providers } from '../app/providers.js';
import { createFakeCore, type FakeCoreOptions } from './fake-core.js';
import { FakeTransport, type FakeHandlers } from './fake-transport.js';

/** Renders the whole workstation against an in-memory core; `override` replaces single handlers. */
export function renderApp(options: FakeCoreOptions & { override?: FakeHandlers; hash?: string } = {}) {
  const core = createFakeCore(options);
  const transport = new FakeTransport({ ...core.handlers, ...options.override });
  window.location.hash = options.hash ?? '#/case';
  const view = render(
    <Providers client={createClient(transport)} queryClient={createQueryClient()}>
      <App />
    </Providers>,
  );
  return { ...view, transport, core };
}
