import { CoreError, type Result } from '../../../src-shared/ipc/result.js';
import type { Core } from '../../core/create-core.js';

/**
 * Opens the case for the length of one command and always closes it (and the core) after, so
 * its custody log records the open, the work and the close, and the lock is released.
 */
export async function withOpenCase<T>(core: Core, dir: string, body: () => Promise<T>): Promise<T> {
  try {
    const opened = await core.route('case.open', { dir });
    if (!opened.ok) throw new CoreError(opened.error.code, opened.error.message);
    return await body();
  } finally {
    await core.shutdown();
  }
}

/** Unwraps a core result for a CLI command: an error becomes the command's one-line failure. */
export async function routeOrThrow(result: Promise<Result<unknown>>): Promise<unknown> {
  const r = await result;
  if (!r.ok) throw new CoreError(r.error.code, r.error.message);
  return r.value;
}
