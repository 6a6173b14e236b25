import type { AppEvent } from '../../../src-shared/ipc/contract.js';

export interface EventBus {
  emit(event: AppEvent): void;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** Fan-out of core events to every host transport. A failing listener never stops the others. */
export function createEventBus(onListenerError: (e: unknown) => void = () => {}): EventBus {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (e) {
          onListenerError(e);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
