import type { BrowserLauncher, Logger } from '../../core/ports.js';
import { describeOrigin } from '../app-origin.js';
import type { ShellApi } from '../electron-api.js';
import { isAllowedExternalUrl } from '../security.js';

export interface BrowserLauncherDeps {
  /** Electron's `shell`; `openExternal` hands a URL to the operating system's default handler. */
  shell: ShellApi;
  logger: Logger;
}

/**
 * The core's browser port. The allow-list is enforced here again even though the core already
 * checked it: this adapter is the last code before the OS launches a handler for the URL, and
 * `openExternal` with an arbitrary URL can run programs (checklist #15, "Do not use openExternal
 * with untrusted content"). It is the shell's only `openExternal` call site.
 */
export function createBrowserLauncher(deps: BrowserLauncherDeps): BrowserLauncher {
  return {
    async open(url, allowance) {
      // `extraOrigins` can only widen the list to loopback https origins the core vetted (a local simulator).
      if (!isAllowedExternalUrl(url, allowance?.extraOrigins)) {
        deps.logger.warn('refused to open a URL outside the allow-list', { origin: describeOrigin(url) });
        return false;
      }
      try {
        await deps.shell.openExternal(url);
        return true;
      } catch (e) {
        deps.logger.error('the system browser could not be started', { error: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },
  };
}
