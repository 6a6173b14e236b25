import { AuthStatus, type SignInInput } from '../../../src-shared/domain/auth.js';
import { CloudId } from '../../../src-shared/domain/clouds.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { createMemorySecretStore } from '../../core/auth/secret-stores.js';
import { createCliCore } from '../cli-core.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseOptions, required } from '../parse-options.js';
import { runGuarded } from '../run-guarded.js';
import { networkFromEnv } from './cli-network.js';
import { routeOrThrow, withOpenCase } from './with-open-case.js';

/**
 * `cirrus signin`: signs in once; later commands (readiness, collection) in other processes
 * reuse the cached sign-in. The token cache lives in the user's config folder (0600), never in
 * the case folder; the case's custody log records who signed in where.
 */
const HELP = [
  'Usage: cirrus signin --case DIR --cloud global|usgov|usgovdod|china|sim [--device-code] [--tenant T] [--client-id ID]',
  '                     [--sim-url URL] [--sim-ca PATH] [--memory-cache] [--json]',
  '',
  'Signs in to Microsoft (or the simulated demo tenant) and records the sign-in in the case custody log.',
  'Without --device-code a browser sign-in starts: open the printed address on this machine.',
  '  --case DIR        case folder (the custody log records account, tenant, cloud and method — never tokens)',
  '  --cloud C         global, usgov (GCC High), usgovdod, china (21Vianet) or sim (demo tenant)',
  '  --device-code     sign in with a code on another device (prints the address and the code)',
  '  --tenant T        tenant id or domain (default: organizations, the account\'s own tenant)',
  '  --client-id ID    own app registration (default: the Azure CLI first-party client; see the sign-in requirements)',
  '  --sim-url URL     the simulator, https://127.0.0.1:PORT (with --cloud sim)',
  '  --sim-ca PATH     the simulator\'s CA certificate (its caCertPath)',
  '  --memory-cache    keep tokens in memory only: nothing is written, later commands cannot reuse the sign-in',
  '  --json            print the sign-in status as JSON',
  '',
  'Environment: HTTPS_PROXY (forward proxy), CIRRUS_EXTRA_CA_CERTS (PEM bundle of extra CAs, e.g. a TLS-inspecting proxy).',
  'Example: npm run cirrus -- signin --case ./cases/bec-01 --cloud global --tenant contoso.onmicrosoft.com --device-code',
].join('\n');

export function printStatus(status: AuthStatus, io: CliIo): void {
  const s = status.session;
  if (!s) {
    io.out('Not signed in.');
    return;
  }
  io.out(`Signed in  ${s.account.username}${s.account.name ? ` (${s.account.name})` : ''}`);
  io.out(`Tenant     ${s.account.tenantId}`);
  io.out(`Cloud      ${s.cloudLabel}`);
  io.out(`App        ${s.clientId}; ${s.method === 'deviceCode' ? 'device code' : 'browser'} sign-in at ${s.signedInAt} (UTC)`);
  io.out(`Tokens     ${status.cacheProtection === 'memory' ? 'in memory only (gone when this command ends)' : `cached for this user (${status.cacheProtection})`}`);
}

export const signinCommand: CliCommand = {
  words: ['signin'],
  summary: 'Sign in to a Microsoft cloud (or the demo tenant) for readiness and collection',
  help: HELP,
  run: (args, io) =>
    runGuarded(io, async () => {
      const o = parseOptions(args, {
        case: { type: 'string' },
        cloud: { type: 'string' },
        'device-code': { type: 'boolean' },
        tenant: { type: 'string' },
        'client-id': { type: 'string' },
        'sim-url': { type: 'string' },
        'sim-ca': { type: 'string' },
        'memory-cache': { type: 'boolean' },
        json: { type: 'boolean' },
      });
      const dir = required(o.case, '--case');
      const cloud = CloudId.safeParse(required(o.cloud, '--cloud'));
      if (!cloud.success) throw new CoreError('validation', `--cloud must be one of ${CloudId.options.join(', ')}`);
      if (cloud.data === 'sim' && !o['sim-url']) throw new CoreError('validation', 'missing required option --sim-url (with --cloud sim)');
      const input: SignInInput = {
        cloud: cloud.data,
        method: o['device-code'] ? 'deviceCode' : 'interactive',
        ...(o.tenant ? { tenant: o.tenant } : {}),
        ...(o['client-id'] ? { clientId: o['client-id'] } : {}),
        ...(cloud.data === 'sim' && o['sim-url'] ? { demo: { baseUrl: o['sim-url'], ...(o['sim-ca'] ? { caCertPath: o['sim-ca'] } : {}) } } : {}),
      };
      const core = createCliCore(io, { network: networkFromEnv(io.env), ...(o['memory-cache'] ? { secrets: createMemorySecretStore() } : {}) });
      const stopListening = core.onEvent((event) => {
        if (event.name !== 'auth.deviceCode') return;
        const p = event.payload;
        io.err(`To sign in, open ${p.verificationUri} and enter the code ${p.userCode} (valid until ${p.expiresAt} UTC).`);
      });
      const onStop = () => void core.route('auth.cancel', {});
      io.stopSignal.addEventListener('abort', onStop);
      try {
        return await withOpenCase(core, dir, async () => {
          const status = AuthStatus.parse(await routeOrThrow(core.route('auth.signIn', input)));
          if (o.json) io.out(JSON.stringify(status, null, 2));
          else printStatus(status, io);
          return 0;
        });
      } finally {
        io.stopSignal.removeEventListener('abort', onStop);
        stopListening();
      }
    }),
};
