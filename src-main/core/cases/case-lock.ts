import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { CASE_LOCK_FILE } from '../db/case-files.js';

export interface CaseLock {
  release(): void;
  /** True when a lock left behind by a dead process on this host was taken over. */
  recoveredStale: { pid: number; since: string } | null;
}

interface LockBody {
  pid: number;
  host: string;
  since: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process at a time works on a case: two writers would interleave custody entries and
 * collections. The lock is a file created exclusively; a lock whose process is gone (same host)
 * is stale and taken over, and the takeover is reported so it lands in the custody log.
 */
export function acquireCaseLock(dir: string, now: Date): CaseLock {
  const path = join(dir, CASE_LOCK_FILE);
  const body: LockBody = { pid: process.pid, host: hostname(), since: now.toISOString() };
  let recoveredStale: CaseLock['recoveredStale'] = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, JSON.stringify(body));
      closeSync(fd);
      return {
        recoveredStale,
        release() {
          try {
            const current = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockBody>;
            if (current.pid === body.pid && current.since === body.since) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new CoreError('read_only', `${dir}: the case folder is not writable (${code}); copy the case to a writable folder to work on it.`);
      }
      if (code !== 'EEXIST') throw e;
      let holder: Partial<LockBody> = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockBody>;
      } catch {
        // An unreadable lock file is still a lock: refuse rather than guess.
      }
      const sameHost = holder.host === hostname();
      if (sameHost && typeof holder.pid === 'number' && holder.pid !== process.pid && !isAlive(holder.pid)) {
        recoveredStale = { pid: holder.pid, since: String(holder.since ?? 'unknown') };
        unlinkSync(path);
        continue;
      }
      throw new CoreError(
        'case_locked',
        `${dir}: the case is open in another process (pid ${holder.pid ?? '?'} on ${holder.host ?? 'unknown host'} since ${holder.since ?? 'unknown'}). Close it there first.`,
      );
    }
  }
  throw new CoreError('case_locked', `${dir}: could not take the case lock.`);
}
