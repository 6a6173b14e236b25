import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpsServer, testCertificates } from '../../net/testing/tls-fixtures.js';
import { makeTempDir } from '../../testing/test-ports.js';
import { createTransport, TransportError } from './transport.js';

/** The wire: bytes exactly as sent (not decoded), cut answers and aborts told apart, https only. */
describe('collector transport', () => {
  const tmp = makeTempDir();
  const certs = testCertificates(tmp.dir);
  // Not valid UTF-8 on purpose: decoding and re-encoding would change these bytes.
  const odd = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
  let server: Awaited<ReturnType<typeof startHttpsServer>>;

  beforeAll(async () => {
    server = await startHttpsServer(certs, (req, res) => {
      if (req.url === '/odd') {
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' });
        res.end(odd);
        return;
      }
      if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('{"value":[');
        setTimeout(() => res.destroy(), 10);
        return;
      }
      if (req.url === '/never') return;
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, body, auth: req.headers['authorization'] ?? null, encoding: req.headers['accept-encoding'] ?? null }));
      });
    });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('returns the body bytes exactly as received', async () => {
    const t = createTransport({ extraCaPems: [certs.caCertPem] });
    const r = await t.send({ method: 'GET', url: `${server.origin}/odd`, headers: {} });
    t.close();
    expect(r.status).toBe(200);
    expect(r.bytes.equals(odd)).toBe(true);
    expect(r.headers['set-cookie']).toBe('a=b');
  });

  it('sends method, headers and body, and asks for no content encoding', async () => {
    const t = createTransport({ extraCaPems: [certs.caCertPem] });
    const r = await t.send({ method: 'POST', url: `${server.origin}/echo`, headers: { authorization: 'Bearer x' }, body: Buffer.from('{"a":1}') });
    t.close();
    expect(r.status).toBe(201);
    expect(JSON.parse(r.bytes.toString())).toEqual({ method: 'POST', body: '{"a":1}', auth: 'Bearer x', encoding: null });
  });

  it('tells a cut-short answer, an aborted request and an untrusted server apart', async () => {
    const t = createTransport({ extraCaPems: [certs.caCertPem] });
    await expect(t.send({ method: 'GET', url: `${server.origin}/cut`, headers: {} })).rejects.toMatchObject({ kind: 'truncated' });
    await expect(t.send({ method: 'GET', url: `${server.origin}/never`, headers: {}, signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      kind: 'aborted',
      message: expect.stringMatching(/no complete answer in time/),
    });
    t.close();
    const untrusting = createTransport();
    const error = await untrusting.send({ method: 'GET', url: `${server.origin}/odd`, headers: {} }).catch((e: unknown) => e);
    untrusting.close();
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'network' });
  });

  it('refuses plain http', async () => {
    const t = createTransport();
    await expect(t.send({ method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} })).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/only https/) });
    t.close();
  });
});
