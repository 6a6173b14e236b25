import { describe, expect, it } from 'vitest';
import { scriptedClient, scriptedTransport } from '../testing/scripted-transport.js';
import type { ApiPage } from './api-types.js';
import { armPages, continuationPages, nextPageUriPages, odataPages } from './paging.js';

async function all(pager: AsyncIterable<ApiPage>): Promise<ApiPage[]> {
  const pages: ApiPage[] = [];
  for await (const p of pager) pages.push(p);
  return pages;
}

describe('paging strategies', () => {
  it('follows @odata.nextLink verbatim, posting the same body for Exchange', async () => {
    const transport = scriptedTransport((r) =>
      r.url.includes('skiptoken=2')
        ? { status: 200, body: { value: [3] } }
        : { status: 200, body: { value: [1, 2], '@odata.nextLink': 'https://exo.example/adminapi/beta/t/InvokeCommand?$skiptoken=2' } },
    );
    const { client } = scriptedClient(transport);
    const pages = await all(odataPages(client, { service: 'exo', method: 'POST', url: 'https://exo.example/adminapi/beta/t/InvokeCommand', body: '{"CmdletInput":{}}' }));
    expect(pages.map((p) => p.json)).toEqual([{ value: [1, 2], '@odata.nextLink': expect.any(String) }, { value: [3] }]);
    expect(transport.requests.map((r) => [r.method, r.url, r.body?.toString()])).toEqual([
      ['POST', 'https://exo.example/adminapi/beta/t/InvokeCommand', '{"CmdletInput":{}}'],
      ['POST', 'https://exo.example/adminapi/beta/t/InvokeCommand?$skiptoken=2', '{"CmdletInput":{}}'],
    ]);
  });

  it('refuses a next link to another origin (the bearer token would go with it) and a link that repeats', async () => {
    const away = scriptedClient(scriptedTransport(() => ({ status: 200, body: { value: [], '@odata.nextLink': 'https://elsewhere.example/x' } }))).client;
    await expect(all(odataPages(away, { service: 'graph', method: 'GET', url: 'https://graph.example/v1.0/x' }))).rejects.toMatchObject({ kind: 'shape', message: expect.stringMatching(/leaves/) });
    const loop = scriptedClient(scriptedTransport(() => ({ status: 200, body: { value: [], '@odata.nextLink': 'https://graph.example/v1.0/x?$skiptoken=1' } }))).client;
    await expect(all(odataPages(loop, { service: 'graph', method: 'GET', url: 'https://graph.example/v1.0/x' }))).rejects.toMatchObject({ message: expect.stringMatching(/same next-page link twice/) });
  });

  it('rejects a 200 that is not the documented collection shape', async () => {
    const { client } = scriptedClient(scriptedTransport(() => ({ status: 200, body: { values: [] } })));
    await expect(all(odataPages(client, { service: 'graph', method: 'GET', url: 'https://graph.example/v1.0/x' }))).rejects.toMatchObject({ kind: 'shape' });
  });

  it('follows the Management API NextPageUri header and the ARM nextLink', async () => {
    const mgmt = scriptedTransport((r) =>
      r.url.includes('nextPage=')
        ? { status: 200, body: [{ contentUri: 'https://manage.example/b2', contentId: 'b2' }] }
        : { status: 200, headers: { nextpageuri: 'https://manage.example/api/v1/t/activity/feed/subscriptions/content?nextPage=x' }, body: [{ contentUri: 'https://manage.example/b1', contentId: 'b1' }] },
    );
    expect(await all(nextPageUriPages(scriptedClient(mgmt).client, { service: 'mgmt', method: 'GET', url: 'https://manage.example/api/v1.0/t/activity/feed/subscriptions/content' }))).toHaveLength(2);

    const arm = scriptedTransport((r) => (r.url.includes('skiptoken') ? { status: 200, body: { value: [2] } } : { status: 200, body: { value: [1], nextLink: 'https://arm.example/s?$skiptoken=a' } }));
    expect((await all(armPages(scriptedClient(arm).client, { service: 'arm', method: 'GET', url: 'https://arm.example/s' }))).map((p) => p.json)).toEqual([
      { value: [1], nextLink: 'https://arm.example/s?$skiptoken=a' },
      { value: [2] },
    ]);
  });

  it('repeats the DevOps query with the continuation token while hasMore, bare or wrapped in value', async () => {
    const transport = scriptedTransport((r) => {
      const token = new URL(r.url).searchParams.get('continuationToken');
      if (token === null) return { status: 200, body: { decoratedAuditLogEntries: [{ id: 'a' }], continuationToken: 'a', hasMore: true } };
      return { status: 200, body: { value: { decoratedAuditLogEntries: [{ id: 'b' }], continuationToken: 'b', hasMore: false } } };
    });
    const pages = await all(continuationPages(scriptedClient(transport).client, { service: 'devops', method: 'GET', url: 'https://audit.example/org/_apis/audit/auditlog?startTime=s&api-version=7.1-preview.1' }));
    expect(pages).toHaveLength(2);
    expect(new URL(transport.requests[1]?.url ?? '').searchParams.get('continuationToken')).toBe('a');
    expect(new URL(transport.requests[1]?.url ?? '').searchParams.get('startTime')).toBe('s');

    const stuck = scriptedTransport(() => ({ status: 200, body: { decoratedAuditLogEntries: [], continuationToken: 'same', hasMore: true } }));
    await expect(all(continuationPages(scriptedClient(stuck).client, { service: 'devops', method: 'GET', url: 'https://audit.example/o' }))).rejects.toMatchObject({ message: expect.stringMatching(/same continuation token twice/) });
  });
});
