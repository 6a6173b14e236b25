import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RecentCase } from '../../../src-shared/domain/case.js';

const RecentFile = z.object({ version: z.literal(1), cases: z.array(RecentCase) });
const MAX_RECENT = 20;

export interface RecentCases {
  list(): RecentCase[];
  touch(entry: RecentCase): void;
  forget(dir: string): boolean;
}

/**
 * The recent-cases list lives in the user's config folder, never in a case. A damaged file is
 * treated as empty (it is a convenience list, not evidence) and rewritten atomically.
 */
export function createRecentCases(configDir: string): RecentCases {
  const path = join(configDir, 'recent-cases.json');
  const read = (): RecentCase[] => {
    try {
      const parsed = RecentFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data.cases : [];
    } catch {
      return [];
    }
  };
  const write = (cases: RecentCase[]) => {
    mkdirSync(configDir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, cases }, null, 2), { mode: 0o600 });
    renameSync(tmp, path);
  };
  return {
    list: read,
    touch(entry) {
      write([entry, ...read().filter((c) => c.dir !== entry.dir)].slice(0, MAX_RECENT));
    },
    forget(dir) {
      const before = read();
      const after = before.filter((c) => c.dir !== dir);
      if (after.length !== before.length) write(after);
      return after.length !== before.length;
    },
  };
}
