import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEvidenceStore } from '../../src-main/core/collect/evidence/evidence-store.js';
import type { IngestCounts } from '../../src-main/core/db/ingest/ingest-input.js';
import { applyWriterPragmas } from '../../src-main/core/db/open-case-db.js';
import { normalisePage } from '../../src-main/core/normalise/normalise-page.js';
import { generateDataset } from '../../src-main/sim/data/generate.js';
import type { FigureContext, Scenario } from '../harness/types.js';
import { caseBytes, createBenchCase } from '../support/bench-case.js';

/**
 * What it costs Cirrus to take in the Unified Audit Log, as a collection job does it: each page's
 * bytes hashed and kept (gzip, fsync), every record normalised on the main thread while the
 * writer thread de-duplicates, indexes for every timeline filter and full-text indexes the page
 * before (the two threads work side by side) — against the floor of merely parsing the same pages
 * and inserting each record's id, time and JSON into a plain table with the same durability
 * settings, on one thread.
 */
const PAGE = 2_000;
const ANCHOR = new Date('2026-11-01T00:00:00.000Z');
const DAYS = 30;
/** Pages handed to the writer and not yet stored: one being written while the next is normalised. */
const IN_FLIGHT = 2;

const pagesDir = (ctx: FigureContext) => join(ctx.workDir, 'pages');
const pageFiles = (ctx: FigureContext) => readdirSync(pagesDir(ctx)).filter((f) => f.endsWith('.json')).sort();

function freshDb(ctx: FigureContext, name: string): Database.Database {
  const dir = join(ctx.workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'case.sqlite'));
  applyWriterPragmas(db);
  return db;
}

export const ingestScenario: Scenario = {
  name: 'ingest',
  description: 'UAL ingest: raw pages kept + normalise + indexes + FTS, vs bare parse + insert',
  sizes: { quick: { ual: 20_000 }, full: { ual: 1_000_000 } },
  async setup(ctx) {
    // Volume grows linearly with scale; a small run over the same days gives the slope.
    const probe = generateDataset({ seed: 7, profile: 'e5', days: DAYS, scale: 0.1, anchor: ANCHOR });
    const scale = ((ctx.size.ual ?? 0) * 0.1) / probe.ual.length;
    const data = generateDataset({ seed: 11, profile: 'e5', days: DAYS, scale, anchor: ANCHOR });
    const records = data.ual.slice(0, ctx.size.ual);
    rmSync(pagesDir(ctx), { recursive: true, force: true });
    mkdirSync(pagesDir(ctx), { recursive: true });
    // Pages as the Management Activity API serves them: a JSON array of records.
    for (let i = 0; i < records.length; i += PAGE) {
      writeFileSync(join(pagesDir(ctx), `p${String(i / PAGE).padStart(6, '0')}.json`), JSON.stringify(records.slice(i, i + PAGE)));
    }
  },
  figures: [
    {
      id: 'cirrus-ingest',
      label: 'Cirrus ingest (evidence files + normalise + writer thread: indexes + FTS)',
      role: 'subject',
      async run(ctx) {
        const started = performance.now();
        const { dir, writer } = await createBenchCase(join(ctx.workDir, 'case'), 'ingest bench');
        const store = createEvidenceStore(join(dir, 'raw'), 'bench');
        const inFlight: Promise<IngestCounts>[] = [];
        let inserted = 0;
        try {
          for (const file of pageFiles(ctx)) {
            const bytes = readFileSync(join(pagesDir(ctx), file));
            // Compressing and flushing the evidence file runs on libuv's pool while this thread normalises.
            const storing = store.write(bytes, { jobId: null, windowId: null, source: 'ual' });
            const outcome = normalisePage('ual.management_api', bytes.toString('utf8'));
            if (!outcome.ok) throw new Error(`${file}: ${outcome.error}`);
            const stored = await storing;
            if (inFlight.length >= IN_FLIGHT) inserted += (await inFlight.shift()!).inserted;
            inFlight.push(
              writer.run('events.ingestBatch', {
                page: {
                  job_id: null,
                  window_id: null,
                  service: 'simulator-generator',
                  format: 'ual.management_api',
                  method: 'GET',
                  url: 'bench://generated/ual',
                  request_body: null,
                  status: 200,
                  received_at: ANCHOR.toISOString(),
                  account: 'bench',
                  tenant_id: 'bench',
                  client_id: 'bench',
                  file_path: stored.file_path,
                  byte_size: stored.byte_size,
                  sha256: stored.sha256,
                  compression: stored.compression,
                  record_count: outcome.page.recordCount,
                },
                events: outcome.page.events,
                rejects: outcome.page.rejects,
              }),
            );
          }
          for (const pending of inFlight.splice(0)) inserted += (await pending).inserted;
        } finally {
          await Promise.allSettled(inFlight);
          // Closing checkpoints the log into the database file: the case is complete on disk only then.
          await writer.close();
        }
        const seconds = (performance.now() - started) / 1000;
        const bytes = caseBytes(dir);
        return {
          notes: {
            events: inserted,
            eventsPerSecond: Math.round(inserted / seconds),
            dbBytesPerEvent: Math.round(bytes.db / inserted),
            rawBytesPerEvent: Math.round(bytes.raw / inserted),
          },
        };
      },
    },
    {
      id: 'bare-insert',
      label: 'JSON.parse + insert (id, time, JSON) into a plain table (floor)',
      role: 'baseline',
      async run(ctx) {
        const started = performance.now();
        const db = freshDb(ctx, 'floor');
        db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, ts INTEGER NOT NULL, raw TEXT NOT NULL) STRICT');
        const insert = db.prepare('INSERT INTO events (record_id, ts, raw) VALUES (?, ?, ?)');
        let rows = 0;
        for (const file of pageFiles(ctx)) {
          const records = JSON.parse(readFileSync(join(pagesDir(ctx), file), 'utf8')) as { Id: string; CreationTime: string }[];
          db.transaction(() => {
            for (const r of records) insert.run(r.Id, Date.parse(`${r.CreationTime}Z`), JSON.stringify(r));
          })();
          rows += records.length;
        }
        db.close();
        return { notes: { rows, rowsPerSecond: Math.round(rows / ((performance.now() - started) / 1000)) } };
      },
    },
  ],
  comparisons: [{ subject: 'cirrus-ingest', against: 'bare-insert', kind: 'overhead', label: 'Cirrus ingest ÷ bare parse + insert' }],
};
