import { cpus, release, totalmem, type as osType } from 'node:os';
import Database from 'better-sqlite3';
import type { MachineInfo } from './types.js';

/** What the numbers were measured on; results from different machines are not comparable. */
export function describeMachine(): MachineInfo {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    sqlite,
  };
}
