import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison, Figure, FigureContext, FigureOutcome, Scenario } from '../harness/types.js';
import { openCirrusTimeline } from './query/cirrus-answers.js';
import { duckdbUnavailable, openDuckdb } from './query/duckdb-answers.js';
import { askJq, jqUnavailable } from './query/jq-answers.js';
import { describeAnswer, questions, readDataset, sameAnswer, type Answer, type Question, type QuestionId } from './query/questions.js';

/**
 * The timeline's questions on a case of N events (mostly UAL, every source), answered by Cirrus
 * through its timeline engine and by DuckDB and jq over the same events as NDJSON, side by side.
 * The data is built once per seed and size (generator → case through the ingest path → NDJSON)
 * and kept under bench/work/query/ for later runs; building is reported apart from the figures.
 * Each figure checks its answer against Cirrus's (ids of the first page, histogram counts, top
 * values with counts), so a ratio compares like with like; a quick run fails on any difference.
 */
const SEED = 42;
const dataDir = (ctx: FigureContext) => join(ctx.workDir, `seed-${ctx.size.seed ?? SEED}-events-${ctx.size.events ?? 0}`);

/** A generated slice of a million records needs more heap than Node's default. */
function buildDataset(dir: string, events: number, seed: number): Promise<void> {
  const script = join(import.meta.dirname, 'query', 'build-dataset.ts');
  const heapMb = 6_144;
  return new Promise((resolve, reject) => {
    // A larger young generation lets the normaliser's short-lived objects die young instead of being promoted.
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=64', '--import', 'tsx', script, dir, String(events), String(seed)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the query data exited with ${code}`))));
  });
}

/** Compares an answer with Cirrus's recorded one: notes say so, and a quick run stops on a difference. */
function checked(ctx: FigureContext, id: QuestionId, answer: Answer, tool: string): Record<string, string> {
  const expected = readDataset(dataDir(ctx)).expected[id];
  const same = sameAnswer(answer, expected);
  if (!same && ctx.quick) throw new Error(`${tool} answered ${id} differently from Cirrus: ${describeAnswer(answer)} vs ${describeAnswer(expected)}`);
  return { answer: describeAnswer(answer), sameAsCirrus: same ? 'yes' : 'NO' };
}

function cirrusFigure(q: Question): Figure {
  return {
    id: `cirrus-${q.id}`,
    label: `Cirrus: ${q.label} (warm)`,
    role: 'subject',
    async run(ctx): Promise<FigureOutcome> {
      const data = readDataset(dataDir(ctx));
      const timeline = openCirrusTimeline(data.dbPath);
      try {
        // Warm: the reader threads are up and the pages this question reads are cached once.
        await timeline.ask(q.id, data.params);
        const started = performance.now();
        const answer = await timeline.ask(q.id, data.params);
        const ms = performance.now() - started;
        return { ms, notes: checked(ctx, q.id, answer, 'Cirrus') };
      } finally {
        await timeline.close();
      }
    },
  };
}

const coldFigure: Figure = {
  id: 'cirrus-cold',
  label: 'Cirrus: first page, one actor, first query after opening the case (cold)',
  role: 'subject',
  async run(ctx): Promise<FigureOutcome> {
    const data = readDataset(dataDir(ctx));
    const started = performance.now();
    const timeline = openCirrusTimeline(data.dbPath);
    try {
      const answer = await timeline.ask('page-actor', data.params);
      return { ms: performance.now() - started, notes: checked(ctx, 'page-actor', answer, 'Cirrus') };
    } finally {
      await timeline.close();
    }
  },
};

function duckdbFigure(q: Question): Figure {
  return {
    id: `duckdb-${q.id}`,
    label: `DuckDB: ${q.label} (read_ndjson)`,
    role: 'peer',
    // A question reads the whole multi-GB file: once per suite at full size.
    maxRuns: 1,
    unavailable: duckdbUnavailable,
    async run(ctx): Promise<FigureOutcome> {
      const data = readDataset(dataDir(ctx));
      const duckdb = await openDuckdb(data.ndjson);
      try {
        const started = performance.now();
        const answer = await duckdb.ask(q.id, data.params);
        const ms = performance.now() - started;
        return { ms, notes: checked(ctx, q.id, answer, 'DuckDB') };
      } finally {
        duckdb.close();
      }
    },
  };
}

/**
 * A jq pass over the full NDJSON takes minutes; a question jq has not answered by then is stopped,
 * and its time stands as a lower bound (the ratio against it is then a lower bound too). Quick
 * runs have no limit, so every answer is compared there.
 */
const JQ_DEADLINE_MS = 150_000;

function jqFigure(q: Question): Figure {
  return {
    id: `jq-${q.id}`,
    label: `jq: ${q.label} (streamed)`,
    role: 'peer',
    maxRuns: 1,
    unavailable: jqUnavailable,
    async run(ctx): Promise<FigureOutcome> {
      const data = readDataset(dataDir(ctx));
      const started = performance.now();
      const { answer, peakRssMb } = await askJq(data.ndjson, q.id, data.params, ctx.quick ? undefined : JQ_DEADLINE_MS);
      const ms = performance.now() - started;
      if (answer === null) {
        return { ms, helperPeakRssMb: peakRssMb, notes: { answer: `stopped after ${JQ_DEADLINE_MS / 1000} s: time and ratio are lower bounds`, sameAsCirrus: 'not answered' } };
      }
      return { ms, helperPeakRssMb: peakRssMb, notes: checked(ctx, q.id, answer, 'jq') };
    },
  };
}

const comparisons: Comparison[] = questions.flatMap((q): Comparison[] => [
  { subject: `cirrus-${q.id}`, against: `duckdb-${q.id}`, kind: 'speedup', label: `${q.label}: DuckDB ÷ Cirrus`, atLeast: 20 },
  { subject: `cirrus-${q.id}`, against: `jq-${q.id}`, kind: 'speedup', label: `${q.label}: jq ÷ Cirrus`, atLeast: 100 },
]);

export const queryScenario: Scenario = {
  name: 'query',
  description: 'Timeline questions on N events: Cirrus (warm and cold) vs DuckDB and jq over the same events as NDJSON',
  sizes: { quick: { events: 20_000, seed: SEED }, full: { events: 5_000_000, seed: SEED } },
  async setup(ctx) {
    const dir = dataDir(ctx);
    const marker = join(dir, 'built.json');
    const reused = existsSync(marker);
    if (!reused) await buildDataset(dir, ctx.size.events ?? 0, ctx.size.seed ?? SEED);
    const built = JSON.parse(readFileSync(marker, 'utf8')) as Record<string, number>;
    const mb = (bytes: number | undefined) => Math.round((bytes ?? 0) / 1024 / 1024);
    return {
      notes: {
        data: reused ? 'reused from bench/work/query' : 'built now',
        events: built['events'] ?? 0,
        buildSeedEventsPerSecond: built['seedEventsPerSecond'] ?? 0,
        buildMs: (built['generateMs'] ?? 0) + (built['seedMs'] ?? 0) + (built['ndjsonMs'] ?? 0),
        caseDbMb: mb(built['caseDbBytes']),
        ndjsonMb: mb(built['ndjsonBytes']),
      },
    };
  },
  figures: [coldFigure, ...questions.flatMap((q) => [cirrusFigure(q), duckdbFigure(q), jqFigure(q)])],
  comparisons,
  targets: questions.map((q) => ({ figure: `cirrus-${q.id}`, maxMs: q.maxMs, label: `${q.label} on the full case` })),
};
