import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CustodyEntry } from '../../../../src-shared/domain/case.js';

/** The hash a custody entry links with: the chain breaks if any earlier entry is changed or removed. */
export const GENESIS_HASH = '0'.repeat(64);

export interface CustodyDraft {
  at: string;
  action: string;
  examiner: string;
  toolVersion: string;
  detail: Record<string, unknown>;
}

interface CustodyRow {
  seq: number;
  at: string;
  action: string;
  examiner: string;
  tool_version: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, seq: number, d: { at: string; action: string; examiner: string; toolVersion: string; detailJson: string }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify([seq, d.at, d.action, d.examiner, d.toolVersion, d.detailJson]))
    .digest('hex');
}

/** Appends one entry; call inside the writer's transaction so seq and the chain stay consistent. */
export function appendCustody(db: Database, draft: CustodyDraft): CustodyEntry {
  const last = db.prepare('SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const detailJson = JSON.stringify(draft.detail);
  const hash = entryHash(prevHash, seq, { ...draft, detailJson });
  db.prepare(
    'INSERT INTO custody_log (seq, at, action, examiner, tool_version, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, draft.at, draft.action, draft.examiner, draft.toolVersion, detailJson, prevHash, hash);
  return { seq, at: draft.at, action: draft.action, examiner: draft.examiner, toolVersion: draft.toolVersion, detail: draft.detail, hash };
}

/** Reads the whole log and re-computes the chain, so a tampered file shows as such. */
export function readCustody(db: Database): { entries: CustodyEntry[]; chainIntact: boolean } {
  const rows = db.prepare('SELECT seq, at, action, examiner, tool_version, detail, prev_hash, hash FROM custody_log ORDER BY seq').all() as CustodyRow[];
  let prev = GENESIS_HASH;
  let intact = true;
  const entries = rows.map((row, i) => {
    const expected = entryHash(prev, row.seq, { at: row.at, action: row.action, examiner: row.examiner, toolVersion: row.tool_version, detailJson: row.detail });
    if (row.seq !== i + 1 || row.prev_hash !== prev || row.hash !== expected) intact = false;
    prev = row.hash;
    let detail: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(row.detail);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) detail = parsed as Record<string, unknown>;
    } catch {
      intact = false;
    }
    return { seq: row.seq, at: row.at, action: row.action, examiner: row.examiner, toolVersion: row.tool_version, detail, hash: row.hash };
  });
  return { entries, chainIntact: intact };
}
