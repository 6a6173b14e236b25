import { commands, type AppEvent, type CommandInput, type CommandName, type CommandOutput } from '../../src-shared/ipc/contract.js';
import { ErrorInfo } from '../../src-shared/ipc/result.js';
import type { ConnectionState, Transport } from './transports/transport.js';

/** The core answered a command with `{ ok: false }`; `info` is the contract's error, ready to show. */
export class CallError extends Error {
  constructor(
    readonly command: CommandName,
    readonly info: ErrorInfo,
  ) {
    super(info.message);
    this.name = 'CallError';
  }
}

export interface Client {
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Reports link changes for transports that can lose their link; a no-op for IPC. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}

const internal = (command: CommandName, message: string) => new CallError(command, { code: 'internal', message });

/**
 * The typed client every feature uses. It checks each answer against the contract, so a core and a
 * renderer that drifted apart fail loudly at the boundary instead of deep inside a component.
 */
export function createClient(transport: Transport): Client {
  async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
    const result: unknown = await transport.call(name, input);
    if (typeof result !== 'object' || result === null || typeof (result as { ok?: unknown }).ok !== 'boolean') {
      throw internal(name, `The core sent a malformed answer to ${name}.`);
    }
    if ((result as { ok: boolean }).ok) {
      const parsed = commands[name].output.safeParse((result as { value?: unknown }).value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first ? ` (${first.path.join('.') || 'value'}: ${first.message})` : '';
        throw internal(name, `The core's answer to ${name} does not match this build's contract${where}.`);
      }
      // The schema for `name` produced it, so its output type is CommandOutput<K>.
      return parsed.data as CommandOutput<K>;
    }
    const info = ErrorInfo.safeParse((result as { error?: unknown }).error);
    if (!info.success) throw internal(name, `The core reported a failure of ${name} in an unreadable form.`);
    throw new CallError(name, info.data);
  }

  return {
    call,
    onEvent: (listener) => transport.onEvent(listener),
    onConnectionChange: (listener) => transport.onConnectionChange?.(listener) ?? (() => {}),
  };
}
