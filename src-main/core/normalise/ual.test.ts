import { describe, expect, it } from 'vitest';
import { okEvent, fixture, fixtureLines } from './test-support.js';
import { normaliseUalExoSearch, normaliseUalGraphAuditQuery, normaliseUalManagementApi, ualAuditData } from './ual-channels.js';

// Real Management Activity API records (see fixtures/README.md).
const [setMailbox] = fixtureLines('mgmt-exchange-admin.ndjson') as [string];
const attachmentAccess = fixture('mgmt-attachment-access.json').trim();

describe('UAL, Management Activity API spelling (real records)', () => {
  it('reads an ExchangeAdmin Set-Mailbox record field by field', () => {
    const e = okEvent(normaliseUalManagementApi({ text: setMailbox }));
    expect(e).toMatchObject({
      ts: Date.UTC(2020, 1, 7, 20, 49, 49),
      ts_source: '2020-02-07T20:49:49',
      source: 'ual',
      raw_format: 'ual.management_api',
      record_id: '1c7412a6-858d-49ff-3f93-08d7ac0f45bf',
      workload: 'Exchange',
      record_type: 'ExchangeAdmin',
      operation: 'Set-Mailbox',
      result: 'success',
      result_code: 'True',
      actor: 'NT AUTHORITY\\SYSTEM (Microsoft.Exchange.ServiceHost)',
      actor_type: 'system',
      ip: null,
      app_id: null,
      target:
        'EURPR01A002.prod.outlook.com/Microsoft Exchange Hosted Organizations/testsiem.onmicrosoft.com/DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}',
      session_id: null,
      correlation_id: null,
    });
    expect(e.params).toEqual({
      DomainController: '',
      Identity:
        'EURPR01A002.prod.outlook.com/Microsoft Exchange Hosted Organizations/testsiem.onmicrosoft.com/DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}',
    });
    expect(e.raw).toBe(setMailbox);
    expect(e.warnings).toEqual([]);
  });

  it('reads an ExchangeItemAggregated AttachmentAccess record (app actor, mailbox target)', () => {
    const e = okEvent(normaliseUalManagementApi({ text: attachmentAccess }));
    expect(e).toMatchObject({
      ts: Date.UTC(2025, 8, 29, 1, 1, 1),
      record_id: '88888888-4444-5555-6666-123456789012',
      record_type: 'ExchangeItemAggregated',
      operation: 'AttachmentAccess',
      result: 'success',
      result_code: 'Succeeded',
      actor: 'user@example.com',
      actor_id: 'abcdabcd-1234-12ab-1a2b-ad1234567890',
      actor_type: 'app',
      ip: '203.0.113.5',
      user_agent: 'Client=REST;Client=RESTSystem;;',
      app_id: 'abcdabcd-1234-12ab-1a2b-ad1234567890',
      target: 'user@example.com',
    });
    expect(e.params).toEqual({ AttachmentAccessType: 'Bind' });
    // Kept exactly, re-indentation and all.
    expect(e.raw).toBe(attachmentAccess);
  });
});

describe('one UAL record, three channels', () => {
  const original = JSON.parse(attachmentAccess) as Record<string, unknown>;
  // Constructed wrappers (no public sample exists) around the real record, in the documented shapes.
  const graphText =
    '{"@odata.type":"#microsoft.graph.security.auditLogRecord","id":"88888888-4444-5555-6666-123456789012",' +
    '"createdDateTime":"2025-09-29T01:01:01Z","auditLogRecordType":"exchangeItemAggregated","operation":"AttachmentAccess",' +
    '"organizationId":"1234abcd-4321-dcba-43ab-1023456789ab","userType":"application","userId":"user@example.com","service":"Exchange",' +
    `"objectId":"","userPrincipalName":"user@example.com","clientIp":"203.0.113.5","administrativeUnits":[],"auditData":${attachmentAccess}}`;
  const exoText = JSON.stringify({
    RecordType: 'ExchangeItemAggregated',
    CreationDate: '2025-09-29T01:01:01Z',
    UserIds: 'user@example.com',
    Operations: 'AttachmentAccess',
    AuditData: attachmentAccess,
    ResultIndex: 1,
    ResultCount: 1,
    Identity: '88888888-4444-5555-6666-123456789012',
    IsValid: true,
    ObjectState: 'Unchanged',
  });

  it('gives the same normalised event; only raw and its spelling differ', () => {
    const strip = ({ raw: _r, raw_format: _f, warnings: _w, ...rest }: ReturnType<typeof okEvent>) => rest;
    const mgmt = okEvent(normaliseUalManagementApi({ text: attachmentAccess }));
    const graph = okEvent(normaliseUalGraphAuditQuery({ text: graphText }));
    const exo = okEvent(normaliseUalExoSearch({ text: exoText }));
    expect(strip(graph)).toEqual(strip(mgmt));
    expect(strip(exo)).toEqual(strip(mgmt));
    expect([graph.raw_format, exo.raw_format]).toEqual(['ual.graph_audit_query', 'ual.exo_search']);
    expect(graph.raw).toBe(graphText);
    expect(exo.raw).toBe(exoText);
  });

  it('recovers the same AuditData from each raw spelling', () => {
    expect(ualAuditData('ual.management_api', attachmentAccess)).toEqual(original);
    expect(ualAuditData('ual.graph_audit_query', graphText)).toEqual(original);
    expect(ualAuditData('ual.exo_search', exoText)).toEqual(original);
    expect(ualAuditData('signin.graph', attachmentAccess)).toBeNull();
  });

  it('falls back to the wrapper when a Graph record has no auditData, and says so', () => {
    const bare = '{"id":"9E2F6C1D-5A4B-4C3D-8E7F-1A2B3C4D5E6F","createdDateTime":"2025-03-01T01:02:03Z","auditLogRecordType":"exchangeItem","operation":"MailItemsAccessed","service":"Exchange","userPrincipalName":"Mail.User@Contoso.Example","userType":"regular","clientIp":"203.0.113.45"}';
    const e = okEvent(normaliseUalGraphAuditQuery({ text: bare }));
    expect(e).toMatchObject({
      record_id: '9e2f6c1d-5a4b-4c3d-8e7f-1a2b3c4d5e6f',
      ts: Date.UTC(2025, 2, 1, 1, 2, 3),
      record_type: 'ExchangeItem',
      workload: 'Exchange',
      actor: 'mail.user@contoso.example',
      actor_type: 'user',
      ip: '203.0.113.45',
    });
    expect(e.warnings).toEqual(['auditData: missing; event built from the wrapper fields only']);
  });
});

