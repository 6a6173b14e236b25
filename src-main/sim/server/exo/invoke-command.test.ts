import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, TEST_ANCHOR, type SimFixture } from '../testing/sim-fixture.js';
import { normalizeIp } from '../ual/ual-store.js';

/**
 * Contract tests for the Exchange Online admin API: Search-UnifiedAuditLog sessions (cap with the
 * true ResultCount, unsorted, AuditData as a string), OData paging of one call, the glitch fault,
 * readiness cmdlets and the RBAC refusals.
 */
interface AuditRow {
  RecordType: string;
  AuditData: string;
  ResultIndex: number;
  ResultCount: number;
  Identity: string;
  CreationDate: string;
}

const WINDOW = {
  StartDate: new Date(TEST_ANCHOR.getTime() - 4 * 86_400_000).toISOString(),
  EndDate: TEST_ANCHOR.toISOString(),
};

describe('EXO InvokeCommand', () => {
  let f: SimFixture;
  const invoke = (cmdlet: string, params: Record<string, unknown>, extraHeaders: Record<string, string> = {}, url?: string) =>
    f.call(url ?? `${f.sim.serviceUrls.exo}/adminapi/beta/${f.sim.tenantId}/InvokeCommand`, f.tokens.exo, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...extraHeaders },
      body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: params } }),
    });

  beforeAll(async () => {
    f = await startFixture({ limits: { ualSessionCap: 60 } });
  });
  afterAll(() => f.close());

  it('caps a ReturnLargeSet session while ResultCount reports the true total', async () => {
    const total = f.sim.dataset.groundTruth.totals.ual;
    expect(total).toBeGreaterThan(60);
    const seen: AuditRow[] = [];
    for (let call = 0; call < 10; call++) {
      const res = await invoke('Search-UnifiedAuditLog', { ...WINDOW, SessionId: 'cap-test', SessionCommand: 'ReturnLargeSet', ResultSize: 25 });
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      const rows = res.json<{ value: AuditRow[] }>().value;
      if (rows.length === 0) break;
      seen.push(...rows);
    }
    expect(seen.length).toBe(60);
    expect(seen.every((r) => r.ResultCount === total)).toBe(true);
    expect(seen.map((r) => r.ResultIndex)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const data = JSON.parse(seen[0]?.AuditData ?? '{}') as { Id: string; RecordType: number };
    expect(data.Id).toBe(seen[0]?.Identity);
    expect(typeof data.RecordType).toBe('number');
    const times = seen.map((r) => Date.parse(r.CreationDate));
    expect(times).not.toEqual([...times].sort((a, b) => b - a));
  });

  it('pages a whole window to the ground truth when each session stays under the cap', async () => {
    const ids = new Set<string>();
    const hours = Object.entries(f.sim.dataset.groundTruth.countsByHour.ual);
    let expected = 0;
    for (const [hour, count] of hours) {
      expected += count;
      const start = Date.parse(hour);
      const params = { StartDate: new Date(start).toISOString(), EndDate: new Date(start + 3600_000).toISOString(), SessionId: `h-${hour}`, SessionCommand: 'ReturnLargeSet', ResultSize: 5000 };
      for (;;) {
        const rows = (await invoke('Search-UnifiedAuditLog', params)).json<{ value: AuditRow[] }>().value;
        if (rows.length === 0) break;
        expect(rows[0]?.ResultCount).toBe(count);
        rows.forEach((r) => ids.add(r.Identity));
      }
    }
    expect(ids.size).toBe(expected);
    expect(expected).toBe(f.sim.dataset.groundTruth.totals.ual);
  });

  it('splits one call into OData pages with @odata.nextLink (same body posted again)', async () => {
    const body = { ...WINDOW, ResultSize: 30 };
    const first = await invoke('Search-UnifiedAuditLog', body, { prefer: 'odata.maxpagesize=20' });
    const page1 = first.json<{ value: AuditRow[]; '@odata.nextLink'?: string }>();
    expect(page1.value).toHaveLength(20);
    expect(page1['@odata.nextLink']).toBeDefined();
    const second = await invoke('Search-UnifiedAuditLog', body, { prefer: 'odata.maxpagesize=20' }, page1['@odata.nextLink']);
    const page2 = second.json<{ value: AuditRow[]; '@odata.nextLink'?: string }>();
    expect(page2.value).toHaveLength(10);
    expect(page2['@odata.nextLink']).toBeUndefined();
    expect(page2.value[0]?.ResultIndex).toBe(21);
  });

  it('filters by record type, operations, users, IP addresses and free text as collection presets send them', async () => {
    const ual = f.sim.dataset.ual;
    const found = async (params: Record<string, unknown>): Promise<string[]> => {
      const res = await invoke('Search-UnifiedAuditLog', { ...WINDOW, ResultSize: 5000, ...params });
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      return res.json<{ value: AuditRow[] }>().value.map((r) => r.Identity).sort();
    };
    const ids = (records: typeof ual) => records.map((r) => r.Id).sort();
    const item = ual.find((r) => r.RecordType === 2);
    const withIp = ual.find((r) => typeof r.ClientIP === 'string' && r.ClientIP.length > 0);
    if (!item || !withIp) throw new Error('the test dataset has no ExchangeItem record or no record with ClientIP');
    const owner = String(item['MailboxOwnerUPN']);

    expect(await found({ RecordType: 'ExchangeItem' })).toEqual(ids(ual.filter((r) => r.RecordType === 2)));
    expect(await found({ Operations: ['MailItemsAccessed', 'Send'] })).toEqual(ids(ual.filter((r) => r.Operation === 'MailItemsAccessed' || r.Operation === 'Send')));
    // Array items are matched as given: a name with a trailing space is another name.
    expect(await found({ Operations: ['MailItemsAccessed '] })).toEqual([]);
    expect(await found({ UserIds: [item.UserId] })).toEqual(ids(ual.filter((r) => r.UserId.toLowerCase() === item.UserId.toLowerCase())));
    expect(await found({ IPAddresses: [withIp.ClientIP] })).toEqual(ids(ual.filter((r) => [r.ClientIP, r['ClientIPAddress'], r['ActorIpAddress']].some((v) => typeof v === 'string' && normalizeIp(v) === normalizeIp(String(withIp.ClientIP))))));
    const mailbox = await found({ RecordType: 'ExchangeItemAggregated', FreeText: owner });
    expect(mailbox).toEqual(ids(ual.filter((r) => r.RecordType === 50 && JSON.stringify(r).toLowerCase().includes(owner.toLowerCase()))));
    expect(mailbox.length).toBeGreaterThan(0);
  });

  it('rejects bad parameters with the cmdlet text in error.details[0].message', async () => {
    const missing = await invoke('Search-UnifiedAuditLog', { EndDate: WINDOW.EndDate });
    expect(missing.status).toBe(400);
    expect(missing.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message).toMatch(/missing mandatory parameters: StartDate/);
    const tooMany = await invoke('Search-UnifiedAuditLog', { ...WINDOW, ResultSize: 5001 });
    expect(tooMany.status).toBe(400);
    const unknown = await invoke('Get-Nothing', {});
    expect(unknown.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message).toMatch(/is not recognized/);
  });

  it('serves readiness cmdlets', async () => {
    const config = (await invoke('Get-AdminAuditLogConfig', {})).json<{ value: { UnifiedAuditLogIngestionEnabled: boolean }[] }>();
    expect(config.value[0]?.UnifiedAuditLogIngestionEnabled).toBe(true);
    const org = (await invoke('Get-OrganizationConfig', {})).json<{ value: { AuditDisabled: boolean }[] }>();
    expect(org.value[0]?.AuditDisabled).toBe(false);
    const mailboxes = (await invoke('Get-Mailbox', { ResultSize: 'Unlimited' })).json<{ value: unknown[] }>();
    expect(mailboxes.value.length).toBe(f.sim.dataset.tenantConfig.mailboxes.length);
    const rules = await invoke('Get-TransportRule', {});
    expect(rules.status).toBe(200);
    const missingBox = await invoke('Get-InboxRule', { Mailbox: 'nobody@nowhere.example' });
    expect(missingBox.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message).toMatch(/couldn't be found/);
  });

  it('answers 401 with the Bearer challenge for a token of another resource', async () => {
    const res = await f.call(`${f.sim.serviceUrls.exo}/adminapi/beta/${f.sim.tenantId}/InvokeCommand`, f.tokens.graph, {
      method: 'POST',
      body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-OrganizationConfig' } }),
    });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(res.headers['x-ms-diagnostics']).toMatch(/invalid_resource/);
  });
});

