import type { CaseService } from '../../cases/case-service.js';
import type { RecentCases } from '../../cases/recent-cases.js';
import type { Handlers } from '../router.js';

type CaseHandlers = Pick<Handlers, 'case.create' | 'case.open' | 'case.close' | 'case.current' | 'case.recent' | 'case.forgetRecent'>;

/** Case commands: every successful open or create also refreshes the recent-cases list. */
export function createCaseHandlers(cases: CaseService, recent: RecentCases, now: () => Date): CaseHandlers {
  const remember = (dir: string, name: string) => recent.touch({ dir, name, lastOpenedAt: now().toISOString() });
  return {
    'case.create': async (input) => {
      const info = await cases.create(input);
      remember(info.dir, info.meta.name);
      return info;
    },
    'case.open': async ({ dir }) => {
      const info = await cases.open(dir);
      remember(info.dir, info.meta.name);
      return info;
    },
    'case.close': async () => ({ closed: await cases.close() }),
    'case.current': () => cases.current(),
    'case.recent': () => recent.list(),
    'case.forgetRecent': ({ dir }) => ({ removed: recent.forget(dir) }),
  };
}
