// Builds the query scenario's data once per seed and size: the simulator's tenant seeded into a
// case through the ingest path, the same events written as NDJSON for the peers, the question
// parameters and Cirrus's answers. Run by the scenario's setup in its own process (a generated
// tenant of millions of records needs a larger heap than the default):
//   node --max-old-space-size=… --import tsx bench/scenarios/query/build-dataset.ts DIR EVENTS SEED
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openCaseReadOnly } from '../../../src-main/core/db/open-case-db.js';
import { chooseBucketMs } from '../../../src-main/core/db/queries/timeline-histogram.js';
import { generateDataset } from '../../../src-main/sim/data/generate.js';
import type { SimDataset } from '../../../src-main/sim/data/types.js';
import { seedCaseFromDataset, type SeedTarget } from '../../../src-main/sim/seed-case.js';
import { caseBytes, createBenchCase } from '../../support/bench-case.js';
import { HISTOGRAM_BUCKETS, openCirrusTimeline } from './cirrus-answers.js';
import { questions, type Answer, type QueryParams, type QuestionId } from './questions.js';

const [dir, eventsArg, seedArg] = process.argv.slice(2);
if (!dir || !eventsArg || !seedArg) throw new Error('usage: build-dataset.ts DIR EVENTS SEED');
const target = Number(eventsArg);
const seed = Number(seedArg);
const ANCHOR = new Date('2026-11-01T00:00:00.000Z');
const DAYS = 30;

const total = (d: SimDataset) => d.ual.length + d.signIns.length + d.directoryAudits.length + d.azure.activity.length + d.devops.audit.length;
const log = (line: string) => process.stderr.write(`   query data: ${line}\n`);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const caseDir = join(dir, 'case');

// Volume grows linearly with scale; a small run over the same days gives the slope.
const probe = generateDataset({ seed: 7, profile: 'e5', days: DAYS, scale: 0.1, anchor: ANCHOR });
const scale = (target * 0.1) / total(probe);

/**
 * Millions of generated records held at once make the garbage collector walk gigabytes again and
 * again while the pages are normalised, so a large case is generated and seeded in consecutive
 * time slices of about a million records, each a tenant of its own seed (a tenant generated twice
 * from one seed would repeat its record ids, and the case would keep one copy).
 */
const SLICE_EVENTS = 1_200_000;
const slices = [1, 2, 3, 5, 6, 10, 15, 30].find((n) => target / n <= SLICE_EVENTS) ?? 30;
const sliceDays = DAYS / slices;

const created = await createBenchCase(caseDir, 'query bench');
const into = { caseDir, write: created.writer.run.bind(created.writer) } satisfies SeedTarget;
let generateMs = 0;
let seedMs = 0;
let inserted = 0;
try {
  for (let i = 0; i < slices; i++) {
    let began = performance.now();
    const anchor = new Date(ANCHOR.getTime() - (slices - 1 - i) * sliceDays * 86_400_000);
    const dataset = generateDataset({ seed: seed + i, profile: 'e5', days: sliceDays, scale, anchor });
    generateMs += performance.now() - began;
    began = performance.now();
    const seeded = await seedCaseFromDataset(into, dataset, { pageSize: 2_000 });
    seedMs += performance.now() - began;
    inserted += seeded.inserted;
    log(`slice ${i + 1}/${slices}: ${seeded.inserted.toLocaleString('en-US')} events; ${inserted.toLocaleString('en-US')} in ${(seedMs / 1000).toFixed(0)} s (${Math.round(inserted / (seedMs / 1000)).toLocaleString('en-US')}/s)`);
  }
} finally {
  await created.writer.close();
}

// The same events for the peers, one JSON object per line in timeline order: the fields the
// questions use as Cirrus normalised them, and the record exactly as received (nested, as a dump
// of the raw records would hold it). Lines in (ts, id) order let a streaming tool stop at the
// first page; the id orders events of the same millisecond as Cirrus does.
const began = performance.now();
const db = openCaseReadOnly(join(caseDir, 'case.sqlite'), { integrity: false });
const ndjson = join(dir, 'events.ndjson');
const fd = openSync(ndjson, 'w');
let buffer: string[] = [];
let buffered = 0;
const flush = () => {
  writeSync(fd, buffer.join(''));
  buffer = [];
  buffered = 0;
};
const rows = db.prepare('SELECT id, ts, source, operation, actor, ip, app_id, workload, result, target, raw FROM events ORDER BY ts, id').iterate() as Iterable<{
  id: number; ts: number; source: string; operation: string; actor: string | null; ip: string | null; app_id: string | null;
  workload: string | null; result: string | null; target: string | null; raw: string;
}>;
for (const r of rows) {
  const { raw, ...fields } = r;
  // The raw text is valid JSON already: embedded as it is, never re-serialised.
  const line = `${JSON.stringify(fields).slice(0, -1)},"raw":${raw}}\n`;
  buffer.push(line);
  buffered += line.length;
  if (buffered > 8 * 1024 * 1024) flush();
}
flush();
closeSync(fd);
const ndjsonMs = performance.now() - began;

// Question parameters, read from the case: the busiest actor and address, a common (not the most
// common) operation, sign-ins, and a phrase from the scripted intrusion that a responder would
// search for.
const top = (column: string, offset = 0) =>
  db.prepare(`SELECT ${column} FROM events WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 1 OFFSET ?`).pluck().get(offset) as string;
const first = db.prepare('SELECT min(ts) FROM events').pluck().get() as number;
const last = db.prepare('SELECT max(ts) FROM events').pluck().get() as number;
const phrase = ['build-cache-sync', 'Microsoft Flow'].find((p) => (db.prepare('SELECT count(*) FROM events_fts WHERE events_fts MATCH ?').pluck().get(`"${p}"`) as number) > 0);
if (!phrase) throw new Error('no search phrase of the intrusion is in the case');
const params: QueryParams = {
  actor: top('actor'),
  ip: top('ip'),
  operation: top('operation', 4),
  source: 'signin',
  text: phrase,
  bucketMs: chooseBucketMs(last + 1 - first, HISTOGRAM_BUCKETS),
  limit: 200,
  facetLimit: 10,
};
const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
db.close();

const timeline = openCirrusTimeline(join(caseDir, 'case.sqlite'));
const expected = {} as Record<QuestionId, Answer>;
for (const q of questions) expected[q.id] = await timeline.ask(q.id, params);
await timeline.close();
writeFileSync(join(dir, 'questions.json'), `${JSON.stringify({ params, expected })}\n`);

const bytes = caseBytes(caseDir);
const stats = {
  events,
  generateMs: Math.round(generateMs),
  seedMs: Math.round(seedMs),
  seedEventsPerSecond: Math.round(inserted / (seedMs / 1000)),
  ndjsonMs: Math.round(ndjsonMs),
  caseDbBytes: bytes.db,
  caseRawBytes: bytes.raw,
  ndjsonBytes: statSync(ndjson).size,
};
// Written last: its presence says the folder is complete and may be reused.
writeFileSync(join(dir, 'built.json'), `${JSON.stringify(stats)}\n`);
log(JSON.stringify(stats));
