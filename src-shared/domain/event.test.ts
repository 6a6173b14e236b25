import { describe, expect, it } from 'vitest';
import { NormalisedEvent, RawFilePath, RawPage, TimelineEvent } from './event.js';

const valid: NormalisedEvent = {
  ts: 1_740_787_920_000,
  ts_source: '2025-03-01T00:12:00',
  source: 'ual',
  raw_format: 'ual.management_api',
  record_id: '4e0a1c2b-9f8e-4d7c-b6a5-0f1e2d3c4b5a',
  workload: 'Exchange',
  record_type: 'ExchangeAdmin',
  operation: 'Set-AdminAuditLogConfig',
  result: 'success',
  result_code: 'True',
  actor: 'admin@contoso.example',
  actor_id: '10032001A2B3C4D5',
  actor_type: 'user',
  ip: '203.0.113.45',
  user_agent: null,
  app_id: 'fb78d390-0c51-40cd-8e17-fdbfab77341b',
  app_name: null,
  target: 'Admin Audit Log Settings',
  session_id: 'd2c1b0a9-8f7e-4d6c-b5a4-9e8d7c6b5a40',
  correlation_id: null,
  country: null,
  city: null,
  asn: null,
  params: { UnifiedAuditLogIngestionEnabled: 'False' },
  raw: '{"Id":"4e0a1c2b-9f8e-4d7c-b6a5-0f1e2d3c4b5a"}',
};

describe('NormalisedEvent', () => {
  it('accepts an event in normalised spelling', () => {
    expect(NormalisedEvent.parse(valid)).toEqual(valid);
    expect(TimelineEvent.parse({ ...valid, id: 7, page_ref: { page_id: 1, position: 0 } }).page_ref).toEqual({ page_id: 1, position: 0 });
  });

  it.each([
    ['ip', '203.0.113.45:51234', 'not in normalised IP spelling'],
    ['ip', '[::1]', 'not in normalised IP spelling'],
    ['actor', 'Admin@Contoso.Example', 'not in normalised identity spelling'],
    ['app_id', 'FB78D390-0C51-40CD-8E17-FDBFAB77341B', 'not in normalised id spelling'],
    ['record_id', '{4E0A1C2B-9F8E-4D7C-B6A5-0F1E2D3C4B5A}', 'not in normalised id spelling'],
    ['workload', '', 'Too small'],
    ['source', 'defender', 'Invalid option'],
    ['ts', 1.5, 'Invalid input'],
  ])('refuses %s = %j', (field, value, message) => {
    const r = NormalisedEvent.safeParse({ ...valid, [field]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([field]);
    expect(r.error?.issues[0]?.message).toContain(message);
  });
});

describe('RawPage', () => {
  it('keeps page files inside the case raw/ folder', () => {
    for (const ok of ['2025-03-01/job-1/page-000001.json.gz', 'import/file.ndjson']) expect(RawFilePath.safeParse(ok).success).toBe(true);
    for (const bad of ['/etc/passwd', '../case.sqlite', 'a/../../b', 'C:\\x', 'a//b', './a', 'x:y']) expect(RawFilePath.safeParse(bad).success, bad).toBe(false);
  });

  it('requires a lower-case SHA-256 and a UTC time', () => {
    const page = {
      job_id: null, window_id: null, service: 'graph', format: 'signin.graph', method: 'GET', url: 'https://graph.microsoft.com/v1.0/auditLogs/signIns',
      request_body: null, status: 200, received_at: '2025-03-01T10:22:31.123Z', account: null, tenant_id: null, client_id: null,
      file_path: 'p.json', byte_size: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', compression: 'none', record_count: 0,
    };
    expect(RawPage.safeParse(page).success).toBe(true);
    expect(RawPage.safeParse({ ...page, sha256: page.sha256.toUpperCase() }).success).toBe(false);
    expect(RawPage.safeParse({ ...page, received_at: '2025-03-01T11:22:31+01:00' }).success).toBe(false);
    expect(RawPage.safeParse({ ...page, format: 'csv' }).success).toBe(false);
  });
});
