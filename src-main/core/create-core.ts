import { join } from 'node:path';
import type { AppEvent } from '../../src-shared/ipc/contract.js';
import { CoreError, type Result } from '../../src-shared/ipc/result.js';
import { createAuthService } from './auth/auth-service.js';
import { createCollectService, type CollectService } from './collect/collect-service.js';
import { createFileSecretStore } from './auth/secret-stores.js';
import { createCaseService } from './cases/case-service.js';
import { createRecentCases } from './cases/recent-cases.js';
import { createEventBus } from './events/event-bus.js';
import { systemClock, type CorePorts } from './ports.js';
import { createAppHandlers } from './rpc/handlers/app-handlers.js';
import { createAuthHandlers } from './rpc/handlers/auth-handlers.js';
import { createCaseHandlers } from './rpc/handlers/case-handlers.js';
import { createCollectHandlers } from './rpc/handlers/collect-handlers.js';
import { createReadinessHandlers } from './rpc/handlers/readiness-handlers.js';
import { createTimelineHandlers } from './rpc/handlers/timeline-handlers.js';
import { createReadinessService } from './readiness/readiness-service.js';
import { createRouter } from './rpc/router.js';
import { createTimelineService } from './timeline/timeline-service.js';

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
  const recent = createRecentCases(ports.paths.configDir);
  const cases = createCaseService({
    toolVersion: ports.version,
    clock,
    onChanged: (dir) => {
      // The recent list is updated before anyone hears of the change, so a listener that
      // re-reads it (the menu, the renderer) sees the case it was told about.
      const current = dir ? cases.current() : null;
      if (current) recent.touch({ dir: current.dir, name: current.meta.name, lastOpenedAt: clock.now().toISOString() });
      bus.emit({ name: 'case.changed', payload: { dir } });
      // Jobs a dead process left running are found now, paused, and resumed when signed in.
      if (dir) void collect.caseOpened().catch((e: unknown) => ports.logger.error('interrupted jobs not resumed', { error: String(e) }));
    },
    beforeClose: async () => {
      await collect.beforeClose();
      await timeline.closeReader();
    },
  });
  const timeline = createTimelineService({ cases, clock, onChanged: (tables) => bus.emit({ name: 'db.changed', payload: { tables } }) });
  const auth = createAuthService({
    // Token cache: the host's store (Electron: safeStorage) or 0600 files in the config folder — never the case folder.
    secrets: ports.secrets ?? createFileSecretStore(join(ports.paths.configDir, 'secrets')),
    network: ports.network ?? {},
    ...(ports.demoCloud ? { demoCloud: ports.demoCloud } : {}),
    browser: ports.browser,
    logger: ports.logger,
    clock,
    onDeviceCode: (payload) => bus.emit({ name: 'auth.deviceCode', payload }),
    onChanged: (payload) => bus.emit({ name: 'auth.changed', payload }),
    recordCustody: async (action, detail) => {
      try {
        await cases.recordCustody(action, detail);
      } catch (e) {
        // Signing in without an open case is allowed; there is simply no case log to write to.
        if (!(e instanceof CoreError && e.code === 'no_case_open')) throw e;
      }
    },
  });
  const readiness = createReadinessService({
    auth,
    cases,
    clock,
    toolVersion: ports.version,
    onSaved: () => bus.emit({ name: 'db.changed', payload: { tables: ['readiness_runs', 'custody_log'] } }),
  });
  const collect: CollectService = createCollectService({
    cases,
    auth,
    readiness,
    clock,
    logger: ports.logger,
    network: ports.network ?? {},
    onProgress: (payload) => bus.emit({ name: 'job.progress', payload }),
    onTablesChanged: (tables) => bus.emit({ name: 'db.changed', payload: { tables } }),
  });
  const router = createRouter(
    {
      ...createAppHandlers(ports, () => auth.trustedOrigins()),
      ...createCaseHandlers(cases, recent),
      ...createAuthHandlers(auth, ports.demoCloud),
      ...createReadinessHandlers(readiness),
      ...createTimelineHandlers(timeline),
      ...createCollectHandlers(collect),
    },
    ports.logger,
  );
  return {
    route: (name, input) => router.route(name, input),
    onEvent: (listener) => bus.subscribe(listener),
    shutdown: async () => {
      await cases.shutdown();
      auth.shutdown();
    },
  };
}
