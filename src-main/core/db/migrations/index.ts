import type { Migration } from './migration.js';
import { migration0001 } from './0001-case-and-custody.js';

/** Every migration, in order. The last one's version is the schema version this build writes. */
export const migrations: readonly Migration[] = [migration0001];
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
