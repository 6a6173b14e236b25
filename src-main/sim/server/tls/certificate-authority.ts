import forge from 'node-forge';
import { constants, createPrivateKey, generateKeyPairSync, privateEncrypt, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureDir, readOrCreateOnce, writeAtomically } from './state-files.js';

/**
 * The simulator's own certificate authority. It is created on first start and kept in the state
 * folder so a client that was told to trust it once (NODE_EXTRA_CA_CERTS, an https.Agent `ca`)
 * keeps working across restarts. Each start issues a fresh leaf for 127.0.0.1/localhost; clients
 * never pin the leaf, only the CA.
 *
 * Key generation uses Node's crypto (fast, native); node-forge only assembles and signs the
 * certificate structures, so no external tool is needed.
 */
export interface SimCertificates {
  caCertPem: string;
  caCertPath: string;
  serverCertPem: string;
  serverKeyPem: string;
}

const CA_BUNDLE_FILE = 'ca-bundle.json';
const CA_CERT_FILE = 'ca-cert.pem';
const LEAF_FILE = 'tls-leaf.json';
const caBundleSchema = z.object({ certPem: z.string().min(1), keyPem: z.string().min(1) });

export function loadOrCreateCertificates(stateDir: string, now: Date): SimCertificates {
  ensureDir(stateDir);
  const bundleText = readOrCreateOnce(stateDir, CA_BUNDLE_FILE, () => JSON.stringify(createCa(now)));
  const bundle = parseCaBundle(bundleText);
  const caCertPath = writeAtomically(stateDir, CA_CERT_FILE, bundle.certPem);
  const leaf = reusableLeaf(stateDir, bundle, now) ?? storeLeaf(stateDir, createServerCertificate(bundle, now));
  return { caCertPem: bundle.certPem, caCertPath, serverCertPem: leaf.certPem, serverKeyPem: leaf.keyPem };
}

/** The last leaf, if it was issued by this CA, covers 127.0.0.1 and stays valid for another day. */
function reusableLeaf(stateDir: string, ca: z.infer<typeof caBundleSchema>, now: Date): { certPem: string; keyPem: string } | null {
  try {
    const leaf = caBundleSchema.parse(JSON.parse(readFileSync(join(stateDir, LEAF_FILE), 'utf8')));
    const cert = new X509Certificate(leaf.certPem);
    const fresh = Date.parse(cert.validTo) > now.getTime() + 24 * 3600 * 1000;
    return fresh && cert.verify(new X509Certificate(ca.certPem).publicKey) && cert.checkIP('127.0.0.1') ? leaf : null;
  } catch {
    return null;
  }
}

function storeLeaf(stateDir: string, leaf: { certPem: string; keyPem: string }): { certPem: string; keyPem: string } {
  writeAtomically(stateDir, LEAF_FILE, JSON.stringify(leaf), 0o600);
  return leaf;
}

function parseCaBundle(text: string): z.infer<typeof caBundleSchema> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`The simulator state folder holds a damaged ${CA_BUNDLE_FILE}; delete it to create a new CA.`);
  }
  const bundle = caBundleSchema.parse(parsed);
  const cert = new X509Certificate(bundle.certPem);
  if (!cert.ca) throw new Error(`${CA_BUNDLE_FILE} does not hold a CA certificate; delete it to create a new CA.`);
  return bundle;
}

function rsaKeyPair(): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

function serialNumber(): string {
  // Positive 16-byte serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function createCa(now: Date): z.infer<typeof caBundleSchema> {
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 60 * 60 * 1000);
  const name = [
    { name: 'commonName', value: 'Cirrus Simulated Cloud Local CA' },
    { name: 'organizationName', value: 'Cirrus simulator' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signWithNode(cert, keys.privatePem);
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

function createServerCertificate(ca: z.infer<typeof caBundleSchema>, now: Date): { certPem: string; keyPem: string } {
  const keys = rsaKeyPair();
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 365 * 24 * 60 * 60 * 1000);
  cert.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
        { type: 2, value: 'localhost' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  signWithNode(cert, ca.keyPem);
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

// DER prefix of a DigestInfo for SHA-256 (RFC 8017 §9.2): the signature is RSA over prefix+hash.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * forge's certificate signing hands the finished digest to `key.sign(md)`. Doing that RSA step
 * with Node's native crypto instead of forge's JavaScript RSA keeps start-up fast.
 */
function signWithNode(cert: forge.pki.Certificate, privateKeyPem: string): void {
  const key = createPrivateKey(privateKeyPem);
  const signer = {
    sign(md: forge.md.MessageDigest): string {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
      return signature.toString('binary');
    },
  };
  cert.sign(signer as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
}
