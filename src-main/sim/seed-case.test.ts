import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../src-shared/ipc/result.js';
import { inspectCase } from '../core/cases/case-service.js';
import { createCore } from '../core/create-core.js';
import { makeTempDir, makeTestPorts } from '../core/testing/test-ports.js';
import { generateDataset } from './data/generate.js';
import { seedCaseDir, type SeedSummary } from './seed-case.js';

describe('seeding a case from the generator', () => {
  const tmp = makeTempDir('cirrus-seed-');
  const dir = join(tmp.dir, 'case');
  const dataset = generateDataset({ seed: 3, profile: 'e5', days: 3, scale: 0.05, anchor: new Date('2026-11-27T13:30:00.000Z') });
  const records = dataset.ual.length + dataset.signIns.length + dataset.directoryAudits.length + dataset.azure.activity.length + dataset.devops.audit.length;
  let summary: SeedSummary;

  beforeAll(async () => {
    const core = createCore(makeTestPorts(tmp.dir));
    const created = await core.route('case.create', { dir, name: 'Seeded', examiner: 'Examiner E' });
    if (!created.ok) throw new Error(created.error.message);
    await core.shutdown();
    summary = await seedCaseDir(dir, dataset, { pageSize: 300, now: () => new Date('2026-11-28T09:00:00.000Z') });
  });
  afterAll(() => tmp.cleanup());

  it('stores every generated record as an event, through pages of the requested size', () => {
    expect(summary).toMatchObject({ inserted: records, duplicates: 0, rejected: 0 });
    expect(summary.bySource).toEqual({
      ual: dataset.ual.length,
      signin: dataset.signIns.length,
      directory_audit: dataset.directoryAudits.length,
      azure_activity: dataset.azure.activity.length,
      devops_audit: dataset.devops.audit.length,
    });
    const db = new Database(join(dir, 'case.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(records);
      const ids = new Set((db.prepare("SELECT source || ':' || record_id FROM events").pluck().all() as string[]).map((s) => s.toLowerCase()));
      const family = { ual: 'ual', signins: 'signin', directoryAudits: 'directory_audit', azureActivity: 'azure_activity', devopsAudit: 'devops_audit' } as const;
      expect(dataset.groundTruth.malicious.filter((m) => !ids.has(`${family[m.source]}:${m.id}`.toLowerCase()))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('says plainly in every page row that the data was generated, and the hash verifies the file under raw/', () => {
    const db = new Database(join(dir, 'case.sqlite'), { readonly: true });
    try {
      const pages = db.prepare('SELECT * FROM raw_pages ORDER BY id').all() as {
        service: string; method: string; url: string; status: number | null; account: string | null; file_path: string; sha256: string; byte_size: number; record_count: number;
      }[];
      // One more page than the event pages: the mailboxes' regional configuration (a snapshot, no events).
      expect(pages.length).toBe(summary.pages + 1);
      expect(pages.reduce((n, p) => n + p.record_count, 0)).toBe(records + dataset.tenantConfig.regionalConfig.length);
      for (const p of pages) {
        expect(p).toMatchObject({ service: 'simulator-generator', method: 'GENERATE', status: null, account: null });
        expect(p.url).toMatch(/^cirrus-sim:generate\?seed=3&profile=e5&days=3&scale=0\.05&anchor=2026-11-27T13:30:00\.000Z&source=[a-z_]+&page=\d+$/);
        const bytes = readFileSync(join(dir, 'raw', p.file_path));
        expect(bytes.length).toBe(p.byte_size);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(p.sha256);
      }
    } finally {
      db.close();
    }
  });

  it('records the seeding in the custody log, chain intact', () => {
    const info = inspectCase(dir);
    expect(info.custodyChainIntact).toBe(true);
    expect(info.custody.at(-1)).toMatchObject({
      action: 'evidence.generated',
      examiner: 'Examiner E',
      detail: { service: 'simulator-generator', seed: 3, profile: 'e5', days: 3, scale: 0.05, pages: summary.pages, inserted: records },
    });
  });

  it('stores each mailbox\'s own time zone against the generated regional-configuration page that carries it', () => {
    const db = new Database(join(dir, 'case.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT mailbox, windows_zone, page_id FROM mailbox_time_zones ORDER BY mailbox').all() as { mailbox: string; windows_zone: string; page_id: number | null }[];
      const page = db.prepare("SELECT id, format, method, file_path, record_count FROM raw_pages WHERE format = 'snapshot.exo'").get() as { id: number; format: string; method: string; file_path: string; record_count: number };
      expect(page).toMatchObject({ method: 'GENERATE', record_count: dataset.tenantConfig.regionalConfig.length });
      const expected = dataset.tenantConfig.regionalConfig.map((r) => ({ mailbox: r.identity.toLowerCase(), windows_zone: r.timeZone, page_id: page.id }));
      expect(rows).toEqual(expected.sort((a, b) => (a.mailbox < b.mailbox ? -1 : 1)));
      expect(summary.mailboxTimeZones).toBe(expected.length);
      expect(rows.length).toBeGreaterThan(5);
      // The page is the regional configuration as the cmdlet answers it, and its hash verifies the file.
      const text = readFileSync(join(dir, 'raw', page.file_path), 'utf8');
      expect((JSON.parse(text) as { value: { Identity: string; TimeZone: string }[] }).value.map((v) => [v.Identity.toLowerCase(), v.TimeZone])).toEqual(
        dataset.tenantConfig.regionalConfig.map((r) => [r.identity.toLowerCase(), r.timeZone]),
      );
    } finally {
      db.close();
    }
  });

  it('refuses a case another process has open', async () => {
    const core = createCore(makeTestPorts(tmp.dir));
    try {
      expect((await core.route('case.open', { dir })).ok).toBe(true);
      await expect(seedCaseDir(dir, dataset)).rejects.toSatisfy((e: unknown) => e instanceof CoreError && e.code === 'case_locked');
    } finally {
      await core.shutdown();
    }
  });
});
