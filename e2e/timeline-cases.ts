import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src-main/core/create-core.js';
import { CASE_DB_FILE, CASE_RAW_DIR } from '../src-main/core/db/case-files.js';
import { appendCustody } from '../src-main/core/db/queries/custody.js';
import { makeTestPorts } from '../src-main/core/testing/test-ports.js';
import { generateDataset } from '../src-main/sim/data/generate.js';
import type { SimDataset } from '../src-main/sim/data/types.js';
import { seedCaseDir } from '../src-main/sim/seed-case.js';

/**
 * Cases for the Timeline end-to-end tests, built before the browser-mode host opens them.
 *
 * - `createDemoCase`: the simulated tenant's generated logs (with its scripted intrusion and its
 *   mailboxes' time zones), seeded through the same path collected pages take (page files
 *   hashed under raw/, normaliser, the writer's ingest op).
 * - `createBulkCase`: a million-row case for scrolling. Seeding a million generated records
 *   through the ingest op takes many minutes here, so these events are written by one bulk
 *   INSERT ... SELECT into the real case schema (every index and the full-text triggers apply).
 *   They are plainly synthetic — operation "Synthetic bulk event", a `cirrus-test:` page address,
 *   a manifest file as the page, and a custody entry saying so — and only serve to scroll.
 */

async function createCase(dir: string, name: string): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'cirrus-e2e-seed-'));
  const core = createCore(makeTestPorts(root));
  try {
    const created = await core.route('case.create', { dir, name, examiner: 'Analyst One', tenantLabel: 'demo tenant (simulated)' });
    if (!created.ok) throw new Error(`case.create: ${created.error.message}`);
  } finally {
    await core.shutdown();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The generated demo tenant's logs over a few days, in a new case at `dir`. */
export async function createDemoCase(dir: string): Promise<SimDataset> {
  await createCase(dir, 'Timeline demo');
  const dataset = generateDataset({ seed: 7, profile: 'e5', days: 4, scale: 0.05, anchor: new Date('2026-11-27T13:30:00.000Z') });
  await seedCaseDir(dir, dataset, { pageSize: 1000, now: () => new Date('2026-11-28T00:00:00.000Z') });
  return dataset;
}

export const BULK_START = Date.parse('2026-01-01T00:00:00.000Z');
export const BULK_STEP_MS = 30_000;

/** A new case at `dir` holding `count` synthetic events, one every 30 s from 2026-01-01 UTC. */
export async function createBulkCase(dir: string, count: number): Promise<void> {
  await createCase(dir, 'Timeline bulk');
  const manifest = JSON.stringify({ synthetic: true, count, startMs: BULK_START, stepMs: BULK_STEP_MS, purpose: 'end-to-end scrolling test' });
  const filePath = 'synthetic/bulk-manifest.json';
  mkdirSync(path.join(dir, CASE_RAW_DIR, 'synthetic'), { recursive: true });
  writeFileSync(path.join(dir, CASE_RAW_DIR, filePath), manifest, { flag: 'wx' });

  const db = new Database(path.join(dir, CASE_DB_FILE));
  try {
    // A fixture under construction, not evidence: no rollback journal while it is filled.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.transaction(() => {
      const pageId = Number(
        db
          .prepare(
            `INSERT INTO raw_pages (service, format, method, url, received_at, file_path, byte_size, sha256, compression, record_count)
             VALUES ('synthetic-bulk', 'signin.graph', 'GENERATE', ?, ?, ?, ?, ?, 'none', ?)`,
          )
          .run(`cirrus-test:synthetic-bulk?count=${count}`, new Date().toISOString(), filePath, Buffer.byteLength(manifest), createHash('sha256').update(manifest).digest('hex'), count)
          .lastInsertRowid,
      );
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ? - 1)
         INSERT INTO events (ts, ts_source, source, raw_format, record_id, operation, actor, ip, result, params, raw, page_id, position)
         SELECT ? + i * ?, 'synthetic', 'signin', 'signin.graph', 'bulk-' || i, 'Synthetic bulk event',
                'user' || (i % 250) || '@bulk.example', '198.51.100.' || (i % 200), 'success', '{}',
                '{"synthetic":true,"n":' || i || '}', ?, i
         FROM k`,
      ).run(count, BULK_START, BULK_STEP_MS, pageId);
      appendCustody(db, {
        at: new Date().toISOString(),
        action: 'evidence.generated',
        examiner: 'Analyst One',
        toolVersion: 'e2e',
        detail: { service: 'synthetic-bulk', events: count, rawFile: filePath, note: 'synthetic events for an end-to-end scrolling test' },
      });
    })();
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}
