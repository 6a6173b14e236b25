import { commands, isCommandName, type AppEvent } from '../../../src-shared/ipc/contract.js';
import { err, ok, type Result } from '../../../src-shared/ipc/result.js';
import type { Core } from '../../core/create-core.js';

export interface FakeCore extends Core {
  /** Every call that reached `route`, in order. */
  calls: { name: unknown; input: unknown }[];
  /** Pushes an event to the host's listeners, as the real core does when state changes. */
  emit(event: AppEvent): void;
  listenerCount(): number;
}

/**
 * A core for host tests: validates inputs against the real contract (so transport tests see the
 * same error codes) and answers `app.info`; every other valid command answers `unsupported`.
 */
export function createFakeCore(): FakeCore {
  const listeners = new Set<(event: AppEvent) => void>();
  const calls: FakeCore['calls'] = [];
  return {
    calls,
    async route(name, input): Promise<Result<unknown>> {
      calls.push({ name, input });
      if (!isCommandName(name)) return err('unknown_command', `No command named ${String(name)}.`);
      const parsed = commands[name].input.safeParse(input);
      if (!parsed.success) return err('validation', 'Input failed its schema.');
      if (name === 'app.info') {
        return ok({ name: 'Cirrus', version: '0.0.0-test', mode: 'test', platform: 'linux', defaultCasesDir: '/cases', nativeDialogs: false });
      }
      return err('unsupported', `The fake core does not run ${name}.`);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async shutdown() {},
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    listenerCount: () => listeners.size,
  };
}
