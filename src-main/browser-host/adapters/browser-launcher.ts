import type { BrowserLauncher } from '../../core/ports.js';
import { isAllowedExternalUrl } from '../../core/security/external-urls.js';

export interface BrowserLauncherDeps {
  /** Prints a line for the responder (stdout). On a headless VM this line is the only way out. */
  print(line: string): void;
  /** Hands a URL to the OS; false when no opener is available. */
  openWithSystem(url: string): Promise<boolean>;
}

/**
 * Browser mode's `BrowserLauncher`. The core checks the allow-list before calling; this adapter
 * checks again because it is the last step before a URL reaches the OS.
 */
export function createBrowserModeLauncher({ print, openWithSystem }: BrowserLauncherDeps): BrowserLauncher {
  return {
    async open(url, allowance) {
      // The allowance can only widen the list to loopback https origins (a local simulator).
      if (!isAllowedExternalUrl(url, allowance?.extraOrigins)) {
        print('Cirrus refused to open a link outside its allow-list.');
        return false;
      }
      print(`Open in your browser: ${url}`);
      return openWithSystem(url);
    },
  };
}
