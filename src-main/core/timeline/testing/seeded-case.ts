import { join } from 'node:path';
import { generateDataset } from '../../../sim/data/generate.js';
import { createRng } from '../../../sim/data/prng.js';
import type { SimDataset } from '../../../sim/data/types.js';
import { seedCaseDir } from '../../../sim/seed-case.js';
import { createCore } from '../../create-core.js';
import { makeTempDir, makeTestPorts } from '../../testing/test-ports.js';

/** Time shared by the extra same-second UAL records (keyset pages must split runs of equal ts). */
export const SHARED_TS = Date.parse('2026-11-24T12:00:00Z');
export const SHARED_TS_COUNT = 300;

/**
 * A small generated case folder for timeline tests: the simulator's tenant (seed, e5, a few
 * days), plus a page of UAL records that all carry one timestamp, seeded through the real
 * writer thread; then a few bookmarks, tags and notes made through the core's commands.
 */
export async function createSeededCase(options: { seed?: number; days?: number; scale?: number } = {}): Promise<{
  dir: string;
  dbPath: string;
  dataset: SimDataset;
  cleanup(): void;
}> {
  const tmp = makeTempDir('cirrus-timeline-');
  const dir = join(tmp.dir, 'case');
  const dataset = generateDataset({
    seed: options.seed ?? 7,
    profile: 'e5',
    days: options.days ?? 6,
    scale: options.scale ?? 0.05,
    anchor: new Date('2026-11-27T13:30:00.000Z'),
  });
  const ports = makeTestPorts(tmp.dir);
  let core = createCore(ports);
  const created = await core.route('case.create', { dir, name: 'Timeline fixture', examiner: 'Examiner E' });
  if (!created.ok) throw new Error(created.error.message);
  await core.shutdown();

  await seedCaseDir(dir, dataset, { pageSize: 500, now: () => new Date('2026-11-28T00:00:00.000Z') });
  const rng = createRng(dataset.seed, 'same-second');
  const sameSecond = dataset.ual.slice(0, SHARED_TS_COUNT).map((r) => ({ ...r, Id: rng.guid(), CreationTime: new Date(SHARED_TS).toISOString().slice(0, 19) }));
  const empty = { signIns: [], directoryAudits: [], azure: { ...dataset.azure, activity: [] }, devops: { ...dataset.devops, audit: [] } };
  await seedCaseDir(dir, { ...dataset, ...empty, ual: sameSecond }, { pageSize: 1000, now: () => new Date('2026-11-28T00:00:01.000Z') });

  core = createCore(ports);
  try {
    const opened = await core.route('case.open', { dir });
    if (!opened.ok) throw new Error(opened.error.message);
    const pick = (n: number, key: string) => {
      const r = createRng(dataset.seed, key);
      return [...new Set(Array.from({ length: n }, () => 1 + r.int(1500)))];
    };
    const must = async (name: string, input: unknown) => {
      const r = await core.route(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    };
    await must('timeline.bookmark', { eventIds: pick(40, 'bookmarks'), bookmarked: true });
    await must('timeline.tag', { eventIds: pick(60, 'tag-a'), tag: 'Persistence', action: 'add' });
    await must('timeline.tag', { eventIds: pick(60, 'tag-b'), tag: 'phish', action: 'add' });
    await must('timeline.note', { action: 'add', eventId: 5, body: 'first look' });
    await must('timeline.note', { action: 'add', eventId: null, body: 'case-wide note' });
  } finally {
    await core.shutdown();
  }
  return { dir, dbPath: join(dir, 'case.sqlite'), dataset, cleanup: tmp.cleanup };
}
