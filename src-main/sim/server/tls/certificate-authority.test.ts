import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateCertificates } from './certificate-authority.js';
import { loadOrCreateSigner } from '../auth/jwt.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-ca-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('simulator certificate authority', () => {
  it('creates a CA once, reuses it, and issues a loopback leaf that verifies against it', () => {
    const dir = tempDir();
    const first = loadOrCreateCertificates(dir, new Date());
    const second = loadOrCreateCertificates(dir, new Date());
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.serverCertPem).toBe(first.serverCertPem);
    expect(readFileSync(first.caCertPath, 'utf8')).toBe(first.caCertPem);
    const ca = new X509Certificate(first.caCertPem);
    const leaf = new X509Certificate(second.serverCertPem);
    expect(ca.ca).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkHost('localhost')).toBe('localhost');
  });

  it('serves TLS that a client trusting only the CA accepts', async () => {
    const certs = loadOrCreateCertificates(tempDir(), new Date());
    const server = createServer({ key: certs.serverKeyPem, cert: certs.serverCertPem }, (_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const fetchWith = (ca?: string) =>
        new Promise<string>((resolve, reject) => {
          get({ host: '127.0.0.1', port, path: '/', ...(ca ? { ca } : {}) }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve(body));
          }).on('error', reject);
        });
      await expect(fetchWith(certs.caCertPem)).resolves.toBe('ok');
      await expect(fetchWith()).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('keeps one token-signing key per state folder and verifies only its own tokens', () => {
    const dir = tempDir();
    const signer = loadOrCreateSigner(dir);
    const again = loadOrCreateSigner(dir);
    const token = signer.sign({ sub: 'x' });
    expect(again.verify(token)?.claims['sub']).toBe('x');
    expect(loadOrCreateSigner(tempDir()).verify(token)).toBeNull();
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'y' })).toString('base64url')}.${s}`;
    expect(signer.verify(forged)).toBeNull();
    expect(signer.jwks().keys[0]).toMatchObject({ kty: 'RSA', kid: signer.kid });
  });
});
