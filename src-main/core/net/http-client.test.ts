import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-ports.js';
import { createHttpClient, describeUrl, NetworkError } from './http-client.js';
import { TunnelingAgent } from './proxy-tunnel.js';
import { startConnectProxy, startHttpsServer, testCertificates } from './testing/tls-fixtures.js';
import { trustedCas } from './tls-trust.js';

describe('http client: explicit CA trust, proxy tunnel, failures that name the host', () => {
  const tmp = makeTempDir();
  const certs = testCertificates(tmp.dir);
  let server: Awaited<ReturnType<typeof startHttpsServer>>;

  beforeAll(async () => {
    server = await startHttpsServer(certs, (req, res) => {
      if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('partial');
        setTimeout(() => res.destroy(), 10);
        return;
      }
      if (req.url === '/slow') return; // never answers
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'X-Echo': 'yes' });
        res.end(JSON.stringify({ method: req.method, path: req.url, body, auth: req.headers['authorization'] ?? null }));
      });
    });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('talks to a server whose CA was added explicitly, and sends bodies and headers', async () => {
    const http = createHttpClient({ extraCaPems: [certs.caCertPem] });
    const r = await http.send({ method: 'POST', url: `${server.origin}/x?a=1`, headers: { authorization: 'Bearer t' }, body: 'hello' });
    expect(r.status).toBe(200);
    expect(r.headers['x-echo']).toBe('yes');
    expect(JSON.parse(r.text)).toEqual({ method: 'POST', path: '/x?a=1', body: 'hello', auth: 'Bearer t' });
    http.close();
  });

  it('refuses the same server without its CA: verification is never switched off', async () => {
    const http = createHttpClient();
    const failure = http.send({ method: 'GET', url: `${server.origin}/x` });
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toThrow(/127\.0\.0\.1.*(self.signed|unable to verify|certificate)/i);
    http.close();
  });

  it('refuses plain http, cut-short bodies and servers that never answer', async () => {
    const http = createHttpClient({ extraCaPems: [certs.caCertPem] });
    await expect(http.send({ method: 'GET', url: 'http://127.0.0.1:1/x' })).rejects.toThrow(/only https/);
    await expect(http.send({ method: 'GET', url: `${server.origin}/cut` })).rejects.toThrow(/before the whole answer|aborted|socket hang up/i);
    await expect(http.send({ method: 'GET', url: `${server.origin}/slow`, timeoutMs: 200 })).rejects.toThrow(/no answer within 200 ms/);
    http.close();
  });

  it('sends a request again on a fresh connection when a kept-alive socket was dropped by the server', async () => {
    const served = new WeakMap<object, number>();
    const flaky = await startHttpsServer(certs, (req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      // The second request on one connection meets a socket the server has given up on.
      if (n === 2) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { connection: 'keep-alive' });
      res.end(`answer ${n}`);
    });
    const http = createHttpClient({ extraCaPems: [certs.caCertPem] });
    expect((await http.send({ method: 'POST', url: `${flaky.origin}/token`, body: 'a' })).text).toBe('answer 1');
    expect((await http.send({ method: 'POST', url: `${flaky.origin}/token`, body: 'b' })).text).toBe('answer 1');
    http.close();
    await flaky.close();
  });

  it('rejects a CA that is not a certificate with a readable message', () => {
    expect(() => trustedCas(['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'])).toThrow(/not a PEM certificate/);
  });

  it('evidence URLs never carry credentials or query strings', () => {
    expect(describeUrl('https://user:secret@graph.example/v1.0/me?code=abc')).toBe('https://graph.example/v1.0/me');
  });

  it('tunnels through a CONNECT proxy with basic credentials, and TLS is still verified end to end', async () => {
    const proxy = await startConnectProxy();
    const proxyUrl = new URL(proxy.url);
    proxyUrl.username = 'analyst';
    proxyUrl.password = 'p@ss';
    const agent = new TunnelingAgent({ proxy: proxyUrl, ca: trustedCas([certs.caCertPem]) });
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.origin}/through`, { agent }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(text)).toMatchObject({ path: '/through' });
    expect(proxy.connects[0]?.target).toBe(new URL(server.origin).host);
    expect(proxy.connects[0]?.authorization).toBe(`Basic ${Buffer.from('analyst:p@ss').toString('base64')}`);
    agent.destroy();

    const untrusting = new TunnelingAgent({ proxy: new URL(proxy.url), ca: trustedCas([]) });
    await expect(
      new Promise((resolve, reject) => {
        const req = request(`${server.origin}/through`, { agent: untrusting }, resolve);
        req.on('error', reject);
        req.end();
      }),
    ).rejects.toThrow(/self.signed|unable to verify|certificate/i);
    untrusting.destroy();
    await proxy.close();
  });

  it('names the proxy when it refuses the tunnel, and never sends loopback traffic through it', async () => {
    const refusing = await startConnectProxy({ refuseWith: 407 });
    const agent = new TunnelingAgent({ proxy: new URL(refusing.url), ca: trustedCas([certs.caCertPem]) });
    await expect(
      new Promise((resolve, reject) => {
        const req = request(`${server.origin}/x`, { agent }, resolve);
        req.on('error', reject);
        req.end();
      }),
    ).rejects.toThrow(/refused to connect .* \(HTTP 407\)/);
    agent.destroy();

    const http = createHttpClient({ extraCaPems: [certs.caCertPem], proxyUrl: refusing.url });
    const connectsBefore = refusing.connects.length;
    expect((await http.send({ method: 'GET', url: `${server.origin}/local` })).status).toBe(200);
    expect(refusing.connects.length).toBe(connectsBefore);
    http.close();
    await refusing.close();
  });
});
