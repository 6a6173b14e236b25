import { AuthError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { NetworkError, type HttpClient } from './http-client.js';
import { createMsalNetworkModule } from './msal-network-module.js';

describe('MSAL network module', () => {
  const client = (send: HttpClient['send']): HttpClient => ({ send, close: () => {} });

  it('parses JSON bodies, keeps statuses, and turns a non-JSON page into {} so MSAL reports the status', async () => {
    const module = createMsalNetworkModule(client(async (r) => ({ status: r.url.endsWith('/html') ? 502 : 200, headers: { 'x-a': '1' }, text: r.url.endsWith('/html') ? '<html>proxy error</html>' : '{"token_type":"Bearer"}' })));
    expect(await module.sendPostRequestAsync('https://login.example/token', { body: 'x' })).toEqual({ status: 200, headers: { 'x-a': '1' }, body: { token_type: 'Bearer' } });
    expect(await module.sendGetRequestAsync('https://login.example/html')).toMatchObject({ status: 502, body: {} });
  });

  it('hands a failure without an answer to MSAL as a network_error that keeps the cause', async () => {
    const module = createMsalNetworkModule(client(async () => {
      throw new NetworkError('https://login.example/token: socket hang up');
    }));
    const failure = module.sendPostRequestAsync('https://login.example/token');
    await expect(failure).rejects.toBeInstanceOf(AuthError);
    await expect(failure).rejects.toMatchObject({ errorCode: 'network_error', errorMessage: expect.stringContaining('socket hang up') });
  });
});
