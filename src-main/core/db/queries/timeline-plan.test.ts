import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelineFilter, type TimelineFilterInput } from '../../../../src-shared/domain/timeline-filter.js';
import { registerTimelineFunctions } from '../../timeline/sql-functions.js';
import { createSyntheticEvents } from '../../timeline/testing/synthetic-events.js';
import { explainPage } from './timeline-page.js';
import { isIndexBackedPage } from './timeline-where.js';

/**
 * Query plans of timeline pages on a case with statistics (ANALYZE, as the writer's
 * `PRAGMA optimize` leaves them): single-field first pages must read one index in time order —
 * no table scan, no sort — because they may run on the main thread.
 */
describe('timeline page query plans', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = createSyntheticEvents(':memory:', 20_000);
    registerTimelineFunctions(db);
  });
  afterAll(() => db.close());

  const single: [string, TimelineFilterInput, string][] = [
    ['no filter', {}, 'events_ts'],
    ['a time range', { from: 1767225600000, to: 1767225600000 + 86_400_000 }, 'events_ts'],
    ['a source', { sources: { include: ['signin'] } }, 'events_source_ts'],
    ['a workload', { workloads: { include: ['w3'] } }, 'events_workload_ts'],
    ['an operation', { operations: { include: ['op7'] } }, 'events_operation_ts'],
    ['an actor and a time range', { actors: { include: ['user7@contoso.example'] }, from: 1767225600000 }, 'events_actor_ts'],
    ['an address', { ips: { include: ['10.0.3.7'] } }, 'events_ip_ts'],
    ['an app', { apps: { include: ['app3'] } }, 'events_app_ts'],
    ['a result', { results: { include: ['failure'] } }, 'events_result_ts'],
    ['a session', { sessionIds: { include: ['s17'] } }, 'events_session_ts'],
    ['a correlation id', { correlationIds: { include: ['c17'] } }, 'events_correlation_ts'],
  ];

  it.each(single)('a page for %s reads %s in (ts, id) order, with no sort and no table scan', (_name, input, index) => {
    const filter = TimelineFilter.parse(input);
    expect(isIndexBackedPage(filter)).toBe(true);
    for (const request of [
      { filter, limit: 200 },
      { filter, limit: 200, cursor: { ts: 1767225600000 + 5_000_000, id: 400, direction: 'after' as const } },
      { filter, limit: 200, cursor: { ts: 1767225600000 + 5_000_000, id: 400, direction: 'before' as const } },
    ]) {
      const plan = explainPage(db, request);
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatch(new RegExp(`^(SCAN|SEARCH) e USING (COVERING )?INDEX ${index}\\b`));
      expect(plan.join(' ')).not.toMatch(/TEMP B-TREE|SCAN e$/);
    }
  });

  it('sends everything else to the reader thread', () => {
    for (const input of [
      { actors: { include: ['a@b.example', 'c@d.example'] } },
      { actors: { include: ['a@b.example'] }, sources: { include: ['ual'] } },
      { operations: { exclude: ['op1'] } },
      { ips: { include: ['10.0.0.0/16'] } },
      { text: { include: ['invoice'] } },
      { bookmarked: true },
      { tags: { include: ['phish'] } },
    ] satisfies TimelineFilterInput[]) {
      expect(isIndexBackedPage(TimelineFilter.parse(input))).toBe(false);
    }
  });

  it('merges one ordered read per value for a short include list instead of sorting every match', () => {
    const plan = explainPage(db, { filter: TimelineFilter.parse({ operations: { include: ['op1', 'op2', 'op3'] } }), limit: 100 }).join(' | ');
    expect(plan).toMatch(/MERGE \(UNION ALL\)/);
    expect(plan.match(/USING COVERING INDEX events_operation_ts \(operation=\?\)/g)).toHaveLength(3);
  });

  it('lets a few addresses drive the page and a wide block probe along the time index', () => {
    const narrow = explainPage(db, { filter: TimelineFilter.parse({ ips: { include: ['10.0.3.3', '10.0.4.4'] } }), limit: 100 }).join(' | ');
    expect(narrow).toMatch(/USING COVERING INDEX events_ip_ts/);
    const wide = explainPage(db, { filter: TimelineFilter.parse({ ips: { include: ['10.0.0.0/12'] } }), limit: 100 }).join(' | ');
    expect(wide).toMatch(/SCAN e USING INDEX events_ts/);
    expect(wide).not.toMatch(/TEMP B-TREE/);
  });

  it('lets a rare text search drive the page and a common one probe along the time index', () => {
    const rare = explainPage(db, { filter: TimelineFilter.parse({ text: { include: ['user7'] } }), limit: 100 }).join(' | ');
    expect(rare).toMatch(/SEARCH e USING INTEGER PRIMARY KEY/);
    const common = explainPage(db, { filter: TimelineFilter.parse({ text: { include: ['contoso'] } }), limit: 100 }).join(' | ');
    expect(common).toMatch(/SCAN e USING COVERING INDEX events_ts/);
    expect(common).not.toMatch(/TEMP B-TREE/);
  });
});
