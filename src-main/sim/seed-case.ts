import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageFormat, RawPage } from '../../src-shared/domain/event.js';
import { CoreError } from '../../src-shared/ipc/result.js';
import { acquireCaseLock } from '../core/cases/case-lock.js';
import { inspectCase } from '../core/cases/case-service.js';
import { CASE_DB_FILE, CASE_RAW_DIR } from '../core/db/case-files.js';
import type { IngestCounts } from '../core/db/ingest/ingest-input.js';
import { startWriter } from '../core/db/writer-client.js';
import type { WriterOpArgs, WriterOpResult, WriterOps } from '../core/db/writer-ops.js';
import { normalisePage } from '../core/normalise/normalise-page.js';
import { toolVersion } from '../core/tool-version.js';
import type { SimDataset } from './data/types.js';

/**
 * Fills a case with a generated dataset, through the same path collected pages take: each
 * page's bytes are written under raw/ and hashed, `normalisePage` reads them, and the writer op
 * `events.ingestBatch` stores page and events together. The page rows say plainly where the
 * data came from — service `simulator-generator`, method `GENERATE`, a `cirrus-sim:` address
 * naming seed, profile and source — so a seeded case can never pass for collected evidence.
 */

/** Anything that runs writer ops on an open case: the case service's `write`, or a writer client's `run`. */
export interface SeedTarget {
  caseDir: string;
  write<K extends keyof WriterOps>(op: K, args: WriterOpArgs<K>): Promise<WriterOpResult<K>>;
}

export interface SeedOptions {
  /** Records per page (the collectors' pages run up to 5,000). */
  pageSize?: number;
  /** The time the pages are recorded as received (the generation time). */
  now?: () => Date;
  /** Appends a custody entry naming the dataset when given (seedCaseDir always does). */
  custody?: { examiner: string; toolVersion: string };
  onPage?(done: { source: string; pages: number; events: number }): void;
}

export interface SeedSummary {
  pages: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  bySource: Record<string, number>;
  /** Mailboxes whose own time zone was stored. */
  mailboxTimeZones: number;
}

type SourcePages = { source: string; format: PageFormat; records: unknown[]; wrap(records: unknown[]): unknown };

function sourcesOf(dataset: SimDataset): SourcePages[] {
  return [
    { source: 'ual', format: 'ual.management_api', records: dataset.ual, wrap: (r) => r },
    { source: 'signin', format: 'signin.graph', records: dataset.signIns, wrap: (r) => ({ value: r }) },
    { source: 'directory_audit', format: 'directory_audit.graph', records: dataset.directoryAudits, wrap: (r) => ({ value: r }) },
    { source: 'azure_activity', format: 'azure_activity.arm', records: dataset.azure.activity, wrap: (r) => ({ value: r }) },
    { source: 'devops_audit', format: 'devops_audit.rest', records: dataset.devops.audit, wrap: (r) => ({ decoratedAuditLogEntries: r, hasMore: false }) },
  ];
}

/** Writes a generated page's bytes under the case's raw/ folder. */
function writeGeneratedFile(caseDir: string, filePath: string, text: string): void {
  const file = join(caseDir, CASE_RAW_DIR, filePath);
  mkdirSync(dirname(file), { recursive: true });
  // 'wx': a page file is evidence-shaped and is never overwritten.
  writeFileSync(file, text, { flag: 'wx' });
}

interface GeneratedPageSpec {
  format: PageFormat;
  /** Named in the page's address; with `seq`, which part of the dataset the page holds. */
  source: string;
  seq: number;
  filePath: string;
  text: string;
  receivedAt: string;
  recordCount: number;
}

/** The page row of a generated page, naming the generator and the dataset in place of a request. */
function generatedPage(dataset: SimDataset, spec: GeneratedPageSpec): RawPage {
  return {
    job_id: null,
    window_id: null,
    service: 'simulator-generator',
    format: spec.format,
    method: 'GENERATE',
    url: `cirrus-sim:generate?seed=${dataset.seed}&profile=${dataset.profile.name}&days=${dataset.days}&scale=${dataset.scale}&anchor=${dataset.anchor}&source=${spec.source}&page=${spec.seq}`,
    request_body: null,
    status: null,
    received_at: spec.receivedAt,
    account: null,
    tenant_id: dataset.tenant.id,
    client_id: null,
    file_path: spec.filePath,
    byte_size: Buffer.byteLength(spec.text),
    sha256: createHash('sha256').update(spec.text).digest('hex'),
    compression: 'none',
    record_count: spec.recordCount,
  };
}

/**
 * Seeds a case: a folder no process has open (see seedCaseDir), or an open case through its
 * writer (`{ caseDir, write }`, e.g. the case service's `write`).
 */
