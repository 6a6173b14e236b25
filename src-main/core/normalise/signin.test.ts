import { describe, expect, it } from 'vitest';
import { normaliseAzureMonitor } from './azure-monitor.js';
import { normalisePage } from './normalise-page.js';
import { normaliseSignInGraph } from './signin.js';
import { fixture, fixtureLines, okEvent } from './test-support.js';

describe('sign-ins, Graph v1.0 page (real documentation example)', () => {
  it('reads the record field by field', () => {
    const text = fixture('graph-signins-v1.page.json');
    const outcome = normalisePage('signin.graph', text);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.page.recordCount).toBe(1);
    const first = outcome.page.events[0];
    if (!first) throw new Error('no event');
    const { event, position } = first;
    expect(position).toBe(0);
    expect(event).toMatchObject({
      ts: Date.UTC(2020, 2, 13, 19, 15, 41, 619),
      ts_source: '2020-03-13T19:15:41.6195833Z',
      source: 'signin',
      raw_format: 'signin.graph',
      record_id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
      workload: 'AzureActiveDirectory',
      // v1.0 has no signInEventTypes; isInteractive says which kind it is
      record_type: 'interactiveUser',
      operation: 'Sign-in',
      result: 'success',
      result_code: '0',
      actor: 'testaccount1@contoso.com',
      actor_id: '26be570a-ae82-4189-b4e2-a37c6808512d',
      actor_type: 'user',
      ip: '131.107.159.37',
      user_agent: null,
      app_id: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
      app_name: 'Graph explorer',
      target: 'Microsoft Graph',
      session_id: null,
      correlation_id: 'd79f5bee-5860-4832-928f-3133e22ae912',
      country: 'US',
      city: 'Redmond',
      asn: null,
    });
    expect(event.params).toMatchObject({ clientAppUsed: 'Browser', 'deviceDetail.operatingSystem': 'Windows 10', 'location.state': 'Washington' });
    // The raw is the page's own text of the record: it starts and ends where the record does.
    expect(event.raw.startsWith('{\n            "id": "66ea54eb')).toBe(true);
    expect(text.includes(event.raw)).toBe(true);
    expect(JSON.parse(event.raw)).toEqual((JSON.parse(text) as { value: unknown[] }).value[0]);
  });

  it('reads beta-only fields: user agent, session, event type, device-code protocol', () => {
    // The notes' constructed beta record (device-code token use).
    const beta = JSON.stringify({
      id: '7C1E0F55-2A41-4B7B-9A1D-0B2F4E9D1C00',
      createdDateTime: '2025-03-01T10:22:31Z',
      userPrincipalName: 'mail.user@contoso.example',
      userId: '5f0b2c6e-1c3a-4a7e-8d55-2b7d9e0f1a11',
      appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      appDisplayName: 'Microsoft Azure CLI',
      ipAddress: '2001:DB8:0:0::45',
      userAgent: 'python-requests/2.31.0',
      sessionId: 'AB6B8F0E-55C2-4E57-9A2B-4C1B7A0F9E21',
      signInEventTypes: ['nonInteractiveUser'],
      authenticationProtocol: 'deviceCode',
      originalTransferMethod: 'deviceCodeFlow',
      status: { errorCode: 50126, failureReason: 'Invalid username or password.' },
      autonomousSystemNumber: 64500,
    });
    const e = okEvent(normaliseSignInGraph({ text: beta }));
    expect(e).toMatchObject({
      record_id: '7c1e0f55-2a41-4b7b-9a1d-0b2f4e9d1c00',
      record_type: 'nonInteractiveUser',
      result: 'failure',
      result_code: '50126',
      ip: '2001:db8::45',
      user_agent: 'python-requests/2.31.0',
      session_id: 'ab6b8f0e-55c2-4e57-9a2b-4c1b7a0f9e21',
      asn: 64500,
    });
    expect(e.params).toMatchObject({
      authenticationProtocol: 'deviceCode',
      originalTransferMethod: 'deviceCodeFlow',
      signInEventTypes: 'nonInteractiveUser',
      'status.failureReason': 'Invalid username or password.',
    });
  });
});

