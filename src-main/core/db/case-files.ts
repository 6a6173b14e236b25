/** Names inside a case folder. A case is a folder so raw evidence can sit beside the database. */
export const CASE_DB_FILE = 'case.sqlite';
export const CASE_LOCK_FILE = 'case.lock';
export const CASE_RAW_DIR = 'raw';

/**
 * `PRAGMA application_id` of every Cirrus case database ("CIRR"). It lets us tell a case from any
 * other SQLite file before touching it.
 */
export const CIRRUS_APPLICATION_ID = 0x43495252;
