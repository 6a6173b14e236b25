import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { loadOrCreateCertificates, type SimCertificates } from '../../../sim/server/tls/certificate-authority.js';

/**
 * Local TLS for network tests: a CA and a 127.0.0.1 leaf (made by the simulator's certificate
 * code, which is what the demo cloud really uses), an HTTPS server, and a forward proxy that
 * tunnels CONNECT and records what it was asked.
 */
export function testCertificates(stateDir: string): SimCertificates {
  return loadOrCreateCertificates(stateDir, new Date());
}

export async function startHttpsServer(certs: SimCertificates, handler: RequestListener): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
  const server = createServer({ key: certs.serverKeyPem, cert: certs.serverCertPem }, handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestProxy {
  url: string;
  /** `host:port` of every CONNECT, and the Proxy-Authorization header sent with it. */
  connects: { target: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

export async function startConnectProxy(options: { refuseWith?: number } = {}): Promise<TestProxy> {
  const connects: TestProxy['connects'] = [];
  const sockets = new Set<Socket>();
  const server: HttpServer = createHttpServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    connects.push({ target: req.url ?? '', authorization: req.headers['proxy-authorization'] });
    if (options.refuseWith) {
      client.end(`HTTP/1.1 ${options.refuseWith} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
