import { createCore, type Core } from '../core/create-core.js';
import { defaultPaths } from '../core/default-paths.js';
import type { CorePorts, Logger } from '../core/ports.js';
import { toolVersion } from '../core/tool-version.js';
import type { CliIo } from './command.js';

/**
 * A core for one CLI invocation: no dialogs, URLs printed rather than opened, logs to stderr.
 * `overrides` lets a command choose e.g. a memory-only token store or proxy settings.
 */
export function createCliCore(io: CliIo, overrides: Partial<Pick<CorePorts, 'secrets' | 'network' | 'demoCloud'>> = {}): Core {
  const logger: Logger = {
    info: () => {},
    warn: (m) => io.err(`warning: ${m}`),
    error: (m, f) => io.err(`error: ${m}${f ? ` ${JSON.stringify(f)}` : ''}`),
  };
  return createCore({
    mode: 'cli',
    version: toolVersion(),
    platform: process.platform,
    paths: defaultPaths(io.env),
    dialogs: { supported: false, pickFolder: async () => null },
    browser: {
      open: async (url) => {
        io.err(`Open this address in a browser: ${url}`);
        return false;
      },
    },
    logger,
    ...overrides,
  });
}
