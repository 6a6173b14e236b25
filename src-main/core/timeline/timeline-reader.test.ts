import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { makeTempDir } from '../testing/test-ports.js';
import type { ReaderQuery } from './reader-protocol.js';
import { runReaderQuery } from './run-query.js';
import { registerTimelineFunctions } from './sql-functions.js';
import { createSyntheticEvents } from './testing/synthetic-events.js';
import { createTimelineReader, type TimelineReaderOptions } from './timeline-reader.js';

/** The reader threads: answers, superseding per client, the SQL checkpoint, recovery, close. */
describe('timeline reader threads', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  let direct: Database.Database;
  const histogram = (buckets: number): ReaderQuery => ({ kind: 'histogram', filter: TimelineFilter.parse({}), buckets });
  const facets: ReaderQuery = { kind: 'facets', filter: TimelineFilter.parse({ ips: { include: ['10.0.0.0/17'] } }), fields: ['actor', 'ip'], limit: 5 };
  const microtasks = async () => {
    for (let i = 0; i < 3; i++) await new Promise<void>((r) => queueMicrotask(r));
  };
  const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof CoreError ? e.code : String(e)));

  beforeAll(() => {
    tmp = makeTempDir('cirrus-reader-');
    dbPath = join(tmp.dir, 'case.sqlite');
    createSyntheticEvents(dbPath, 30_000).close();
    direct = createSyntheticReader(dbPath);
  });
  afterAll(() => {
    direct?.close();
    tmp?.cleanup();
  });

  function createSyntheticReader(path: string): Database.Database {
    const db = new Database(path, { readonly: true });
    registerTimelineFunctions(db);
    return db;
  }

  function start(extra: Partial<TimelineReaderOptions> = {}) {
    const seen: { id: number; outcome: string }[] = [];
    const reader = createTimelineReader({ dbPath, observe: (e) => seen.push({ id: e.id, outcome: e.outcome }), ...extra });
    return { reader, seen };
  }

  it('answers what the same query answers on a direct connection', async () => {
    const { reader } = start();
    try {
      expect(await reader.run(histogram(100))).toEqual(runReaderQuery(direct, histogram(100)));
      expect(await reader.run(facets)).toEqual(runReaderQuery(direct, facets));
    } finally {
      await reader.close();
    }
  });

  it('stops a superseded running query at its SQL checkpoint and answers the newer one', async () => {
    const { reader, seen } = start();
    try {
      await reader.run(histogram(100), 'chart'); // id 1: the thread is up and warm
      const older = reader.run(histogram(120), 'chart'); // id 2
      await microtasks(); // sent to the thread
      const newer = reader.run(histogram(90), 'chart'); // id 3: the shared cell now names id 2
      expect(await codeOf(older)).toBe('cancelled');
      expect(await newer).toEqual(runReaderQuery(direct, histogram(90)));
      // Stopped by its own checkpoint, not by terminating the thread.
      expect(seen).toEqual([
        { id: 1, outcome: 'ok' },
        { id: 2, outcome: 'cancelled' },
        { id: 3, outcome: 'ok' },
      ]);
    } finally {
      await reader.close();
    }
  });

  it('drops a queued request of the same client, leaves other clients and kinds alone', async () => {
    const { reader } = start();
    try {
      const a1 = reader.run(histogram(100), 'a');
      const b1 = reader.run(histogram(100), 'b');
      const a2 = reader.run(histogram(50), 'a');
      const f1 = reader.run(facets, 'a');
      const anonymous = reader.run(histogram(100));
      expect(await Promise.all([codeOf(a1), codeOf(b1), codeOf(a2), codeOf(f1), codeOf(anonymous)])).toEqual(['cancelled', 'ok', 'ok', 'ok', 'ok']);
      expect(await a2).toEqual(runReaderQuery(direct, histogram(50)));
    } finally {
      await reader.close();
    }
  });

  it('keeps serving through a burst of superseding requests, terminating threads that do not stop in time', async () => {
    const { reader, seen } = start({ graceMs: 0 });
    try {
      const calls = Array.from({ length: 12 }, (_, i) => reader.run(histogram(20 + i * 10), 'brush'));
      const codes = await Promise.all(calls.map(codeOf));
      expect(codes.slice(0, -1).every((c) => c === 'cancelled')).toBe(true);
      expect(codes.at(-1)).toBe('ok');
      expect(await calls.at(-1)).toEqual(runReaderQuery(direct, histogram(130)));
      expect(seen.at(-1)).toEqual({ id: 12, outcome: 'ok' });
    } finally {
      await reader.close();
    }
  });

  it('fails pending work with cancelled on close and refuses new work', async () => {
    const { reader } = start();
    const codes = Promise.all([codeOf(reader.run(histogram(100))), codeOf(reader.run(histogram(200)))]);
    await reader.close();
    expect(await codes).toEqual(['cancelled', 'cancelled']);
    expect(await codeOf(reader.run(histogram(100)))).toBe('no_case_open');
  });
});
