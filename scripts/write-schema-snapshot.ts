// Rewrites the committed schema snapshot after a deliberate (additive) migration.
import { writeFileSync } from 'node:fs';
import { dumpFreshSchema } from '../src-main/core/db/schema-dump.js';

const target = new URL('../src-main/core/db/schema.snapshot.sql', import.meta.url);
writeFileSync(target, dumpFreshSchema());
console.log('schema snapshot written: src-main/core/db/schema.snapshot.sql');
