import { describe, expect, it } from 'vitest';
import { err, ok } from '../../src-shared/ipc/result.js';
import { FakeTransport } from '../test/fake-transport.js';
import { CallError, createClient } from './client.js';
import { ConnectionError } from './transports/transport.js';

const info = { name: 'Cirrus', version: '1.2.3', mode: 'browser', platform: 'linux', defaultCasesDir: '/c', nativeDialogs: false };

describe('client', () => {
  it('returns the value of an ok answer, checked against the contract', async () => {
    const transport = new FakeTransport({ 'app.info': () => ok(info) });
    await expect(createClient(transport).call('app.info', {})).resolves.toEqual(info);
    expect(transport.calls).toEqual([{ name: 'app.info', input: {} }]);
  });

  it('throws a CallError carrying the core’s ErrorInfo on { ok: false }', async () => {
    const details = [{ path: 'name', message: 'case name is required' }];
    const client = createClient(new FakeTransport({ 'case.create': () => err('validation', 'invalid input', details) }));
    const failure = await client.call('case.create', { dir: '/d', name: '', examiner: 'e' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallError);
    expect((failure as CallError).command).toBe('case.create');
    expect((failure as CallError).info).toEqual({ code: 'validation', message: 'invalid input', details });
    expect((failure as CallError).message).toBe('invalid input');
  });

  it('reports an answer that does not match the contract as an internal error naming the command', async () => {
    const client = createClient(new FakeTransport({ 'app.info': () => ok({ ...info, version: 7 }) }));
    await expect(client.call('app.info', {})).rejects.toMatchObject({
      info: { code: 'internal', message: expect.stringMatching(/answer to app\.info does not match.*version/) },
    });
  });

  it('reports a malformed envelope or error as an internal error', async () => {
    const garbage = createClient(new FakeTransport({ 'case.current': () => 'nonsense' as never }));
    await expect(garbage.call('case.current', {})).rejects.toMatchObject({ info: { code: 'internal' } });
    const badError = createClient(new FakeTransport({ 'case.current': () => ({ ok: false, error: { code: 'nope' } }) as never }));
    await expect(badError.call('case.current', {})).rejects.toMatchObject({ info: { code: 'internal' } });
  });

  it('lets a transport failure through as it is, distinct from a core error', async () => {
    const client = createClient(
      new FakeTransport({
        'case.current': () => {
          throw new ConnectionError('link down');
        },
      }),
    );
    await expect(client.call('case.current', {})).rejects.toBeInstanceOf(ConnectionError);
  });
});