export async function seedCaseFromDataset(target: SeedTarget | string, dataset: SimDataset, options: SeedOptions = {}): Promise<SeedSummary> {
  if (typeof target === 'string') return seedCaseDir(target, dataset, options);
  const pageSize = options.pageSize ?? 2000;
  const now = options.now ?? (() => new Date());
  const tag = `seed-${dataset.seed}-${dataset.profile.name}-${now().toISOString().replace(/[:.]/g, '')}`;
  const summary: SeedSummary = { pages: 0, inserted: 0, duplicates: 0, rejected: 0, bySource: {}, mailboxTimeZones: 0 };
  // One page in the writer while the next is normalised: the two threads work side by side.
  let inFlight: Promise<IngestCounts> | null = null;
  const settle = async () => {
    if (!inFlight) return;
    const counts = await inFlight;
    inFlight = null;
    summary.inserted += counts.inserted;
    summary.duplicates += counts.duplicates;
    summary.rejected += counts.rejected;
  };

  try {
    for (const { source, format, records, wrap } of sourcesOf(dataset)) {
      summary.bySource[source] = 0;
      for (let start = 0, seq = 0; start < records.length; start += pageSize, seq++) {
        const text = JSON.stringify(wrap(records.slice(start, start + pageSize)));
        const filePath = `generated/${tag}/${source}/${String(seq).padStart(5, '0')}.json`;
        writeGeneratedFile(target.caseDir, filePath, text);
        const outcome = normalisePage(format, text);
        if (!outcome.ok) throw new CoreError('internal', `generated ${source} page ${seq} did not normalise: ${outcome.error}`);
        const page = generatedPage(dataset, { format, source, seq, filePath, text, receivedAt: now().toISOString(), recordCount: outcome.page.recordCount });
        await settle();
        inFlight = target.write('events.ingestBatch', { page, events: outcome.page.events, rejects: outcome.page.rejects });
        summary.pages += 1;
        summary.bySource[source] = (summary.bySource[source] ?? 0) + outcome.page.events.length;
        options.onPage?.({ source, pages: summary.pages, events: summary.inserted });
      }
    }
    await settle();
    summary.mailboxTimeZones = await seedMailboxTimeZones(target, dataset, tag, now);
  } catch (e) {
    // A page already sent still lands (or fails) before the error is reported.
    await inFlight?.catch(() => undefined);
    throw e;
  }
  if (options.custody) {
    await target.write('custody.append', {
      at: now().toISOString(),
      action: 'evidence.generated',
      examiner: options.custody.examiner,
      toolVersion: options.custody.toolVersion,
      detail: {
        service: 'simulator-generator',
        seed: dataset.seed,
        profile: dataset.profile.name,
        days: dataset.days,
        scale: dataset.scale,
        anchor: dataset.anchor,
        pages: summary.pages,
        inserted: summary.inserted,
        mailboxTimeZones: summary.mailboxTimeZones,
        rawFolder: `generated/${tag}`,
      },
    });
  }
  return summary;
}

/**
 * The mailboxes' own time zones, as the collector stores them: the regional configuration
 * (Get-MailboxRegionalConfiguration's answer for every mailbox) kept as a `snapshot.exo` page
 * under raw/ — marked generated like every seeded page — and each zone saved against that page.
 */
async function seedMailboxTimeZones(target: SeedTarget, dataset: SimDataset, tag: string, now: () => Date): Promise<number> {
  const regional = dataset.tenantConfig.regionalConfig;
  if (regional.length === 0) return 0;
  const text = JSON.stringify({
    value: regional.map((r) => ({ Identity: r.identity, TimeZone: r.timeZone, Language: r.language, DateFormat: r.dateFormat, TimeFormat: r.timeFormat })),
  });
  const filePath = `generated/${tag}/mailbox-config/00000.json`;
  writeGeneratedFile(target.caseDir, filePath, text);
  const page = generatedPage(dataset, {
    format: 'snapshot.exo', source: 'mailbox_config', seq: 0, filePath, text, receivedAt: now().toISOString(), recordCount: regional.length,
  });
  const stored = await target.write('events.ingestBatch', { page, events: [], rejects: [] });
  const zones = regional.map((r) => ({ mailbox: r.identity, windowsZone: r.timeZone }));
  return (await target.write('mailbox.timeZones.save', { zones, pageId: stored.page_id, collectedAt: page.received_at })).saved;
}

/**
 * Seeds a case folder that no process has open: takes the case lock, runs its own writer
 * thread (migrating the case if needed), records a custody entry, and closes again.
 */
export async function seedCaseDir(caseDir: string, dataset: SimDataset, options: Omit<SeedOptions, 'custody'> = {}): Promise<SeedSummary> {
  const info = inspectCase(caseDir);
  const lock = acquireCaseLock(info.dir, (options.now ?? (() => new Date()))());
  try {
    const writer = await startWriter({ dbPath: join(info.dir, CASE_DB_FILE) });
    try {
      return await seedCaseFromDataset(
        { caseDir: info.dir, write: (op, args) => writer.run(op, args) },
        dataset,
        { ...options, custody: { examiner: info.meta.examiner, toolVersion: toolVersion() } },
      );
    } finally {
      await writer.close();
    }
  } finally {
    lock.release();
  }
}
