import { describe, expect, it } from 'vitest';
import { normalisePage } from './normalise-page.js';
import { fixture, fixtureLines } from './test-support.js';

describe('normalisePage', () => {
  it('reads a Management Activity API blob (a JSON array) of real records, keeping each raw exact', () => {
    const lines = fixtureLines('mgmt-exchange-admin.ndjson');
    const blob = `[${lines.join(',\n')}]`;
    const outcome = normalisePage('ual.management_api', blob);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.page.recordCount).toBe(3);
    expect(outcome.page.events.map((e) => [e.position, e.event.raw])).toEqual(lines.map((l, i) => [i, l]));
    expect(outcome.page.events.map((e) => e.event.record_id)).toEqual([
      '1c7412a6-858d-49ff-3f93-08d7ac0f45bf',
      '6c3454e1-1a13-411b-bed1-08d7adfc0c09',
      'b5131b23-3efb-481a-c05b-08d7ac0f2a82',
    ]);
  });

  it('reads an Exchange Online search page whose rows carry AuditData as a string', () => {
    const [record] = fixtureLines('mgmt-exchange-admin.ndjson') as [string];
    // Constructed page in the documented InvokeCommand shape around a real record.
    const page = JSON.stringify({ '@odata.context': 'x', value: [{ RecordType: 'ExchangeAdmin', CreationDate: '2020-02-07T20:49:49Z', AuditData: record, Identity: '1c7412a6-858d-49ff-3f93-08d7ac0f45bf', ResultIndex: 1, ResultCount: 1 }] });
    const outcome = normalisePage('ual.exo_search', page);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.page.events[0]?.event).toMatchObject({ raw_format: 'ual.exo_search', record_type: 'ExchangeAdmin', operation: 'Set-Mailbox' });
  });

  it('reads a mixed Azure Monitor export line by line, one source per category, with rejects at their positions', () => {
    const text = [
      fixtureLines('azure-monitor-signins.ndjson')[0],
      '{"category":"AuditLogs","properties":{"id":"x"}}',
      fixtureLines('azure-monitor-auditlogs.ndjson')[0],
      'not json',
      fixtureLines('azure-monitor-activity.ndjson')[0],
    ].join('\n');
    const outcome = normalisePage('azure_monitor', text);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.page.recordCount).toBe(5);
    expect(outcome.page.events.map((e) => [e.position, e.event.source])).toEqual([
      [0, 'signin'],
      [2, 'directory_audit'],
      [4, 'azure_activity'],
    ]);
    expect(outcome.page.rejects.map((r) => [r.position, r.error.field])).toEqual([
      [1, 'properties.activityDateTime'],
      [3, '(record)'],
    ]);
  });

  it('reads the `records` envelope of an Azure Monitor storage export', () => {
    const [a, b] = fixtureLines('azure-monitor-auditlogs.ndjson') as [string, string];
    const outcome = normalisePage('azure_monitor', `{ "records": [ ${a},\n${b} ] }`);
    expect(outcome.ok && outcome.page.events.map((e) => e.event.raw)).toEqual([a, b]);
  });

  it('refuses a page that is not JSON or lacks its record array, saying which', () => {
    expect(normalisePage('signin.graph', '{"value": [')).toMatchObject({ ok: false, error: expect.stringMatching(/^signin\.graph: page is not valid JSON/) });
    expect(normalisePage('signin.graph', '{"error":{"code":"Authorization_RequestDenied"}}')).toEqual({ ok: false, error: 'signin.graph: page has no `value` array' });
    expect(normalisePage('ual.management_api', fixture('graph-signins-v1.page.json'))).toEqual({ ok: false, error: 'ual.management_api: page has no top-level array' });
  });

  it('counts the objects of a configuration snapshot page without making events of them', () => {
    const graph = JSON.stringify({ '@odata.context': 'x', value: [{ id: 'a', displayName: 'Contoso' }, { id: 'b' }, { id: 'c' }] });
    expect(normalisePage('snapshot.graph', graph)).toEqual({ ok: true, page: { recordCount: 3, events: [], rejects: [] } });
    // A sign-in record in a snapshot page is still only an object: the format decides, not the content.
    const exo = JSON.stringify({ value: [JSON.parse(fixture('graph-signins-v1.page.json')).value[0]] });
    expect(normalisePage('snapshot.exo', exo)).toEqual({ ok: true, page: { recordCount: 1, events: [], rejects: [] } });
    expect(normalisePage('snapshot.exo', '{"error":{"code":"x"}}')).toEqual({ ok: false, error: 'snapshot.exo: page has no `value` array' });
  });
});
