import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isLoopbackHttpsOrigin } from './external-urls.js';

describe('external URL allow-list with vetted loopback origins', () => {
  it('accepts a simulator sign-in page only when its exact origin is passed', () => {
    const page = 'https://127.0.0.1:50123/organizations/oauth2/v2.0/authorize?client_id=x';
    expect(isAllowedExternalUrl(page)).toBe(false);
    expect(isAllowedExternalUrl(page, ['https://127.0.0.1:50123'])).toBe(true);
    expect(isAllowedExternalUrl(page, ['https://127.0.0.1:50124'])).toBe(false);
    expect(isAllowedExternalUrl('https://localhost:50123/devicelogin', ['https://127.0.0.1:50123'])).toBe(false);
  });

  it('ignores extra origins that are not loopback https, so they cannot widen the list to remote hosts', () => {
    expect(isAllowedExternalUrl('https://evil.example/x', ['https://evil.example'])).toBe(false);
    expect(isAllowedExternalUrl('http://127.0.0.1:8080/x', ['http://127.0.0.1:8080'])).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@127.0.0.1:5/x', ['https://127.0.0.1:5'])).toBe(false);
    expect(isLoopbackHttpsOrigin('https://127.0.0.1:5/')).toBe(false);
    expect(isLoopbackHttpsOrigin('https://[::1]:5')).toBe(true);
  });

  it('keeps the fixed Microsoft hosts as before', () => {
    expect(isAllowedExternalUrl('https://login.microsoftonline.us/organizations/oauth2/v2.0/authorize')).toBe(true);
    expect(isAllowedExternalUrl('https://login.microsoftonline.com:8443/x')).toBe(false);
  });
});

describe('device-code and redirector hosts', () => {
  it('allows microsoft.com only for its device-code page and refuses redirectors', () => {
    expect(isAllowedExternalUrl('https://microsoft.com/devicelogin')).toBe(true);
    expect(isAllowedExternalUrl('https://www.microsoft.com/devicelogin')).toBe(true);
    expect(isAllowedExternalUrl('https://microsoft.com/en-us/store')).toBe(false);
    expect(isAllowedExternalUrl('https://aka.ms/anything')).toBe(false);
  });
});