describe('EXO gates and glitches', () => {
  it('without Exchange roles the audit cmdlets are not recognized', async () => {
    const f = await startFixture({ profile: 'no-global-reader' });
    try {
      const res = await f.call(`${f.sim.serviceUrls.exo}/adminapi/beta/${f.sim.tenantId}/InvokeCommand`, f.tokens.exo, {
        method: 'POST',
        body: JSON.stringify({ CmdletInput: { CmdletName: 'Search-UnifiedAuditLog', Parameters: WINDOW } }),
      });
      expect(res.status).toBe(400);
      expect(res.json<{ error: { details: { message: string }[] } }>().error.details[0]?.message).toMatch(/'Search-UnifiedAuditLog' is not recognized/);
    } finally {
      await f.close();
    }
  });

  it('ual-disabled: searches come back empty and the config says so', async () => {
    const f = await startFixture({ profile: 'ual-disabled' });
    const invoke = (cmdlet: string, params: Record<string, unknown>) =>
      f.call(`${f.sim.serviceUrls.exo}/adminapi/beta/${f.sim.tenantId}/InvokeCommand`, f.tokens.exo, {
        method: 'POST',
        body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: params } }),
      });
    try {
      expect((await invoke('Search-UnifiedAuditLog', { ...WINDOW, ResultSize: 5000 })).json<{ value: unknown[] }>().value).toEqual([]);
      expect((await invoke('Get-AdminAuditLogConfig', {})).json<{ value: { UnifiedAuditLogIngestionEnabled: boolean }[] }>().value[0]?.UnifiedAuditLogIngestionEnabled).toBe(false);
    } finally {
      await f.close();
    }
  });

  it('exo-glitch makes a session skip ResultIndex values or return an empty page mid-session', async () => {
    const f = await startFixture({ faults: 'rate:off,exo-glitch@exo:req=3+5' });
    try {
      const indexes: number[] = [];
      const counts: number[] = [];
      for (let call = 0; call < 8; call++) {
        const res = await f.call(`${f.sim.serviceUrls.exo}/adminapi/beta/${f.sim.tenantId}/InvokeCommand`, f.tokens.exo, {
          method: 'POST',
          body: JSON.stringify({ CmdletInput: { CmdletName: 'Search-UnifiedAuditLog', Parameters: { ...WINDOW, SessionId: 'g', SessionCommand: 'ReturnLargeSet', ResultSize: 10 } } }),
        });
        const rows = res.json<{ value: AuditRow[] }>().value;
        counts.push(rows.length);
        indexes.push(...rows.map((r) => r.ResultIndex));
      }
      const gapOrEmpty = counts.slice(0, 6).includes(0) || indexes.some((v, i) => i > 0 && v !== (indexes[i - 1] ?? 0) + 1);
      expect(gapOrEmpty).toBe(true);
    } finally {
      await f.close();
    }
  });
});
