import type { ReadinessService } from '../../readiness/readiness-service.js';
import type { Handlers } from '../router.js';

type ReadinessHandlers = Pick<Handlers, 'readiness.run' | 'readiness.latest'>;

export function createReadinessHandlers(readiness: ReadinessService): ReadinessHandlers {
  return {
    'readiness.run': (input) => readiness.run(input),
    'readiness.latest': () => readiness.latest(),
  };
}
