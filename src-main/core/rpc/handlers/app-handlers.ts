import { CoreError } from '../../../../src-shared/ipc/result.js';
import type { CorePorts } from '../../ports.js';
import { isAllowedExternalUrl } from '../../security/external-urls.js';
import type { Handlers } from '../router.js';

type AppHandlers = Pick<Handlers, 'app.info' | 'shell.pickFolder' | 'shell.openExternal'>;

/**
 * What the host can do for the UI: identity of the build, dialogs, the system browser.
 * `extraOrigins` names loopback origins (a running simulator's sign-in pages) allowed on top of
 * the fixed allow-list; the URL is still checked here and again by the host's launcher.
 */
export function createAppHandlers(ports: CorePorts, extraOrigins: () => Promise<string[]> = async () => []): AppHandlers {
  return {
    'app.info': () => ({
      name: 'Cirrus' as const,
      version: ports.version,
      mode: ports.mode,
      platform: ports.platform,
      defaultCasesDir: ports.paths.defaultCasesDir,
      nativeDialogs: ports.dialogs.supported,
    }),
    'shell.pickFolder': async ({ purpose }) => {
      if (!ports.dialogs.supported) throw new CoreError('unsupported', 'This host has no native folder picker; type the folder path instead.');
      return { path: await ports.dialogs.pickFolder(purpose) };
    },
    'shell.openExternal': async ({ url }) => {
      const extra = await extraOrigins();
      if (!isAllowedExternalUrl(url, extra)) throw new CoreError('forbidden', `Refusing to open ${url}: only https links to Microsoft sign-in and documentation hosts are allowed.`);
      return { opened: await ports.browser.open(url, { extraOrigins: extra }) };
    },
  };
}
