import type { CommandName } from '../../../src-shared/ipc/contract.js';
import type { Result } from '../../../src-shared/ipc/result.js';
import { parseAppEvent } from './parse-event.js';
import { ConnectionError, type Transport } from './transport.js';

/** What the Electron preload exposes on `window.ir`: exactly these two functions, nothing else. */
export interface IrBridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    ir?: IrBridge;
  }
}

/** Wraps the preload bridge. IPC has no connection to lose, so it reports no connection changes. */
export function createIpcTransport(bridge: IrBridge): Transport {
  return {
    async call(name: CommandName, input: unknown) {
      try {
        return await bridge.call(name, input);
      } catch (cause) {
        // The preload rejects only when the bridge itself fails (e.g. a name it does not allow).
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new ConnectionError(`The desktop bridge refused ${name}: ${reason}`);
      }
    },
    onEvent(listener) {
      return bridge.onEvent((raw) => {
        const event = parseAppEvent(raw);
        if (event) listener(event);
      });
    },
  };
}
