import type { Scenario } from '../harness/types.js';
import { generateScenario } from './generate.js';
import { ingestScenario } from './ingest.js';

/** Every scenario `npm run bench` knows, in the order it runs them. Each capability adds its own. */
export const scenarios: Scenario[] = [generateScenario, ingestScenario];
