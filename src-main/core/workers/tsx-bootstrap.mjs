// Runs a TypeScript worker module from source: registers tsx in this thread, then loads it.
// Only used when no bundled `<name>.mjs` exists (tests and `npm run cirrus`).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
