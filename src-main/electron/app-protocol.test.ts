import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';

describe('app:// protocol handler', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;
  const get = (url: string) => handler(new Request(url));

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'cirrus-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Cirrus</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'blob.xyz'), 'raw');
    writeFileSync(join(root, 'assets', 'a file.svg'), '<svg/>');
    writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
    handler = createAppProtocolHandler({ rootDir: root });
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('is declared standard and secure, without CSP bypass or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('serves index.html for the root and files with their MIME type and the CSP', async () => {
    for (const [url, type, body] of [
      ['app://cirrus/', 'text/html; charset=utf-8', '<!doctype html><title>Cirrus</title>'],
      ['app://cirrus/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Cirrus</title>'],
      ['app://cirrus/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://cirrus/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://cirrus/assets/blob.xyz', 'application/octet-stream', 'raw'],
      ['app://cirrus/assets/a%20file.svg', 'image/svg+xml', '<svg/>'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await response.text(), url).toBe(body);
    }
  });

  it('refuses every method but GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      const response = await handler(new Request('app://cirrus/index.html', { method }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses path traversal that survives URL parsing (encoded separators, absolute paths)', async () => {
    for (const url of [
      'app://cirrus/%2e%2e%2fsecret.txt',
      'app://cirrus/assets%2f..%2f..%2fsecret.txt',
      'app://cirrus/..%5csecret.txt',
      'app://cirrus/assets/%2e%2e%2f',
      `app://cirrus/${encodeURIComponent(join(base, 'secret.txt'))}`,
      `app://cirrus/${pathToFileURL(join(base, 'secret.txt')).pathname}`,
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toContain('outside the renderer folder');
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('keeps dot segments the URL parser collapses inside the renderer folder', async () => {
    for (const url of ['app://cirrus/assets/../../secret.txt', 'app://cirrus/%2e%2e/secret.txt', 'app://cirrus/assets/%2E%2E/%2e%2e/secret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer folder');
    }
  });

  it('rejects malformed escapes, NUL bytes and foreign hosts', async () => {
    expect((await get('app://cirrus/%E0%A4%A')).status).toBe(400);
    expect((await get('app://cirrus/index.html%00.js')).status).toBe(400);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('answers 404 for a missing asset and index.html for an extensionless client route', async () => {
    expect((await get('app://cirrus/assets/missing.js')).status).toBe(404);
    const route = await get('app://cirrus/timeline');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await route.text()).toContain('<title>Cirrus</title>');
  });

  it('answers 404 when even index.html is missing, and 500 on read errors other than absence', async () => {
    const empty = createAppProtocolHandler({ rootDir: join(base, 'nowhere') });
    expect((await empty(new Request('app://cirrus/timeline'))).status).toBe(404);
    const failing = createAppProtocolHandler({
      rootDir: root,
      readFile: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })),
    });
    const response = await failing(new Request('app://cirrus/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('denied');
  });
});
