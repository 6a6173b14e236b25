import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { CoreError } from '../../../src-shared/ipc/result.js';

/**
 * The CA list for outbound TLS: the system's roots plus certificates the user chose to trust
 * (a TLS-inspecting proxy's CA, or the simulator's). Extra CAs are added, never substituted, and
 * verification is never switched off: a wrong certificate must fail the connection.
 */
export function trustedCas(extraPems: readonly string[] = []): string[] {
  for (const pem of extraPems) assertCertificate(pem);
  return [...rootCertificates, ...extraPems];
}

/** Fails with a readable message when a "CA" is not a certificate at all (a key, a truncated file). */
export function assertCertificate(pem: string, where = 'an extra CA certificate'): void {
  try {
    new X509Certificate(pem);
  } catch (e) {
    throw new CoreError('validation', `${where} is not a PEM certificate (${e instanceof Error ? e.message : String(e)}).`);
  }
}
