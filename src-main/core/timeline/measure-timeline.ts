// Local measurement (not a test): how long timeline queries take on a case.
// Run: npx tsx src-main/core/timeline/measure-timeline.ts CASE_DIR [repeats=3]
// Build a case first, e.g. with seedCaseDir (src-main/sim/seed-case.ts) from generateDataset({ days: 45, scale: 1 }) (~180k events).
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { TimelineFilter, type TimelineFilterInput } from '../../../src-shared/domain/timeline-filter.js';
import { facetFields } from '../../../src-shared/ipc/contract-timeline.js';
import { CASE_DB_FILE } from '../db/case-files.js';
import { openCaseReadOnly } from '../db/open-case-db.js';
import { explainPage } from '../db/queries/timeline-page.js';
import type { ReaderQuery } from './reader-protocol.js';
import { runReaderQuery } from './run-query.js';
import { registerTimelineFunctions } from './sql-functions.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: measure-timeline.ts CASE_DIR [repeats]');
const repeats = Number(process.argv[3] ?? 3);
const db = openCaseReadOnly(join(resolve(dir), CASE_DB_FILE), { integrity: false });
registerTimelineFunctions(db);

const count = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
const first = db.prepare('SELECT ts FROM events ORDER BY ts LIMIT 1').pluck().get() as number;
const last = db.prepare('SELECT ts FROM events ORDER BY ts DESC LIMIT 1').pluck().get() as number;
const busyActor = db.prepare('SELECT actor FROM events WHERE actor IS NOT NULL GROUP BY actor ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
const someIp = db.prepare("SELECT ip FROM events WHERE ip LIKE '%.%' GROUP BY ip ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
const day = 86_400_000;

const filter = (f: TimelineFilterInput) => TimelineFilter.parse(f);
const page = (f: TimelineFilterInput, extra: { at?: number } = {}): ReaderQuery => ({ kind: 'page', request: { filter: filter(f), limit: 200, ...extra } });
const cases: [string, ReaderQuery][] = [
  ['first page, no filter', page({})],
  ['page at a time in the middle', page({}, { at: Math.floor((first + last) / 2) })],
  ['first page, one actor', page({ actors: { include: [busyActor] } })],
  ['first page, actor + operation excluded', page({ actors: { include: [busyActor] }, operations: { exclude: ['Sign-in'] } })],
  ['first page, two sources', page({ sources: { include: ['signin', 'directory_audit'] } })],
  ['first page, CIDR /12', page({ ips: { include: [`${someIp}/12`] } })],
  ['first page, text rare word', page({ text: { include: ['inboxrule'] } })],
  ['first page, text common word', page({ text: { include: ['exchange'] } })],
  ['histogram, whole case', { kind: 'histogram', filter: filter({}), buckets: 100 }],
  ['histogram, one day', { kind: 'histogram', filter: filter({ from: last - day, to: last }), buckets: 100 }],
  ['histogram, one actor', { kind: 'histogram', filter: filter({ actors: { include: [busyActor] } }), buckets: 100 }],
  ['histogram, text', { kind: 'histogram', filter: filter({ text: { include: ['exchange'] } }), buckets: 100 }],
  ['facets (8 fields), whole case', { kind: 'facets', filter: filter({}), fields: [...facetFields], limit: 10 }],
  ['facets, one day', { kind: 'facets', filter: filter({ from: last - day, to: last }), fields: [...facetFields], limit: 10 }],
  ['facets, one actor', { kind: 'facets', filter: filter({ actors: { include: [busyActor] } }), fields: [...facetFields], limit: 10 }],
  ['facets, text', { kind: 'facets', filter: filter({ text: { include: ['exchange'] } }), fields: [...facetFields], limit: 10 }],
];

console.log(`${count.toLocaleString('en')} events over ${((last - first) / day).toFixed(1)} days; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [name, query] of cases) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    const result = runReaderQuery(db, query, { tick: false });
    times.push(performance.now() - t);
    size = 'rows' in result ? result.rows.length : 'total' in result ? result.total : 0;
  }
  const cold = times[0]!;
  times.sort((a, b) => a - b);
  const plan = query.kind === 'page' ? explainPage(db, query.request).join(' | ') : '';
  console.log(`${name.padEnd(42)} cold ${cold.toFixed(1).padStart(8)} ms  warm ${times[0]!.toFixed(1).padStart(8)} ms  (${size})  ${plan}`);
}
db.close();
