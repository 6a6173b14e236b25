import { EventEmitter } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBrowserModeLauncher } from './browser-launcher.js';
import { writeLaunchPage } from './launch-page.js';
import { createSystemOpener, openerFor, type SpawnFn } from './system-opener.js';

describe('browser-mode launcher', () => {
  it('opens allow-listed https URLs and prints them for headless machines', async () => {
    const printed: string[] = [];
    const opened: string[] = [];
    const launcher = createBrowserModeLauncher({ print: (l) => printed.push(l), openWithSystem: async (u) => (opened.push(u), true) });
    const url = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=y';
    expect(await launcher.open(url)).toBe(true);
    expect(opened).toEqual([url]);
    expect(printed).toEqual([`Open in your browser: ${url}`]);
  });

  it('refuses anything off the allow-list without touching the OS', async () => {
    const opened: string[] = [];
    const launcher = createBrowserModeLauncher({ print: () => {}, openWithSystem: async (u) => (opened.push(u), true) });
    for (const url of ['http://login.microsoftonline.com/', 'https://evil.example/', 'https://login.microsoftonline.com@evil.example/', 'file:///etc/passwd', 'not a url']) {
      expect(await launcher.open(url), url).toBe(false);
    }
    expect(opened).toEqual([]);
  });

  it('accepts a loopback https origin the core vetted for this call, and nothing wider', async () => {
    const opened: string[] = [];
    const launcher = createBrowserModeLauncher({ print: () => {}, openWithSystem: async (u) => (opened.push(u), true) });
    const sim = 'https://127.0.0.1:8443/tenant/oauth2/authorize?x=1';
    expect(await launcher.open(sim)).toBe(false);
    expect(await launcher.open(sim, { extraOrigins: ['https://127.0.0.1:8443'] })).toBe(true);
    expect(await launcher.open('https://evil.example/', { extraOrigins: ['https://evil.example'] })).toBe(false);
    expect(opened).toEqual([sim]);
  });
});

describe('system opener', () => {
  it('uses an argument vector per platform, never cmd on Windows', () => {
    const target = 'https://learn.microsoft.com/a?b=1&c=2';
    expect(openerFor('linux', target)).toEqual({ command: 'xdg-open', args: [target] });
    expect(openerFor('darwin', target)).toEqual({ command: 'open', args: [target] });
    expect(openerFor('win32', target).command).not.toMatch(/cmd/i);
    expect(openerFor('win32', target).args).toContain(target);
  });

  it('reports false when the opener is not installed', async () => {
    const spawn: SpawnFn = () => {
      const child = Object.assign(new EventEmitter(), { unref: () => {} });
      queueMicrotask(() => child.emit('error', new Error('ENOENT')));
      return child;
    };
    expect(await createSystemOpener('linux', spawn)('https://aka.ms/x')).toBe(false);
  });

  it('reports true once the opener has started, detached', async () => {
    let detached: unknown;
    const spawn: SpawnFn = (_c, _a, options) => {
      detached = options.detached;
      const child = Object.assign(new EventEmitter(), { unref: () => {} });
      queueMicrotask(() => child.emit('spawn'));
      return child;
    };
    expect(await createSystemOpener('linux', spawn)('https://aka.ms/x')).toBe(true);
    expect(detached).toBe(true);
  });
});

describe('launch page', () => {
  it('writes an owner-only redirect file holding the escaped address', async () => {
    const page = await writeLaunchPage('http://127.0.0.1:9/?token=a"b&c');
    try {
      const html = await readFile(page.file, 'utf8');
      expect(html).toContain('url=http://127.0.0.1:9/?token=a&quot;b&amp;c');
      if (process.platform !== 'win32') {
        expect((await stat(page.file)).mode & 0o777).toBe(0o600);
        expect((await stat(path.dirname(page.file))).mode & 0o777).toBe(0o700);
      }
    } finally {
      await page.remove();
    }
    await expect(stat(page.file)).rejects.toThrow();
  });
});
