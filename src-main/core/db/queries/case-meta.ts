import type { Database } from 'better-sqlite3';
import type { CaseMeta } from '../../../../src-shared/domain/case.js';

interface MetaRow {
  case_id: string;
  name: string;
  examiner: string;
  tenant_label: string;
  description: string;
  created_at: string;
  created_with: string;
}

export function insertCaseMeta(db: Database, meta: Omit<CaseMeta, 'schemaVersion'>): void {
  db.prepare(
    `INSERT INTO case_meta (singleton, case_id, name, examiner, tenant_label, description, created_at, created_with)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(meta.caseId, meta.name, meta.examiner, meta.tenantLabel, meta.description, meta.createdAt, meta.createdWith);
}

export function readCaseMeta(db: Database): CaseMeta | null {
  const row = db.prepare('SELECT case_id, name, examiner, tenant_label, description, created_at, created_with FROM case_meta WHERE singleton = 1').get() as
    | MetaRow
    | undefined;
  if (!row) return null;
  return {
    caseId: row.case_id,
    name: row.name,
    examiner: row.examiner,
    tenantLabel: row.tenant_label,
    description: row.description,
    createdAt: row.created_at,
    createdWith: row.created_with,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
