import type { CacheProtection, SignInMethod } from '../../../src-shared/domain/auth.js';
import type { CloudId } from '../../../src-shared/domain/clouds.js';
import type { AppInfo } from '../../../src-shared/ipc/contract.js';

/** Where the token cache lives, said plainly: the responder must know what is left on the machine. */
export const cacheProtectionText: Record<CacheProtection, string> = {
  'os-encrypted':
    "Tokens are cached encrypted with the operating system's key store, in Cirrus's configuration folder on this computer — never in the case folder.",
  file:
    "Tokens are cached in a file only your user account can read (mode 0600) in Cirrus's configuration folder on the machine running Cirrus. The file is not encrypted — never in the case folder.",
  memory: 'Tokens are kept in memory only: nothing is written to disk, and you sign in again after Cirrus restarts.',
};

export const cacheProtectionShort: Record<CacheProtection, string> = {
  'os-encrypted': 'OS-encrypted',
  file: '0600 file in the config folder',
  memory: 'memory only',
};

/** Where the sign-in page of a browser sign-in appears, which depends on the host running the core. */
export function browserSignInWhere(mode: AppInfo['mode'] | undefined): string {
  switch (mode) {
    case 'electron':
      return 'The Microsoft sign-in page opens in your default browser on this computer; Cirrus receives the answer on a local loopback address.';
    case 'browser':
      return (
        'The Cirrus core, not this tab, opens the sign-in page: in the default browser of the machine running Cirrus, and it prints ' +
        'the address in the terminal where Cirrus was started. The answer returns to a loopback address on that machine, so when ' +
        'this tab runs elsewhere (an SSH tunnel), use Device code instead.'
      );
    default:
      return 'The Cirrus core opens the sign-in page in the default browser of the machine running Cirrus and prints its address there.';
  }
}

export const methodLabels: Record<SignInMethod, string> = {
  interactive: 'Sign in with browser',
  deviceCode: 'Device code',
};

export const deviceCodeExplanation =
  'Cirrus shows a code; enter it on the device login page from any browser, on any device. Works on headless machines and ' +
  'through tunnels. Some tenants block this flow with Conditional Access.';

/** Labels used when `auth.clouds` does not list a cloud (the demo cloud before a simulator runs). */
export const fallbackCloudLabels: Record<CloudId, string> = {
  global: 'Global (commercial, incl. US GCC)',
  usgov: 'US Government (GCC High)',
  usgovdod: 'US Government DoD',
  china: 'China (operated by 21Vianet)',
  sim: 'Demo tenant (simulated)',
};

export const simulatedExplanation =
  'A simulated Microsoft cloud on this machine with generated data — not a real tenant. For training, demonstrations and tests only.';
