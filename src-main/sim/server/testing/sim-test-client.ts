import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
import { createCaTrustingNetworkClient } from '../../msal-network-client.js';
import type { RunningSimulator } from '../../start-simulator.js';

/**
 * Test-side clients for the simulator: plain HTTPS requests that trust its CA explicitly, a real
 * MSAL PublicClientApplication pointed at it, and a scripted "browser" that fills in the sign-in
 * pages the way a person would.
 */
export const TEST_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export const SCOPES = {
  graph: 'https://graph.microsoft.com/.default',
  exo: 'https://outlook.office365.com/.default',
  mgmt: 'https://manage.office.com/.default',
  arm: 'https://management.azure.com/.default',
  devops: '499b84ac-1321-427f-aa17-267ca6975798/.default',
} as const;

export interface SimHttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json<T = unknown>(): T;
}

export interface SimHttpClient {
  request(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<SimHttpResponse>;
  close(): void;
}

export function createSimHttpClient(sim: Pick<RunningSimulator, 'caCertPem'>): SimHttpClient {
  const agent = new Agent({ ca: sim.caCertPem, keepAlive: false });
  return {
    request(url, init = {}) {
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve, reject) => {
        const body = init.body === undefined ? undefined : Buffer.from(init.body);
        const req = send(
          target,
          {
            method: init.method ?? 'GET',
            ...(target.protocol === 'https:' ? { agent } : {}),
            headers: { ...(init.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
              resolve({ status: res.statusCode ?? 0, headers, text, json: <T>() => JSON.parse(text) as T });
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

export function createTestPca(sim: Pick<RunningSimulator, 'authority' | 'baseUrl' | 'caCertPem'>): { pca: PublicClientApplication; close(): void } {
  const networkClient = createCaTrustingNetworkClient({ caPem: sim.caCertPem });
  const pca = new PublicClientApplication({
    auth: { clientId: TEST_CLIENT_ID, authority: sim.authority, knownAuthorities: [new URL(sim.baseUrl).host] },
    system: { networkClient },
  });
  return { pca, close: () => networkClient.close() };
}

/** Device-code sign-in; with auto-approve the first poll succeeds. */
export async function signInWithDeviceCode(pca: PublicClientApplication, scope: string): Promise<AuthenticationResult> {
  const result = await pca.acquireTokenByDeviceCode({ scopes: [scope], deviceCodeCallback: () => undefined });
  if (!result) throw new Error('device-code sign-in returned no result');
  return result;
}

/** Reads `<input name=... value=...>` pairs and the form action out of a sign-in page. */
export function parseForm(html: string): { action: string; fields: Record<string, string>; radios: string[] } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  const radios: string[] = [];
  for (const match of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = match[1] ?? '';
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = decodeEntities(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    if (!name) continue;
    if (/type="radio"/.test(attrs)) radios.push(value);
    else fields[name] = value;
  }
  return { action: decodeEntities(action), fields, radios };
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Plays the person at the browser for an authorization-code sign-in: open the authorize URL, pick
 * the first account, accept, then deliver the form_post page's fields to the app's loopback
 * listener (MSAL listens on 127.0.0.1 while naming the redirect URI localhost).
 */
export async function completeBrowserSignIn(http: SimHttpClient, authorizeUrl: string, decision: 'approve' | 'deny' = 'approve'): Promise<SimHttpResponse> {
  const page = await http.request(authorizeUrl);
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${page.text.slice(0, 300)}`);
  const form = parseForm(page.text);
  const origin = new URL(authorizeUrl).origin;
  const submitted = await http.request(new URL(form.action, origin).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, account: form.radios[0] ?? '', action: decision }).toString(),
  });
  const result = parseForm(submitted.text);
  const redirect = new URL(result.action);
  if (redirect.hostname === 'localhost') redirect.hostname = '127.0.0.1';
  return http.request(redirect.toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(result.fields).toString(),
  });
}
