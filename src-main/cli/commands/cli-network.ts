import { readFileSync } from 'node:fs';
import { CoreError } from '../../../src-shared/ipc/result.js';
import type { NetworkSettings } from '../../core/ports.js';

/**
 * Outbound network settings of the sign-in and readiness commands, from the environment the
 * way command-line tools usually take them: HTTPS_PROXY for a forward proxy, and
 * CIRRUS_EXTRA_CA_CERTS for a PEM bundle of extra CAs (a TLS-inspecting proxy). TLS
 * verification itself is never switched off.
 */
export function networkFromEnv(env: Record<string, string | undefined>): NetworkSettings {
  const proxyUrl = env['HTTPS_PROXY'] ?? env['https_proxy'];
  const caFile = env['CIRRUS_EXTRA_CA_CERTS'];
  const settings: NetworkSettings = {};
  if (proxyUrl) {
    try {
      new URL(proxyUrl);
    } catch {
      throw new CoreError('validation', `HTTPS_PROXY is not a URL (${proxyUrl}).`);
    }
    settings.proxyUrl = proxyUrl;
  }
  if (caFile) {
    let text: string;
    try {
      text = readFileSync(caFile, 'utf8');
    } catch (e) {
      throw new CoreError('validation', `CIRRUS_EXTRA_CA_CERTS: cannot read ${caFile} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
    }
    const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (pems.length === 0) throw new CoreError('validation', `CIRRUS_EXTRA_CA_CERTS: ${caFile} holds no PEM certificate.`);
    settings.extraCaPems = pems;
  }
  return settings;
}
