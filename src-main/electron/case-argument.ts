import { isAbsolute, resolve } from 'node:path';

/**
 * `cirrus /cases/bec-2026` opens that case folder. Chromium and the OS add switches of their own
 * (`--original-process-start-time`, macOS `-psn_…`), so only the first argument that is not a
 * switch counts. Under `electron <entry>` (development, `process.defaultApp`) the entry script
 * is argv[1] and user arguments start one later.
 */
export function findCaseArgument(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): string | null {
  const userArgs = argv.slice(options.defaultApp ? 2 : 1);
  const first = userArgs.find((arg) => arg.length > 0 && !arg.startsWith('-'));
  return first ? resolve(options.cwd, first) : null;
}

/** What a second instance hands the first one through `requestSingleInstanceLock`. */
export type LockData = { caseDir?: string };

export const lockDataFor = (caseDir: string | null): LockData => (caseDir ? { caseDir } : {});

/**
 * The first instance reads the folder back defensively: the data comes from another process,
 * so anything but a sane absolute path is ignored (the core validates the folder itself).
 */
export function caseDirFromLockData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('caseDir' in data)) return null;
  const dir = data.caseDir;
  return typeof dir === 'string' && dir.length <= 4096 && isAbsolute(dir) ? dir : null;
}
