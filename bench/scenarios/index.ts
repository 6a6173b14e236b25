import type { Scenario } from '../harness/types.js';
import { collectScenario } from './collect.js';
import { generateScenario } from './generate.js';
import { ingestScenario } from './ingest.js';
import { queryScenario } from './query.js';

/** Every scenario `npm run bench` knows, in the order it runs them. Each capability adds its own. */
export const scenarios: Scenario[] = [generateScenario, ingestScenario, queryScenario, collectScenario];
