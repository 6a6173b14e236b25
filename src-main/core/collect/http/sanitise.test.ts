import { describe, expect, it } from 'vitest';
import { findRequestSecret } from '../../db/ingest/secret-guard.js';
import { sanitiseBody, sanitiseResponseHeaders, sanitiseUrl } from './sanitise.js';
import { backoffMs, retryAfterMs } from './retry-timing.js';

describe('request evidence without secrets', () => {
  it('drops OAuth and shared-access-signature parameters and credentials, keeps paging cursors', () => {
    const url = sanitiseUrl(
      'https://user:pw@manage.example/api/v1.0/t/activity/feed/audit/x?sv=2020&sig=abc%2B%3D&se=2026&PublisherIdentifier=t&code=c&nextPage=n#frag',
    );
    expect(url).toBe('https://manage.example/api/v1.0/t/activity/feed/audit/x?PublisherIdentifier=t&nextPage=n');
    expect(findRequestSecret(url, null)).toBeNull();
    expect(sanitiseUrl('https://graph.example/v1.0/x?$skiptoken=abc&$filter=a%20eq%201')).toBe('https://graph.example/v1.0/x?$skiptoken=abc&$filter=a%20eq%201');
  });

  it('removes secret keys from JSON and form bodies, and refuses to keep bodies of unknown shape', () => {
    const json = sanitiseBody('{"CmdletInput":{"Parameters":{"StartDate":"x","password":"p"}},"client_secret":"s"}');
    expect(json).toBe('{"CmdletInput":{"Parameters":{"StartDate":"x"}}}');
    const form = sanitiseBody('grant_type=refresh_token&refresh_token=rt&client_id=c');
    expect(form).toBe('grant_type=refresh_token&client_id=c');
    for (const body of [json, form]) expect(findRequestSecret('https://x.example/', body)).toBeNull();
    expect(sanitiseBody('Bearer abc.def.ghi')).toMatch(/not recorded/);
    expect(sanitiseBody(undefined)).toBeNull();
  });

  it('drops cookies and auth challenges from response headers', () => {
    expect(sanitiseResponseHeaders({ 'Set-Cookie': 'a', 'www-authenticate': 'Bearer realm', 'retry-after': '1' })).toEqual({ 'retry-after': '1' });
  });
});

describe('retry timing', () => {
  it('reads Retry-After as (fractional) seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': '2.5' }, now)).toBe(2500);
    expect(retryAfterMs({ 'retry-after': 'Sun, 01 Mar 2026 00:00:30 GMT' }, now)).toBe(30_000);
    expect(retryAfterMs({ 'retry-after': 'Sat, 28 Feb 2026 00:00:00 GMT' }, now)).toBe(0);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeNull();
    expect(retryAfterMs({}, now)).toBeNull();
  });

  it('backs off with full jitter under a doubling ceiling, never below the floor', () => {
    const policy = { baseMs: 1000, capMs: 8000, floorMs: 100 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0.999))).toEqual([999, 1998, 3996, 7992, 7992]);
    expect(backoffMs(3, policy, () => 0.5)).toBe(2000);
    expect(backoffMs(1, policy, () => 0)).toBe(100);
  });
});