describe('UAL field rules', () => {
  const record = (extra: Record<string, unknown>) =>
    JSON.stringify({ CreationTime: '2025-03-01T00:12:00', Id: '4E0A1C2B-9F8E-4D7C-B6A5-0F1E2D3C4B5A', Operation: 'Set-Mailbox', RecordType: 1, UserId: 'Admin@Contoso.Example', ...extra });

  it('strips ports and brackets from client addresses and warns about non-addresses', () => {
    expect(okEvent(normaliseUalManagementApi({ text: record({ ClientIP: '203.0.113.45:51234' }) })).ip).toBe('203.0.113.45');
    expect(okEvent(normaliseUalManagementApi({ text: record({ ClientIP: '[2001:DB8::1]:443' }) })).ip).toBe('2001:db8::1');
    const odd = okEvent(normaliseUalManagementApi({ text: record({ ClientIP: 'Unknown' }) }));
    expect(odd.ip).toBeNull();
    expect(odd.warnings).toEqual(['ClientIP: "Unknown" is not an IP address; ip left empty']);
  });

  it('lower-cases the UPN and the GUID id, maps record types both ways, keeps unknown numbers', () => {
    const e = okEvent(normaliseUalManagementApi({ text: record({}) }));
    expect([e.actor, e.record_id, e.record_type]).toEqual(['admin@contoso.example', '4e0a1c2b-9f8e-4d7c-b6a5-0f1e2d3c4b5a', 'ExchangeAdmin']);
    const unknown = okEvent(normaliseUalManagementApi({ text: record({ RecordType: 999 }) }));
    expect(unknown.record_type).toBe('999');
    expect(unknown.warnings[0]).toMatch(/RecordType: 999/);
  });

  it('treats an STS logon error as a failure whatever ResultStatus says', () => {
    const e = okEvent(normaliseUalManagementApi({ text: record({ RecordType: 15, Operation: 'UserLoginFailed', ResultStatus: 'Success', LogonError: 'InvalidUserNameOrPassword', ErrorNumber: '50126' }) }));
    expect([e.result, e.result_code, e.record_type]).toEqual(['failure', '50126', 'AzureActiveDirectoryStsLogon']);
  });

  it('turns ModifiedProperties and ExtendedProperties into params, old values beside new', () => {
    const e = okEvent(
      normaliseUalManagementApi({
        text: record({
          ExtendedProperties: [{ Name: 'UserAgent', Value: 'python-requests/2.31' }, { Name: 'RequestType', Value: 'Cmsi:Cmsi' }],
          ModifiedProperties: [{ Name: 'StrongAuthenticationRequirement', NewValue: '[]', OldValue: '[{"State":1}]' }],
          Parameters: [{ Name: 'ForwardingSmtpAddress', Value: 'smtp:x@evil.example' }, { Name: 'ForwardingSmtpAddress', Value: 'second' }],
        }),
      }),
    );
    expect(e.params).toEqual({
      ForwardingSmtpAddress: 'smtp:x@evil.example',
      UserAgent: 'python-requests/2.31',
      RequestType: 'Cmsi:Cmsi',
      StrongAuthenticationRequirement: '[]',
      'StrongAuthenticationRequirement.OldValue': '[{"State":1}]',
    });
    expect(e.user_agent).toBe('python-requests/2.31');
  });
});

describe('UAL records that cannot be normalised', () => {
  it.each([
    ['a record without Id', normaliseUalManagementApi, '{"CreationTime":"2025-03-01T00:12:00","Operation":"Set-Mailbox"}', 'Id', /Id is missing/],
    ['an unreadable CreationTime', normaliseUalManagementApi, '{"CreationTime":"yesterday","Id":"x","Operation":"Set-Mailbox"}', 'CreationTime', /not a time/],
    ['text that is not JSON', normaliseUalManagementApi, '{"CreationTime":', '(record)', /not valid JSON/],
    ['an array instead of a record', normaliseUalManagementApi, '[1]', '(record)', /not a JSON object/],
    ['a search row without AuditData', normaliseUalExoSearch, '{"Identity":"x"}', 'AuditData', /AuditData is missing/],
    ['a search row whose AuditData is not JSON', normaliseUalExoSearch, '{"AuditData":"{oops"}', 'AuditData', /AuditData is not valid JSON/],
    ['a Graph record whose auditData is not an object', normaliseUalGraphAuditQuery, '{"id":"x","auditData":5}', 'auditData', /auditData is not an object/],
    ['a Graph record without any time', normaliseUalGraphAuditQuery, '{"id":"x","auditData":{"Operation":"x"}}', 'auditData.CreationTime', /CreationTime is missing/],
  ] as const)('%s → an error naming the field and the source', (_what, normalise, text, field, message) => {
    const r = normalise({ text });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.source).toBe('ual');
    expect(r.error.field).toBe(field);
    expect(r.error.message).toMatch(message);
    expect(r.error.message).toMatch(/^ual\./);
  });
});
