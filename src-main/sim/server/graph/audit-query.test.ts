import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, TEST_ANCHOR, type SimFixture } from '../testing/sim-fixture.js';

/** Contract tests for Graph audit log queries: state machine on the (injected) clock, record paging, record limit, gates. */
interface Query {
  id: string;
  status: string;
  isRecordCountLimitExceeded: boolean | null;
  approximateReturnedRecordCount: number | null;
}

interface RecordsPage {
  value: { id: string; auditData: { Id: string }; auditLogRecordType: string }[];
  '@odata.nextLink'?: string;
}

describe('Graph audit log queries', () => {
  let f: SimFixture;
  let offsetMs = 0;
  const queries = () => `${f.sim.serviceUrls.graph}/beta/security/auditLog/queries`;
  const create = (body: Record<string, unknown>) =>
    f.call(queries(), f.tokens.graph, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    f = await startFixture({
      clock: () => new Date(Date.now() + offsetMs),
      limits: { auditQueryStartMs: 1000, auditQueryRunMs: 2000, auditQueryPageSize: 40, auditQueryRecordLimit: 100 },
    });
  });
  afterAll(() => f.close());

  it('moves notStarted → running → succeeded and pages records to the ground truth', async () => {
    const hours = Object.entries(f.sim.dataset.groundTruth.countsByHour.ual).sort(([a], [b]) => a.localeCompare(b)).slice(0, 6);
    const start = hours[0]![0];
    const end = new Date(Date.parse(hours[hours.length - 1]![0]) + 3600_000).toISOString();
    const expected = hours.reduce((n, [, c]) => n + c, 0);
    expect(expected).toBeLessThanOrEqual(100);
    const created = await create({ displayName: 'first hours', filterStartDateTime: start, filterEndDateTime: end });
    expect(created.status).toBe(201);
    const query = created.json<Query>();
    expect(query.status).toBe('notStarted');
    const tooEarly = await f.call(`${queries()}/${query.id}/records`, f.tokens.graph);
    expect(tooEarly.status).toBe(400);
    offsetMs = 1500;
    expect((await f.call(`${queries()}/${query.id}`, f.tokens.graph)).json<Query>().status).toBe('running');
    offsetMs = 5000;
    const done = (await f.call(`${queries()}/${query.id}`, f.tokens.graph)).json<Query>();
    expect(done).toMatchObject({ status: 'succeeded', isRecordCountLimitExceeded: false, approximateReturnedRecordCount: expected });
    const ids = new Set<string>();
    let next: string | undefined = `${queries()}/${query.id}/records`;
    while (next) {
      const res = await f.call(next, f.tokens.graph);
      const page: RecordsPage = res.json<RecordsPage>();
      page.value.forEach((r) => {
        expect(r.auditData.Id).toBe(r.id);
        ids.add(r.id);
      });
      next = page['@odata.nextLink'];
    }
    expect(ids.size).toBe(expected);
  });

  it('flags a query that matched more than the record limit', async () => {
    offsetMs = 0;
    const created = (await create({ filterStartDateTime: new Date(TEST_ANCHOR.getTime() - 4 * 86_400_000).toISOString(), filterEndDateTime: TEST_ANCHOR.toISOString() })).json<Query>();
    offsetMs = 10_000;
    const done = (await f.call(`${queries()}/${created.id}`, f.tokens.graph)).json<Query>();
    expect(done).toMatchObject({ status: 'succeeded', isRecordCountLimitExceeded: true, approximateReturnedRecordCount: 100 });
    const bad = await create({ filterStartDateTime: 'yesterday' });
    expect(bad.status).toBe(400);
  });

  it('ends a query created under the query-fail fault as failed, with no records', async () => {
    offsetMs = 0;
    f.sim.setFaults('rate:off,query-fail@graph:req=1');
    try {
      const body = { filterStartDateTime: new Date(TEST_ANCHOR.getTime() - 3600_000).toISOString(), filterEndDateTime: TEST_ANCHOR.toISOString() };
      const failing = (await create(body)).json<Query>();
      const healthy = (await create(body)).json<Query>();
      offsetMs = 10_000;
      expect((await f.call(`${queries()}/${failing.id}`, f.tokens.graph)).json<Query>()).toMatchObject({ status: 'failed', approximateReturnedRecordCount: null });
      expect((await f.call(`${queries()}/${failing.id}/records`, f.tokens.graph)).status).toBe(400);
      expect((await f.call(`${queries()}/${healthy.id}`, f.tokens.graph)).json<Query>().status).toBe('succeeded');
    } finally {
      f.sim.setFaults('rate:off');
    }
  });
});

describe('Graph audit log query gates', () => {
  it('refuses a responder without audit rights', async () => {
    const f = await startFixture({ profile: 'no-global-reader' });
    try {
      const res = await f.call(`${f.sim.serviceUrls.graph}/v1.0/security/auditLog/queries`, f.tokens.graph, { method: 'POST', body: '{}' });
      expect(res.status).toBe(403);
    } finally {
      await f.close();
    }
  });
});
