import type { Dialogs } from '../../core/ports.js';

/**
 * Browser mode has no native dialogs: the page may be on another machine (SSH tunnel), so a
 * picker would open on the wrong screen. The UI asks for a typed path instead.
 */
export const browserModeDialogs: Dialogs = {
  supported: false,
  pickFolder: async () => null,
};
