import type { Migration } from './migration.js';
import { migration0001 } from './0001-case-and-custody.js';
import { migration0002 } from './0002-readiness-runs.js';
import { migration0003 } from './0003-events-and-provenance.js';
import { migration0004 } from './0004-analyst-work.js';
import { migration0005 } from './0005-collection-runs.js';

/** Every migration, in order. The last one's version is the schema version this build writes. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
