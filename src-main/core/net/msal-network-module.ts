import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import type { HttpClient } from './http-client.js';

/**
 * MSAL's network seam over our HTTP client, so sign-in uses the same CA trust and proxy as every
 * API call. MSAL wants the body already parsed and lower-case header names. A non-JSON body (a
 * proxy's HTML error page) becomes `{}` with the status kept, so MSAL reports the HTTP failure.
 * A failure without an answer is handed to MSAL as its own error type, because MSAL replaces any
 * other error with a bare "network_error" and the cause (TLS, proxy, reset) would be lost.
 */
export function createMsalNetworkModule(http: HttpClient): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeoutMs?: number): Promise<NetworkResponse<T>> => {
    let response;
    try {
      response = await http.send({
        method,
        url,
        headers: options?.headers ?? {},
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
    } catch (e) {
      throw new AuthError('network_error', '', e instanceof Error ? e.message : String(e));
    }
    return { status: response.status, headers: response.headers, body: parseJson(response.text) as T };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
