import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp.js';
import { describeOrigin, isAppUrl } from './app-origin.js';
import { EXTERNAL_URL_ALLOW_LIST, hardenSession, hardenWebContents, isAllowedExternalUrl } from './security.js';
import { createFakeElectron, FakeEvent, FakeWebContents } from './testing/fake-electron.js';

describe('app origin', () => {
  it('recognises only app://cirrus URLs', () => {
    expect(isAppUrl('app://cirrus/index.html#/case')).toBe(true);
    for (const url of ['app://other/index.html', 'https://cirrus/', 'file:///index.html', 'app://user:pw@cirrus/', 'not a url', 42, null]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('describes origins for logs without paths or queries', () => {
    expect(describeOrigin('https://login.microsoftonline.com/common/oauth2?code=secret#token')).toBe('https://login.microsoftonline.com');
    expect(describeOrigin('::')).toBe('(unparsable)');
    expect(describeOrigin(undefined)).toBe('(none)');
  });
});

describe('external URL allow-list', () => {
  it('covers the sign-in and documentation hosts of every Microsoft cloud', () => {
    for (const host of ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn', 'learn.microsoft.com', 'portal.azure.com', 'entra.microsoft.com']) {
      expect(EXTERNAL_URL_ALLOW_LIST).toContain(host);
    }
    expect(isAllowedExternalUrl('https://microsoft.com/devicelogin')).toBe(true);
    expect(isAllowedExternalUrl('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x')).toBe(true);
  });

  it('refuses other schemes, hosts, credentials and ports', () => {
    for (const url of [
      'http://login.microsoftonline.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'https://login.microsoftonline.com.evil.example/',
      'https://evil.example/?login.microsoftonline.com',
      'https://user:pw@login.microsoftonline.com/',
      'https://login.microsoftonline.com:8443/',
      'app://cirrus/index.html',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  const harden = () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents, (url) => opened.push(url));
    return { contents, opened };
  };

  it('lets in-app navigation through and cancels navigation away, opening allow-listed links externally', () => {
    const { contents, opened } = harden();
    expect(contents.navigate('will-navigate', 'app://cirrus/index.html#/timeline')).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://learn.microsoft.com/entra/')).toBe(true);
    expect(opened).toEqual(['https://learn.microsoft.com/entra/']);
  });

  it('cancels redirects and frame navigations away from the app, without opening anything', () => {
    const { contents, opened } = harden();
    expect(contents.navigate('will-redirect', 'app://cirrus/index.html')).toBe(false);
    expect(contents.navigate('will-redirect', 'https://login.microsoftonline.com/')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'app://cirrus/frame.html')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('never attaches a webview', () => {
    const { contents } = harden();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and hands only allow-listed https URLs to the system browser', () => {
    const { contents, opened } = harden();
    const handler = contents.windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://cirrus/index.html' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'https://portal.azure.com/#home' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://portal.azure.com/#home']);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session } = createFakeElectron();
    hardenSession(session.defaultSession);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      session.defaultSession.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
      expect(session.defaultSession.permissionCheckHandler?.({}, permission), permission).toBe(false);
    }
    expect(answers).toHaveLength(7);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });

  it('replaces any CSP header (any casing) with the workstation policy and keeps other headers', () => {
    const { session } = createFakeElectron();
    hardenSession(session.defaultSession);
    const responses: (Record<string, string[]> | undefined)[] = [];
    session.defaultSession.headersListener?.(
      { url: 'app://cirrus/index.html', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (response) => responses.push(response.responseHeaders),
    );
    session.defaultSession.headersListener?.({ url: 'app://cirrus/a.js' }, (response) => responses.push(response.responseHeaders));
    expect(responses).toEqual([
      { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    ]);
  });
});
