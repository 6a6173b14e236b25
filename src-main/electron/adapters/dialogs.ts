import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { Dialogs } from '../../core/ports.js';
import type { DialogLike, DialogParent } from '../electron-api.js';

export interface DialogDeps {
  dialog: DialogLike;
  /** The window dialogs attach to (modal on it); null when none is open. */
  getParent: () => DialogParent | null;
}

const FOLDER_PICKERS: Record<'create' | 'open', OpenDialogOptions> = {
  create: { title: 'Choose a folder for the new case', buttonLabel: 'Use this folder', properties: ['openDirectory', 'createDirectory'] },
  open: { title: 'Open a case folder', buttonLabel: 'Open case', properties: ['openDirectory'] },
};

function liveParent(deps: DialogDeps): DialogParent | null {
  const parent = deps.getParent();
  return parent && !parent.isDestroyed() ? parent : null;
}

/** The core's dialog port, backed by the native folder picker. */
export function createElectronDialogs(deps: DialogDeps): Dialogs {
  return {
    supported: true,
    async pickFolder(purpose) {
      const options = FOLDER_PICKERS[purpose];
      const parent = liveParent(deps);
      const result = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** Native message boxes the shell itself shows (menu errors, confirmations, About). */
export interface Notices {
  error(message: string, detail: string): Promise<void>;
  info(title: string, message: string, detail: string): Promise<void>;
  /** Resolves true only when the analyst picks `confirmLabel`; Cancel is the default button. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
}

export function createNotices(deps: DialogDeps): Notices {
  const show = async (options: MessageBoxOptions): Promise<number> => {
    const parent = liveParent(deps);
    const result = parent ? await deps.dialog.showMessageBox(parent, options) : await deps.dialog.showMessageBox(options);
    return result.response;
  };
  return {
    error: async (message, detail) => {
      await show({ type: 'error', title: 'Cirrus', message, detail, buttons: ['OK'] });
    },
    info: async (title, message, detail) => {
      await show({ type: 'info', title, message, detail, buttons: ['OK'] });
    },
    confirm: async (message, detail, confirmLabel) =>
      (await show({ type: 'question', title: 'Cirrus', message, detail, buttons: [confirmLabel, 'Cancel'], defaultId: 1, cancelId: 1 })) === 0,
  };
}
