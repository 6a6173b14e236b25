import { afterEach, describe, expect, it } from 'vitest';
import { readWindows } from '../../db/queries/collection-ledger.js';
import { makeTempDir } from '../../testing/test-ports.js';
import { directoryAuditPages } from '../sources/graph-audit-logs.js';
import { memoryContext } from '../testing/memory-case.js';
import { scriptedClient, scriptedTransport, type ScriptedAnswer } from '../testing/scripted-transport.js';
import { collectPlainChannel, type PlainChannel } from './plain-planner.js';
import { collectUal } from './ual-planner.js';
import { RunStopped } from './window-errors.js';
import { DAY_MS } from './windows.js';

/** How windows fail: retried when the trouble may pass, the run stopped when the service refuses. */
const GRAPH = 'https://graph.example';
const day = Date.parse('2026-03-01T00:00:00Z');
const audit = (id: string) => ({
  id,
  category: 'UserManagement',
  correlationId: '0b7d3c0e-3a2f-4f8e-9b1b-1a2b3c4d5e6f',
  result: 'success',
  activityDisplayName: 'Add member to group',
  activityDateTime: '2026-03-01T10:00:00Z',
  loggedByService: 'Core Directory',
  operationType: 'Assign',
  initiatedBy: { user: { id: 'u1', userPrincipalName: 'admin@contoso.example', ipAddress: '203.0.113.5' }, app: null },
  targetResources: [],
  additionalDetails: [],
});
const next = `${GRAPH}/v1.0/auditLogs/directoryAudits?$skiptoken=2`;

function channel(api: Parameters<typeof directoryAuditPages>[0], days: number): PlainChannel {
  return {
    source: 'directory_audit',
    channel: 'graph',
    filter: {},
    format: 'directory_audit.graph',
    folder: 'directory-audit',
    windows: Array.from({ length: days }, (_, i) => ({ startMs: day + i * DAY_MS, endMs: day + (i + 1) * DAY_MS })),
    pages: (w, signal) => directoryAuditPages(api, GRAPH, w, signal),
  };
}

describe('window failures', () => {
  const tmp = makeTempDir();
  afterEach(() => tmp.cleanup());

  it('fetches a window again from its first page when paging breaks off, and records why', async () => {
    const answers: ScriptedAnswer[] = [
      { status: 200, body: { value: [audit('d1')], '@odata.nextLink': next } },
      { fail: 'network' },
      { status: 200, body: { value: [audit('d1')], '@odata.nextLink': next } },
      { status: 200, body: { value: [audit('d2')] } },
    ];
    const { client } = scriptedClient(scriptedTransport((_r, i) => answers[i] as ScriptedAnswer), { maxFailures: 0 });
    const { db, context } = await memoryContext(tmp.dir, client);
    const [outcome] = await collectPlainChannel(context, channel(client, 1));
    expect(outcome).toMatchObject({ status: 'complete', attempts: 2, fetched: 3, storedNew: 2, unique: 2 });
    expect(readWindows(db, context.jobId)).toMatchObject([{ status: 'complete', attempts: 2, fetched: 3, stored_unique: 2, last_error: expect.stringMatching(/gave up/) }]);
  });

  it('stops the run at the first refused window instead of failing every window the same way', async () => {
    const refusal = { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } };
    const { client } = scriptedClient(scriptedTransport(() => ({ status: 403, body: refusal })));
    const { db, context } = await memoryContext(tmp.dir, client);
    const error = await collectPlainChannel(context, channel(client, 5), { concurrency: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunStopped);
    expect(readWindows(db, context.jobId)).toMatchObject([{ status: 'failed', attempts: 1, last_error: expect.stringMatching(/403 Authorization_RequestDenied/) }]);
  });

  it('records a UAL window as failed and stops when Exchange refuses the search', async () => {
    const notRecognized = { error: { code: 'BadRequest', details: [{ message: "The term 'Search-UnifiedAuditLog' is not recognized as a name of a cmdlet" }] } };
    const { client } = scriptedClient(scriptedTransport(() => ({ status: 400, body: notRecognized })));
    const { db, context } = await memoryContext(tmp.dir, client);
    const target = { exoBase: 'https://exo.example', tenant: 't', anchorUpn: null, filter: {} };
    await expect(collectUal(context, { range: { startMs: day, endMs: day + 3 * 3_600_000 }, target, concurrency: 1 })).rejects.toBeInstanceOf(RunStopped);
    expect(readWindows(db, context.jobId)).toMatchObject([{ status: 'failed', last_error: expect.stringMatching(/is not recognized/) }]);
  });

  it('stops when the job is cancelled, leaving the window failed as cancelled', async () => {
    const controller = new AbortController();
    const { client } = scriptedClient(scriptedTransport(() => ({ status: 429, headers: { 'retry-after': '5' } })), { sleep: async () => controller.abort() });
    const { db, context } = await memoryContext(tmp.dir, client, controller.signal);
    const target = { exoBase: 'https://exo.example', tenant: 't', anchorUpn: null, filter: {} };
    const error = await collectUal(context, { range: { startMs: day, endMs: day + 3_600_000 }, target }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunStopped);
    expect(readWindows(db, context.jobId)).toMatchObject([{ status: 'failed', last_error: expect.stringMatching(/cancelled/) }]);
  });
});
