import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { PortReply, WriterRequest } from '../db/writer-protocol.js';
import { makeTempDir } from '../testing/test-ports.js';
import { createCaseService } from './case-service.js';

/**
 * The line a collection job gets to the case writer: it runs the ops it was opened for and
 * refuses every other op (a job cannot append custody entries or delete work product).
 */
function ask(port: MessagePort, request: WriterRequest): Promise<PortReply> {
  return new Promise((resolve) => {
    const onReply = (m: PortReply) => {
      if (m.id !== request.id) return;
      port.off('message', onReply);
      resolve(m);
    };
    port.on('message', onReply);
    port.postMessage(request);
  });
}

describe('an attached writer line', () => {
  const tmp = makeTempDir('cirrus-attach-');
  afterAll(() => tmp.cleanup());

  it('runs the ops it was opened for and refuses the others', async () => {
    const cases = createCaseService({ toolVersion: '0.0.0-test', clock: { now: () => new Date('2026-01-01T00:00:00Z') }, onChanged: () => {} });
    await cases.create({ dir: join(tmp.dir, 'case'), name: 'attach', examiner: 'Examiner E', tenantLabel: '', description: '' });
    const { id } = await cases.write('collection.queueJob', { source: 'ual', kind: 'collect.ual', params: {}, at: '2026-01-01T00:00:00.000Z' });
    const port = await cases.attachWriter(['collection.jobLog']);
    try {
      const ok = await ask(port, { type: 'op', id: 1, op: 'collection.jobLog', args: { jobId: id, level: 'info', message: 'hello', at: '2026-01-01T00:00:00.000Z' } });
      expect(ok.ok).toBe(true);
      const refused = await ask(port, { type: 'op', id: 2, op: 'custody.append', args: {} });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/custody\.append is not open on this line/) } });
      const bad = await ask(port, { type: 'op', id: 3, op: 'collection.jobLog', args: { jobId: id, level: 'loud', message: '', at: 'x' } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(cases.read((db) => db.prepare('SELECT message FROM job_log').pluck().all())).toEqual(['hello']);
    } finally {
      port.close();
      await cases.shutdown();
    }
  });
});
