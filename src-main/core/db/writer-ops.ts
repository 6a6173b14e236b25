import type { Database } from 'better-sqlite3';
import type { CustodyEntry } from '../../../src-shared/domain/case.js';
import type { ReadinessRun } from '../../../src-shared/domain/readiness.js';
import { ingestBatch } from './ingest/ingest-batch.js';
import { addJobCounts, appendJobLog, pauseInterruptedJobs, queueJob, transitionJob } from './queries/collection-jobs.js';
import { createJob, openWindow, planWindows, updateWindow } from './queries/collection-ledger.js';
import { appendCustody, type CustodyDraft } from './queries/custody.js';
import { saveMailboxTimeZones } from './queries/mailbox-time-zones.js';
import { insertReadinessRun } from './queries/readiness.js';
import { saveSnapshotObjects } from './queries/snapshot.js';
import { deleteView, saveView, setBookmarks, setTags, writeNote } from './queries/timeline-work-writes.js';

/**
 * Every write the case accepts, by name. The main thread can only ask for these; it never sends
 * SQL. Each op runs in one synchronous transaction.
 */
export const writerOps = {
  'custody.append': (db: Database, draft: CustodyDraft): CustodyEntry => db.transaction(() => appendCustody(db, draft))(),
  /** A readiness run and its custody entry, together or not at all; the entry names the stored hash. */
  'readiness.save': (db: Database, args: { run: ReadinessRun; custody: CustodyDraft }): CustodyEntry =>
    db.transaction(() => {
      const { sha256 } = insertReadinessRun(db, args.run);
      return appendCustody(db, { ...args.custody, detail: { ...args.custody.detail, resultsSha256: sha256 } });
    })(),
  /** One raw page and its normalised events; the op opens its own transaction and re-validates its input. */
  'events.ingestBatch': ingestBatch,
  /** Timeline work product (bookmarks, tags, notes, saved views); each op validates its input and runs in one transaction. */
  'timeline.bookmark': setBookmarks,
  'timeline.tag': setTags,
  'timeline.note': writeNote,
  'timeline.views.save': saveView,
  'timeline.views.delete': deleteView,
  /** Mailboxes' own time zones (Windows ids), with the page they were read from; validates its input, one transaction. */
  'mailbox.timeZones.save': saveMailboxTimeZones,
  /** A snapshot page's configuration objects (one row each), refusing credential values; validates its input, one transaction. */
  'snapshot.saveObjects': saveSnapshotObjects,
  /** A collection job row (status running); its windows name it. */
  'collection.createJob': (db: Database, args: Parameters<typeof createJob>[1]) => db.transaction(() => createJob(db, args))(),
  /** A ledger window (status running) of a job, optionally the child of a split window. */
  'collection.openWindow': (db: Database, args: Parameters<typeof openWindow>[1]) => db.transaction(() => openWindow(db, args))(),
  /** A window's verdict (complete, split, gap, failed) with its reported total, attempts and last error. */
  'collection.updateWindow': (db: Database, args: Parameters<typeof updateWindow>[1]) => db.transaction(() => updateWindow(db, args))(),
  /** A run's top-level windows, pending until fetched. */
  'collection.planWindows': (db: Database, args: Parameters<typeof planWindows>[1]) => db.transaction(() => planWindows(db, args))(),
  /** A job of the runner (status queued), one per source of a collect request. */
  'collection.queueJob': (db: Database, args: Parameters<typeof queueJob>[1]) => db.transaction(() => queueJob(db, args))(),
  /** A job's status change; `newRun` starts a run (a resume is a new run of the same job). */
  'collection.transitionJob': (db: Database, args: Parameters<typeof transitionJob>[1]) => db.transaction(() => transitionJob(db, args))(),
  /** Counts a running job reports (deltas). */
  'collection.jobCounts': (db: Database, args: Parameters<typeof addJobCounts>[1]) => db.transaction(() => addJobCounts(db, args))(),
  'collection.jobLog': (db: Database, args: Parameters<typeof appendJobLog>[1]) => db.transaction(() => appendJobLog(db, args))(),
  /** On opening a case: jobs a dead process left running become paused, their running windows failed. */
  'collection.pauseInterrupted': (db: Database, args: { at: string }) => db.transaction(() => pauseInterruptedJobs(db, args))(),
};
export type WriterOps = typeof writerOps;
export type WriterOpArgs<K extends keyof WriterOps> = Parameters<WriterOps[K]>[1];
export type WriterOpResult<K extends keyof WriterOps> = ReturnType<WriterOps[K]>;
