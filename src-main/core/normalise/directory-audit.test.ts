import { describe, expect, it } from 'vitest';
import { normaliseAzureMonitor } from './azure-monitor.js';
import { normaliseDirectoryAuditGraph } from './directory-audit.js';
import { normalisePage } from './normalise-page.js';
import { arrayElementSpans } from './record-spans.js';
import { fixture, fixtureLines, okEvent } from './test-support.js';

describe('directory audits, Graph v1.0 pages (real documentation examples)', () => {
  // The fixture holds two response pages in one array; each page is cut out exactly.
  const text = fixture('graph-directory-audits.pages.json');
  const pages = (arrayElementSpans(text, []) ?? []).map((s) => text.slice(s.start, s.end));

  it('reads a user-initiated group change field by field, all targets\' changes as params', () => {
    const outcome = normalisePage('directory_audit.graph', pages[0] as string);
    if (!outcome.ok) throw new Error(outcome.error);
    const e = outcome.page.events[0]?.event;
    expect(e).toMatchObject({
      ts: Date.UTC(2018, 0, 9, 21, 20, 2, 721),
      ts_source: '2018-01-09T21:20:02.7215374Z',
      source: 'directory_audit',
      raw_format: 'directory_audit.graph',
      record_id: 'id',
      workload: 'Core Directory',
      record_type: 'UserManagement',
      operation: 'Add member to group',
      result: 'success',
      result_code: 'success',
      actor: 'bob@wingtiptoysonline.com',
      actor_id: '728309ae-1a37-4937-9afe-e35d964db09b',
      actor_type: 'user',
      ip: '127.0.0.1',
      app_id: null,
      target: 'Example.com',
      session_id: null,
      correlation_id: 'da159bfb-54fa-4092-8a38-6e1fa7870e30',
    });
    expect(e?.params).toEqual({
      'Action Client Name': 'DirectorySync',
      'Additional Detail Name': 'Additional Detail Value',
      resultReason: 'Successfully added member to group',
      'target.id': 'ef7e527d-6c92-4234-8c6d-cf6fdfb57f95',
      'target.type': 'Group',
      'target.count': '2',
    });
  });

  it('leaves the actor empty when the initiator is only a zero placeholder', () => {
    const outcome = normalisePage('directory_audit.graph', pages[1] as string);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.page.events[0]?.event).toMatchObject({
      record_id: 'SSGM_b662f17a-4e4d-4e1c-9248-cdec180024b2_MCDC4_88453290',
      workload: 'Self-service Group Management',
      actor: null,
      actor_id: null,
      actor_type: null,
      ip: '10.0.0.0',
      target: '00000000-0000-0000-0000-000000000000',
    });
  });
});

describe('directory audits, Azure Monitor AuditLogs export (real records)', () => {
  it('reads an app-initiated credential addition, decoding JSON-encoded values', () => {
    const [line] = fixtureLines('azure-monitor-auditlogs.ndjson') as [string];
    const e = okEvent(normaliseAzureMonitor({ text: line }));
    expect(e).toMatchObject({
      ts: Date.UTC(2022, 0, 22, 18, 15, 2, 516),
      source: 'directory_audit',
      raw_format: 'directory_audit.azure_monitor',
      record_id: 'Directory_53161141-e3f4-4944-85b6-7b953f17265e_6X649_134684731',
      record_type: 'ApplicationManagement',
      operation: 'Add service principal credentials',
      result: 'success',
      actor: 'Managed Service Identity',
      actor_id: 'b9814691-9ca1-4e55-a1ac-8ef5dd010ec0',
      actor_type: 'service_principal',
      // initiatedBy.app has no address; the export's callerIpAddress stands in
      ip: '1.128.3.4',
      user_agent: 'Microsoft Azure Graph Client Library 2.1.17-internal',
      app_name: 'Managed Service Identity',
      target: 'billing-test-wus',
      correlation_id: '53161141-e3f4-4944-85b6-7b953f17265e',
    });
    expect(e.params['Included Updated Properties']).toBe('KeyDescription');
    expect(e.params['KeyDescription']).toMatch(/^\["\[KeyIdentifier=c9c0b961/);
    expect(e.params['KeyDescription.OldValue']).toMatch(/^\["\[KeyIdentifier=7dffcdc5/);
    expect(e.params['AppId']).toBe('a70a7931-c387-4dce-9f35-fbf95bdcc91e');
    expect(e.raw).toBe(line);
  });

  it('tells a user initiator from an app initiator', () => {
    const [byApp, byUser] = fixtureLines('azure-monitor-auditlogs-device.ndjson').map((text) => okEvent(normaliseAzureMonitor({ text })));
    expect([byApp?.actor, byApp?.actor_type, byApp?.app_id, byApp?.ip]).toEqual(['Device Registration Service', 'service_principal', 'id', null]);
    expect([byUser?.actor, byUser?.actor_type, byUser?.app_id, byUser?.ip]).toEqual(['UserName', 'user', null, '0.0.0.0']);
  });

  it('names the field of a record without an activity name', () => {
    const r = normaliseDirectoryAuditGraph({ text: '{"id":"x","activityDateTime":"2025-03-01T09:14:02Z"}' });
    expect(r.ok ? null : r.error).toEqual({
      source: 'directory_audit',
      format: 'directory_audit.graph',
      field: 'activityDisplayName',
      message: 'directory_audit.graph record: activityDisplayName is missing',
    });
  });

  it('keeps an operation name exactly, trailing space and all', () => {
    const text = JSON.stringify({ id: 'x', activityDateTime: '2025-03-01T09:14:02Z', activityDisplayName: 'Update application – Certificates and secrets management ' });
    expect(okEvent(normaliseDirectoryAuditGraph({ text })).operation).toBe('Update application – Certificates and secrets management ');
  });
});
