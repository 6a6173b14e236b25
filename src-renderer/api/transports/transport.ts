import type { AppEvent, CommandName } from '../../../src-shared/ipc/contract.js';
import type { Result } from '../../../src-shared/ipc/result.js';

/** Whether a transport can currently reach the core. IPC is always `connected`. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/**
 * The one seam between the renderer and whichever host runs the core (Electron IPC or the
 * browser-mode WebSocket). Component tests implement it in memory, so no test needs a network.
 */
export interface Transport {
  /** Sends one command; resolves with the core's envelope, rejects only when the link itself fails. */
  call(name: CommandName, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Transports that can lose their link report it, so the UI can say so and re-query afterwards. */
  onConnectionChange?(listener: (state: ConnectionState) => void): () => void;
}

/** The link to the core failed (socket closed, bridge missing); distinct from an error the core returned. */
export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}
