import { describe, expect, it } from 'vitest';
import { normaliseAzureActivityArm } from './azure-activity.js';
import { normaliseAzureMonitor } from './azure-monitor.js';
import { fixtureLines, okEvent } from './test-support.js';

describe('Azure Activity Log, Azure Monitor export (real records)', () => {
  const lines = fixtureLines('azure-monitor-activity.ndjson');

  it('reads a listKeys action by a service principal field by field', () => {
    const e = okEvent(normaliseAzureMonitor({ text: lines[0] as string }));
    expect(e).toMatchObject({
      ts: Date.UTC(2019, 9, 24, 0, 13, 46, 355),
      ts_source: '2019-10-24T00:13:46.3554259Z',
      source: 'azure_activity',
      raw_format: 'azure_activity.azure_monitor',
      workload: 'MICROSOFT.EVENTHUB',
      record_type: 'Action',
      operation: 'MICROSOFT.EVENTHUB/NAMESPACES/AUTHORIZATIONRULES/LISTKEYS/ACTION',
      // "Start" is a step of the operation, not its outcome
      result: null,
      result_code: 'Start',
      actor: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      actor_id: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      actor_type: 'service_principal',
      ip: '81.2.69.144',
      app_id: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      target: '/SUBSCRIPTIONS/8a4de8b5-095c-47d0-a96f-a75130c61d53/RESOURCEGROUPS/SA-HEMA/PROVIDERS/MICROSOFT.EVENTHUB/NAMESPACES/AZURELSEVENTS/AUTHORIZATIONRULES/ROOTMANAGESHAREDACCESSKEY',
      correlation_id: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
    });
    expect(e.params).toMatchObject({ 'authorization.action': 'Microsoft.EventHub/namespaces/authorizationRules/listKeys/action', resultSignature: 'Started.' });
    expect(e.record_id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(e.warnings).toEqual(['record_id: the export has no eventDataId; derived from the SHA-256 of the record text']);
  });

  it('derives ids from the exact text: the same bytes agree, a different spelling does not', () => {
    const again = okEvent(normaliseAzureMonitor({ text: lines[0] as string }));
    const first = okEvent(normaliseAzureMonitor({ text: lines[0] as string }));
    expect(again.record_id).toBe(first.record_id);
    // records 2 and 3 are one event with its bodies as a string and as an object
    const [asString, asObject] = [lines[1], lines[2]].map((text) => okEvent(normaliseAzureMonitor({ text: text as string })));
    expect(asString?.record_id).not.toBe(asObject?.record_id);
    expect(asString?.params['requestBody']).toBe('{"testData":{"myTest":123}}');
    expect(asObject?.params['requestBody']).toBe('{"testData":{"myTest":123}}');
  });

  it('refuses a diagnostic record of an unknown category, naming it', () => {
    const r = normaliseAzureMonitor({ text: '{"category":"StorageRead","time":"2025-01-01T00:00:00Z"}' });
    expect(r.ok ? null : r.error).toMatchObject({ source: null, field: 'category', message: 'azure_monitor record: category "StorageRead" is not a sign-in, AuditLogs or Activity Log category' });
  });
});

describe('Azure Activity Log, ARM REST EventData', () => {
  // Constructed from the documented EventData fields (no public sample of the REST form was found).
  const event = {
    authorization: { action: 'Microsoft.Compute/virtualMachines/write', scope: '/subscriptions/2a3b0000-0000-4000-8000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1' },
    caller: 'Mail.User@Contoso.Example',
    claims: {
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': 'mail.user@contoso.example',
      'http://schemas.microsoft.com/identity/claims/objectidentifier': '5F0B2C6E-1C3A-4A7E-8D55-2B7D9E0F1A11',
      ipaddr: '203.0.113.45',
      appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    },
    correlationId: '0d6b8f0e-55c2-4e57-9a2b-4c1b7a0f9e21',
    eventDataId: 'A1B2C3D4-0000-4000-8000-000000000009',
    eventName: { value: 'EndRequest', localizedValue: 'End request' },
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    eventTimestamp: '2025-03-01T10:30:00.1234567Z',
    httpRequest: { clientRequestId: 'x', clientIpAddress: '203.0.113.46', method: 'PUT' },
    level: 'Informational',
    resourceProviderName: { value: 'Microsoft.Compute', localizedValue: 'Microsoft.Compute' },
    resourceId: '/subscriptions/2a3b0000-0000-4000-8000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1',
    operationName: { value: 'Microsoft.Compute/virtualMachines/write', localizedValue: 'Create or Update Virtual Machine' },
    properties: { statusCode: 'Created' },
    status: { value: 'Succeeded', localizedValue: 'Succeeded' },
    subStatus: { value: 'Created', localizedValue: 'Created (HTTP Status Code: 201)' },
  };

  it('reads the documented fields', () => {
    const e = okEvent(normaliseAzureActivityArm({ text: JSON.stringify(event) }));
    expect(e).toMatchObject({
      ts: Date.UTC(2025, 2, 1, 10, 30, 0, 123),
      source: 'azure_activity',
      raw_format: 'azure_activity.arm',
      record_id: 'a1b2c3d4-0000-4000-8000-000000000009',
      workload: 'Microsoft.Compute',
      record_type: 'Administrative',
      operation: 'Microsoft.Compute/virtualMachines/write',
      result: 'success',
      result_code: 'Succeeded',
      actor: 'mail.user@contoso.example',
      actor_id: '5f0b2c6e-1c3a-4a7e-8d55-2b7d9e0f1a11',
      actor_type: 'user',
      // the HTTP request's address wins over the token's
      ip: '203.0.113.46',
      app_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      correlation_id: '0d6b8f0e-55c2-4e57-9a2b-4c1b7a0f9e21',
    });
    expect(e.params).toMatchObject({ statusCode: 'Created', subStatus: 'Created', eventName: 'EndRequest', 'httpRequest.method': 'PUT' });
  });

  it('names a missing eventDataId and a missing operation', () => {
    const noId = normaliseAzureActivityArm({ text: JSON.stringify({ ...event, eventDataId: undefined }) });
    expect(noId.ok ? null : noId.error.message).toBe('azure_activity.arm record: eventDataId is missing');
    const noOp = normaliseAzureActivityArm({ text: JSON.stringify({ ...event, operationName: { value: '' } }) });
    expect(noOp.ok ? null : noOp.error.field).toBe('operationName.value');
  });
});
