import type { AppEvent, CommandName } from '../../src-shared/ipc/contract.js';
import { err, type Result } from '../../src-shared/ipc/result.js';
import type { ConnectionState, Transport } from '../api/transports/transport.js';

export type FakeHandler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;
export type FakeHandlers = Partial<Record<CommandName, FakeHandler>>;

/** An in-memory transport for component tests: records calls, answers from handlers, emits events on demand. */
export class FakeTransport implements Transport {
  readonly calls: { name: CommandName; input: unknown }[] = [];
  private readonly listeners = new Set<(event: AppEvent) => void>();
  private readonly linkListeners = new Set<(state: ConnectionState) => void>();

  constructor(readonly handlers: FakeHandlers) {}

  async call(name: CommandName, input: unknown): Promise<Result<unknown>> {
    this.calls.push({ name, input });
    const handler = this.handlers[name];
    return handler ? handler(input) : err('unknown_command', `The fake transport has no handler for ${name}.`);
  }

  onEvent(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  /** Plays a link change, as the WebSocket transport reports one. */
  setConnection(state: ConnectionState): void {
    for (const listener of this.linkListeners) listener(state);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  callsOf(name: CommandName): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.input);
  }
}
