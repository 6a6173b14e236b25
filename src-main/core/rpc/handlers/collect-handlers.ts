import type { CollectService } from '../../collect/collect-service.js';
import type { Handlers } from '../router.js';

type CollectHandlers = Pick<Handlers, 'collect.options' | 'collect.start' | 'collect.jobs' | 'collect.cancel' | 'collect.resume' | 'collect.coverage' | 'collect.log'>;

export function createCollectHandlers(collect: CollectService): CollectHandlers {
  return {
    'collect.options': () => collect.options(),
    'collect.start': (input) => collect.start(input),
    'collect.jobs': () => collect.jobs(),
    'collect.cancel': ({ jobId }) => collect.cancel(jobId),
    'collect.resume': ({ jobId }) => collect.resume(jobId),
    'collect.coverage': ({ jobId }) => collect.coverage(jobId),
    'collect.log': ({ jobId, afterId, limit }) => collect.log(jobId, afterId, limit),
  };
}