describe('sign-ins, Azure Monitor diagnostic export (real records)', () => {
  it('reads the wrapped record field by field, modern fields included', () => {
    const [line] = fixtureLines('azure-monitor-signins.ndjson') as [string];
    const e = okEvent(normaliseAzureMonitor({ text: line }));
    expect(e).toMatchObject({
      ts: Date.UTC(2022, 0, 24, 5, 10, 8, 681),
      ts_source: '2022-01-24T05:10:08.6816663+00:00',
      source: 'signin',
      raw_format: 'signin.azure_monitor',
      record_id: '933f20c0-efdf-477f-9586-e5cc566d2e00',
      record_type: 'interactiveUser',
      result: 'success',
      actor: 'mpliftrelastic20210901@outlook.com',
      actor_id: '2ce85a15-8640-465d-b916-d2eac620a717',
      actor_type: 'user',
      ip: '1.128.3.4',
      user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/97.0.4692.99 Safari/537.36 Edg/97.0.1072.69',
      app_id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      app_name: 'Azure Portal',
      target: 'Windows Azure Service Management API',
      correlation_id: '7532b99a-06da-4c23-91e5-0f062bc0dcb3',
      country: 'IN',
      city: 'Nizampet',
      asn: 55836,
    });
    expect(e.params).toMatchObject({ authenticationRequirement: 'singleFactorAuthentication', 'Login Hint Present': 'True', userType: 'Member' });
    expect(e.raw).toBe(line);
  });

  it('takes the sign-in kind from the export category and the actor from the matching fields', () => {
    const events = fixtureLines('azure-monitor-signin-categories.ndjson').map((text) => okEvent(normaliseAzureMonitor({ text })));
    expect(events.map((e) => [e.record_type, e.actor_type, e.actor])).toEqual([
      ['interactiveUser', 'user', 'test@elastic.co'],
      ['nonInteractiveUser', 'user', 'c3813493-bf92-5123-2717-8a8b2979c38b'],
      ['servicePrincipal', 'service_principal', 'Office 365'],
      ['servicePrincipal', 'service_principal', 'Office 365'],
      ['managedIdentity', 'managed_identity', 'Office 365'],
    ]);
    // errorCode 50140 ("Keep me signed in" interrupt) is not a success
    expect(events.every((e) => e.result === 'failure' && e.result_code === '50140')).toBe(true);
    // the export's createdDateTime carries -05:00; ts is UTC
    expect(events[0]?.ts).toBe(Date.UTC(2019, 9, 18, 9, 45, 48, 72));
  });

  it('keeps the OAuth scopes of a non-interactive sign-in as a param', () => {
    const [line] = fixtureLines('azure-monitor-signin-noninteractive.ndjson') as [string];
    expect(okEvent(normaliseAzureMonitor({ text: line })).params['Oauth Scope Info']).toBe('["user_impersonation"]');
  });

  it('names the wrapped field when the record cannot be normalised', () => {
    const r = normaliseAzureMonitor({ text: '{"category":"SignInLogs","properties":{"id":"x"}}' });
    expect(r.ok ? null : r.error).toMatchObject({ source: 'signin', field: 'properties.createdDateTime', message: 'signin.azure_monitor record: properties.createdDateTime is missing' });
    const noProps = normaliseAzureMonitor({ text: '{"category":"SignInLogs"}' });
    expect(noProps.ok ? null : noProps.error.field).toBe('properties');
    const bad = normaliseSignInGraph({ text: '{"id":"x","createdDateTime":"2025-03-01T10:22:31Z","status":{"errorCode":0},"ipAddress":"not-an-ip"}' });
    expect(okEvent(bad).warnings).toEqual(['ipAddress: "not-an-ip" is not an IP address; ip left empty']);
  });
});
