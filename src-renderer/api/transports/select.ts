import { createIpcTransport } from './ipc.js';
import type { Transport } from './transport.js';
import { createWsTransport, sameOriginWsUrl } from './ws.js';

/**
 * Inside the desktop shell the preload has put `window.ir` on the page; anywhere else the page was
 * served by browser mode, whose core listens on the same origin.
 */
export function selectTransport(win: Window = window): Transport {
  if (win.ir) return createIpcTransport(win.ir);
  return createWsTransport({ url: sameOriginWsUrl(win.location) });
}
