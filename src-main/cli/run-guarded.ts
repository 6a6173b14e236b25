import { CoreError } from '../../src-shared/ipc/result.js';
import type { CliIo } from './command.js';

/** Exit codes: 1 = the operation failed (bad case, refused), 2 = the command line was wrong, 3 = a bug. */
export async function runGuarded(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof CoreError) {
      io.err(`cirrus: ${e.message}`);
      return e.code === 'validation' ? 2 : e.code === 'internal' ? 3 : 1;
    }
    io.err(`cirrus: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    return 3;
  }
}
