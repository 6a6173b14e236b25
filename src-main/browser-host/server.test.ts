import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { silentLogger } from '../core/ports.js';
import { createBrowserHost, type BrowserHost } from './server.js';
import { createFakeCore } from './testing/fake-core.js';
import { rawRequest, signIn } from './testing/http-client.js';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>';

let work: string;
let rendererDir: string;
let host: BrowserHost;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cirrus-host-'));
  rendererDir = path.join(work, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(path.join(work, 'secret.txt'), 'outside the renderer');
  await symlink(path.join(work, 'secret.txt'), path.join(rendererDir, 'assets', 'leak.txt'));
  host = await createBrowserHost({ core: createFakeCore(), rendererDir, port: 0, token: TOKEN, logger: silentLogger });
});

afterEach(async () => {
  await host.close();
  await rm(work, { recursive: true, force: true });
});

const hostHeader = () => ({ host: `127.0.0.1:${host.port}` });
const authed = async () => ({ ...hostHeader(), cookie: await signIn(host.port, TOKEN) });

describe('browser host authentication', () => {
  it('answers 401 with a pointer to the terminal when there is no token or cookie', async () => {
    const res = await rawRequest(host.port, '/', { headers: hostHeader() });
    expect(res.status).toBe(401);
    expect(res.body).toContain('printed in the terminal');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('trades the right token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const res = await rawRequest(host.port, `/?token=${TOKEN}`, { headers: hostHeader() });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^cirrus_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain(TOKEN);

    const page = await rawRequest(host.port, '/', { headers: { ...hostHeader(), cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
  });

  it('refuses a wrong token, a token with one character changed, and a forged cookie', async () => {
    const wrong = await rawRequest(host.port, '/?token=nope', { headers: hostHeader() });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const nearMiss = await rawRequest(host.port, `/?token=${TOKEN.slice(0, -1)}X`, { headers: hostHeader() });
    expect(nearMiss.status).toBe(401);
    const forged = await rawRequest(host.port, '/', { headers: { ...hostHeader(), cookie: `cirrus_session=${TOKEN}` } });
    expect(forged.status).toBe(401);
  });

  it('puts the token in the printed URL and nowhere else', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('refuses to bind anything but loopback and refuses short tokens', async () => {
    const core = createFakeCore();
    await expect(createBrowserHost({ core, rendererDir, host: '0.0.0.0', logger: silentLogger })).rejects.toThrow(/loopback/);
    await expect(createBrowserHost({ core, rendererDir, token: 'short', logger: silentLogger })).rejects.toThrow(/token/);
  });

  it('generates a fresh 43-character token per launch when none is given', async () => {
    const core = createFakeCore();
    const a = await createBrowserHost({ core, rendererDir, logger: silentLogger });
    const b = await createBrowserHost({ core, rendererDir, logger: silentLogger });
    const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';
    expect(tokenOf(a.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenOf(a.url)).not.toBe(tokenOf(b.url));
    await Promise.all([a.close(), b.close()]);
  });
});

describe('browser host request guards', () => {
  it('refuses a Host that is not the bound loopback address (DNS rebinding), even with a session', async () => {
    const headers = await authed();
    for (const bad of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, `127.0.0.1.nip.io:${host.port}`]) {
      const res = await rawRequest(host.port, '/', { headers: { ...headers, host: bad } });
      expect(res.status, bad).toBe(421);
    }
    const viaLocalhost = await rawRequest(host.port, '/', { headers: { ...headers, host: `localhost:${host.port}` } });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses a present Origin that is not this server', async () => {
    const headers = await authed();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) {
      const res = await rawRequest(host.port, '/', { headers: { ...headers, origin } });
      expect(res.status, origin).toBe(403);
    }
    const same = await rawRequest(host.port, '/', { headers: { ...headers, origin: host.origin } });
    expect(same.status).toBe(200);
  });

  it('serves GET and HEAD only', async () => {
    const headers = await authed();
    const post = await rawRequest(host.port, '/', { method: 'POST', headers });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await rawRequest(host.port, '/', { method: 'HEAD', headers });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(INDEX));
  });
});

describe('browser host responses', () => {
  it('sends the app CSP and hardening headers on HTML, including refusals', async () => {
    const page = await rawRequest(host.port, '/', { headers: await authed() });
    const refusal = await rawRequest(host.port, '/', { headers: hostHeader() });
    for (const res of [page, refusal]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    }
  });

  it('serves assets with their MIME type and nosniff', async () => {
    const res = await rawRequest(host.port, '/assets/app.js', { headers: await authed() });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe('console.log("app");');
  });

  it('falls back to index.html for client routes but 404s unknown files', async () => {
    const headers = await authed();
    const route = await rawRequest(host.port, '/cases/timeline', { headers });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX);
    const missing = await rawRequest(host.port, '/assets/missing.js', { headers });
    expect(missing.status).toBe(404);
  });

  it('refuses path traversal in every spelling and never follows a symlink out of the renderer folder', async () => {
    const headers = await authed();
    for (const target of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00', '/.env', '/%E0%A4%A']) {
      const res = await rawRequest(host.port, target, { headers });
      expect(res.status, target).toBeGreaterThanOrEqual(400);
      expect(res.body, target).not.toContain('outside the renderer');
    }
    const link = await rawRequest(host.port, '/assets/leak.txt', { headers });
    expect(link.status).toBe(404);
    expect(link.body).not.toContain('outside the renderer');
  });

  it('refuses absolute-form request targets', async () => {
    const res = await rawRequest(host.port, `http://127.0.0.1:${host.port}/`, { headers: await authed() });
    expect(res.status).toBe(400);
  });
});
