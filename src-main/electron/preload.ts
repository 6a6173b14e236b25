import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { commandNames } from '../../src-shared/ipc/contract.js';

/**
 * The sandboxed preload, bundled to CommonJS. It exposes exactly two functions on `window.ir`
 * and never hands the page `ipcRenderer`, a channel name or an Electron event object
 * (https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations).
 * Channel names are spelled out here instead of imported from ipc.ts so the bundle pulls in
 * nothing from the main process.
 */
const CALL_CHANNEL = 'ir:call';
const EVENT_CHANNEL = 'ir:event';

const allowed = new Set<string>(commandNames);

export interface IrBridge {
  call(name: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

const bridge: IrBridge = {
  call(name, input) {
    // Unknown names never reach IPC; the core's router still validates everything that does.
    if (typeof name !== 'string' || !allowed.has(name)) return Promise.reject(new Error(`Unknown command: ${String(name).slice(0, 80)}`));
    return ipcRenderer.invoke(CALL_CHANNEL, name, input);
  },
  onEvent(listener) {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    // Strip the IpcRendererEvent: it carries `sender`, which would give the page ipcRenderer.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('ir', bridge);
