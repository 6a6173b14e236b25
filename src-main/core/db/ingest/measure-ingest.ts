// Local measurement (not a test): how fast normalisePage and ingestBatch handle synthetic UAL pages.
// Run: npx tsx src-main/core/db/ingest/measure-ingest.ts [events=100000] [pageSize=2000]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { normalisePage, type NormalisedPage } from '../../normalise/normalise-page.js';
import { migration0001 } from '../migrations/0001-case-and-custody.js';
import { migration0003 } from '../migrations/0003-events-and-provenance.js';
import { applyWriterPragmas } from '../open-case-db.js';
import { ingestBatch } from './ingest-batch.js';
import { parseIngestBatch } from './ingest-input.js';
import { pageRow } from './ingest-testing.js';

const total = Number(process.argv[2] ?? 100_000);
const pageSize = Number(process.argv[3] ?? 2_000);
const operations = ['MailItemsAccessed', 'Send', 'New-InboxRule', 'Set-Mailbox', 'FileAccessed', 'UserLoggedIn'];

/** A Management-API-shaped record of typical size (~1 KB) with a Parameters list. */
function record(i: number): Record<string, unknown> {
  const user = `user${i % 400}@contoso.example`;
  return {
    CreationTime: new Date(Date.UTC(2025, 2, 1) + i * 997).toISOString().slice(0, 19),
    Id: `${(i + 0x10000000).toString(16)}-1c3a-4a7e-8d55-${(i * 7919).toString(16).padStart(12, '0').slice(-12)}`,
    Operation: operations[i % operations.length],
    OrganizationId: '11111111-2222-3333-4444-555555555555',
    RecordType: 1,
    ResultStatus: i % 17 === 0 ? 'False' : 'True',
    UserKey: `1003200${(i % 400).toString(16).padStart(9, '0')}`,
    UserType: 0,
    Version: 1,
    Workload: 'Exchange',
    ClientIP: `203.0.${(i >> 8) & 255}.${i & 255}:${1024 + (i % 60000)}`,
    ObjectId: `contoso.onmicrosoft.com\\${user}\\rule-${i % 50}`,
    UserId: user,
    AppId: '00000002-0000-0ff1-ce00-000000000000',
    ClientAppId: '',
    ExternalAccess: false,
    OrganizationName: 'contoso.onmicrosoft.com',
    OriginatingServer: 'AM0PR01MB0001 (15.20.0000.000)',
    Parameters: [
      { Name: 'Identity', Value: user },
      { Name: 'ForwardTo', Value: i % 97 === 0 ? 'drop@evil.example' : '' },
      { Name: 'SubjectContainsWords', Value: 'invoice;payment;wire' },
      { Name: 'StopProcessingRules', Value: 'True' },
    ],
    SessionId: `d2c1b0a9-8f7e-4d6c-b5a4-${(i % 5000).toString(16).padStart(12, '0')}`,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'cirrus-ingest-'));
const db = new Database(join(dir, 'case.sqlite'));
applyWriterPragmas(db);
migration0001.up(db);
migration0003.up(db);

/** Wall and CPU milliseconds of a step; CPU time is the fairer figure on a shared, loaded machine. */
function measure<T>(step: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = step();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

const pages: { text: string; page: NormalisedPage }[] = [];
const texts: string[] = [];
for (let start = 0; start < total; start += pageSize) {
  texts.push(JSON.stringify(Array.from({ length: Math.min(pageSize, total - start) }, (_, k) => record(start + k))));
}
const normalise = measure(() => {
  for (const text of texts) {
    const outcome = normalisePage('ual.management_api', text);
    if (!outcome.ok) throw new Error(outcome.error);
    pages.push({ text, page: outcome.page });
  }
});
const batches = pages.map(({ text, page }) => ({ page: pageRow('ual.management_api', text, page.recordCount), events: page.events, rejects: page.rejects }));
const validate = measure(() => batches.forEach((b) => {
  if (!parseIngestBatch(b).success) throw new Error('a measured batch did not validate');
}));
const ingest = measure(() => batches.reduce((n, b) => n + ingestBatch(db, b).inserted, 0));
const inserted = ingest.value;
const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
const bytes = (db.prepare('SELECT page_count * page_size AS b FROM pragma_page_count, pragma_page_size').get() as { b: number }).b;
db.close();
rmSync(dir, { recursive: true, force: true });

const rate = (ms: number) => Math.round((total / ms) * 1000).toLocaleString('en');
const line = (name: string, m: { wallMs: number; cpuMs: number }) =>
  `${name} wall ${m.wallMs.toFixed(0)} ms (${rate(m.wallMs)} events/s), cpu ${m.cpuMs.toFixed(0)} ms (${rate(m.cpuMs)} events/s per core)`;
console.log(`${total.toLocaleString('en')} events in pages of ${pageSize} (WAL, synchronous=FULL, file-backed); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(line('normalisePage:      ', normalise));
console.log(line('  of ingest: checks ', validate));
console.log(line('ingestBatch (all):  ', ingest));
console.log(`${inserted} inserted, ${n} rows`);
console.log(`database size: ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
