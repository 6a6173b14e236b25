import type { AppEvent } from '../../src-shared/ipc/contract.js';
import type { Result } from '../../src-shared/ipc/result.js';
import { createCaseService } from './cases/case-service.js';
import { createRecentCases } from './cases/recent-cases.js';
import { createEventBus } from './events/event-bus.js';
import { systemClock, type CorePorts } from './ports.js';
import { createAppHandlers } from './rpc/handlers/app-handlers.js';
import { createCaseHandlers } from './rpc/handlers/case-handlers.js';
import { createRouter } from './rpc/router.js';

export interface Core {
  /** Validates and runs one command; never throws, never rejects. */
  route(name: unknown, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Closes the open case (flushing the writer) and stops workers. */
  shutdown(): Promise<void>;
}

/** Wires the core from its ports. Every host (Electron, browser mode, CLI, tests) calls this once. */
export function createCore(ports: CorePorts): Core {
  const clock = ports.clock ?? systemClock;
  const bus = createEventBus((e) => ports.logger.error('event listener failed', { error: String(e) }));
  const cases = createCaseService({
    toolVersion: ports.version,
    clock,
    onChanged: (dir) => bus.emit({ name: 'case.changed', payload: { dir } }),
  });
  const recent = createRecentCases(ports.paths.configDir);
  const router = createRouter(
    {
      ...createAppHandlers(ports),
      ...createCaseHandlers(cases, recent, () => clock.now()),
    },
    ports.logger,
  );
  return {
    route: (name, input) => router.route(name, input),
    onEvent: (listener) => bus.subscribe(listener),
    shutdown: () => cases.shutdown(),
  };
}
