import type { CaseService } from '../../cases/case-service.js';
import type { RecentCases } from '../../cases/recent-cases.js';
import type { Handlers } from '../router.js';

type CaseHandlers = Pick<Handlers, 'case.create' | 'case.open' | 'case.close' | 'case.current' | 'case.recent' | 'case.forgetRecent'>;

/** Case commands. The recent-cases list is refreshed by the core whenever a case opens. */
export function createCaseHandlers(cases: CaseService, recent: RecentCases): CaseHandlers {
  return {
    'case.create': (input) => cases.create(input),
    'case.open': ({ dir }) => cases.open(dir),
    'case.close': async () => ({ closed: await cases.close() }),
    'case.current': () => cases.current(),
    'case.recent': () => recent.list(),
    'case.forgetRecent': ({ dir }) => ({ removed: recent.forget(dir) }),
  };
}
