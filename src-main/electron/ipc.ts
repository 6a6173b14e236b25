import type { AppEvent } from '../../src-shared/ipc/contract.js';
import { err, type Result } from '../../src-shared/ipc/result.js';
import type { Core } from '../core/create-core.js';
import type { Logger } from '../core/ports.js';
import { describeOrigin, isAppUrl } from './app-origin.js';
import type { InvokeEventLike, IpcMainLike, WindowLike } from './electron-api.js';

/** The two channels the preload uses; nothing else is registered on ipcMain. */
export const CALL_CHANNEL = 'ir:call';
export const EVENT_CHANNEL = 'ir:event';

/**
 * An IPC message is trusted only if it comes from the top frame of one of our windows while
 * that frame shows the app origin. A subframe, a page that navigated elsewhere or any other
 * web contents is refused before the core sees the message (checklist #17, "Validate the
 * sender of all IPC messages").
 */
export function isTrustedSender(event: InvokeEventLike, windows: readonly WindowLike[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const owner = windows.find((w) => !w.isDestroyed() && w.webContents === event.sender);
  if (!owner || owner.webContents.mainFrame.frameToken !== frame.frameToken) return false;
  return isAppUrl(frame.url);
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  core: Core;
  /** The windows currently showing the app; events go to these and nowhere else. */
  windows: () => readonly WindowLike[];
  logger: Logger;
}

/**
 * Bridges the renderer to the core: one invoke channel in, one event channel out. The core's
 * router validates every input against the contract, so this layer only decides *who* may call.
 * Returns a function that removes the handler and the event subscription.
 */
export function registerIpc(deps: IpcDeps): () => void {
  deps.ipcMain.handle(CALL_CHANNEL, async (event, name, input): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, deps.windows())) {
      deps.logger.warn('IPC call refused: untrusted sender', { origin: describeOrigin(event.senderFrame?.url) });
      return err('forbidden', 'This frame may not call the workstation core.');
    }
    try {
      return await deps.core.route(name, input);
    } catch (e) {
      // route() promises never to reject; if it ever does, the renderer still gets data, not an exception.
      deps.logger.error('core.route rejected', { error: e instanceof Error ? e.message : String(e) });
      return err('internal', 'The core failed to answer.');
    }
  });

  const unsubscribe = deps.core.onEvent((event: AppEvent) => {
    for (const window of deps.windows()) {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
    }
  });

  return () => {
    deps.ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}
