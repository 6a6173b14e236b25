import type { Database } from 'better-sqlite3';

/** One schema step. Steps are additive only: old cases must open in new builds. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
