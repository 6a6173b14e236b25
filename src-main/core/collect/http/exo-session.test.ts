import { describe, expect, it } from 'vitest';
import { scriptedClient, scriptedTransport, type ScriptedAnswer } from '../testing/scripted-transport.js';
import { searchSessionPages, SessionGlitch, type SearchSessionRequest, type SessionPage } from './exo-session.js';

const row = (index: number, count: number) => ({ ResultIndex: index, ResultCount: count, Identity: `id-${index}`, AuditData: '{}' });
const rows = (from: number, to: number, count: number) => Array.from({ length: to - from + 1 }, (_, i) => row(from + i, count));
const page = (value: unknown[], extra: Record<string, unknown> = {}): ScriptedAnswer => ({ status: 200, body: { value, ...extra } });

const request: SearchSessionRequest = {
  exoBase: 'https://exo.example',
  tenant: 'contoso.onmicrosoft.com',
  anchorUpn: 'admin@contoso.example',
  startMs: Date.parse('2026-03-01T00:00:00Z'),
  endMs: Date.parse('2026-03-01T01:00:00Z'),
  filter: { operations: ['New-InboxRule'] },
  sessionId: 's-1',
  resultSize: 3,
  odataPageSize: 1000,
  sessionCap: 50_000,
};

async function run(answers: ScriptedAnswer[], req: SearchSessionRequest = request): Promise<{ pages: SessionPage[]; error: unknown; bodies: string[] }> {
  const transport = scriptedTransport((_r, i) => answers[i] ?? page([]));
  const { client } = scriptedClient(transport);
  const pages: SessionPage[] = [];
  let error: unknown = null;
  try {
    for await (const p of searchSessionPages(client, req)) pages.push(p);
  } catch (e) {
    error = e;
  }
  return { pages, error, bodies: transport.requests.map((r) => r.body?.toString() ?? '') };
}

describe('Search-UnifiedAuditLog session paging', () => {
  it('runs the same session until every reported row arrived, with the cmdlet parameters Exchange expects', async () => {
    const { pages, error, bodies } = await run([page(rows(1, 3, 7)), page(rows(4, 6, 7)), page(rows(7, 7, 7))]);
    expect(error).toBeNull();
    expect(pages.map((p) => [p.rows.length, p.reportedCount, p.fetched])).toEqual([[3, 7, 3], [3, 7, 6], [1, 7, 7]]);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] ?? '')).toEqual({
      CmdletInput: {
        CmdletName: 'Search-UnifiedAuditLog',
        Parameters: {
          StartDate: '2026-03-01T00:00:00Z',
          EndDate: '2026-03-01T01:00:00Z',
          Operations: ['New-InboxRule'],
          SessionId: 's-1',
          SessionCommand: 'ReturnLargeSet',
          ResultSize: 3,
        },
      },
    });
  });

  it('ends on an empty first answer (nothing found) and at the session cap', async () => {
    expect((await run([page([])])).pages.map((p) => p.reportedCount)).toEqual([0]);
    const capped = await run([page(rows(1, 3, 10)), page(rows(4, 5, 10))], { ...request, sessionCap: 5 });
    expect(capped.error).toBeNull();
    expect(capped.pages.at(-1)?.fetched).toBe(5);
    expect(capped.bodies).toHaveLength(2);
  });

  it('reports a glitch when a page comes back empty before the count is reached', async () => {
    const { pages, error } = await run([page(rows(1, 3, 7)), page([])]);
    expect(pages).toHaveLength(2);
    expect(error).toBeInstanceOf(SessionGlitch);
    expect((error as Error).message).toBe('an empty page after 3 of 7 rows');
  });

  it('reports a glitch when ResultIndex skips rows or ResultCount changes', async () => {
    expect(((await run([page(rows(1, 3, 7)), page(rows(6, 7, 7))])).error as Error).message).toBe('ResultIndex jumped from 3 to 6');
    expect(((await run([page(rows(1, 3, 7)), page(rows(4, 6, 8))])).error as Error).message).toBe('ResultCount changed mid-session (7 → 8)');
  });

  it('reports a glitch for a transient Exchange warning in a 200 and for an expired result link', async () => {
    const warned = await run([page(rows(1, 3, 3), { '@adminapi.warnings': ['The task was canceled.'] })]);
    expect(warned.error).toBeInstanceOf(SessionGlitch);
    const expired = await run([
      page(rows(1, 3, 6), { '@odata.nextLink': 'https://exo.example/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand?$skiptoken=x' }),
      { status: 400, body: { error: { code: 'BadRequest', details: [{ message: 'The skip token is invalid or has expired.' }] } } },
    ]);
    expect(expired.error).toBeInstanceOf(SessionGlitch);
    expect((expired.error as Error).message).toMatch(/result page link was refused/);
  });

  it('passes a refusal of the search itself through', async () => {
    const { error } = await run([{ status: 400, body: { error: { details: [{ message: "The term 'Search-UnifiedAuditLog' is not recognized" }] } } }]);
    expect(error).toMatchObject({ kind: 'http', status: 400, message: expect.stringMatching(/is not recognized/) });
  });
});
