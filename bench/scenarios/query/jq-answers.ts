import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sampleChildPeakRss } from '../../support/child-memory.js';
import { FACET_FIELDS, pageFilter, type Answer, type FacetName, type QueryParams, type QuestionId } from './questions.js';

/**
 * jq answering the same questions over the NDJSON, streamed, as a responder would at a shell:
 * `jq -c 'select(…) | .id' | head -200` for a first page (the file is in time order, so the first
 * matches are the first page and jq is stopped there), `reduce` for counts.
 */
export function jqUnavailable(): string | null {
  const probe = spawnSync('jq', ['--version'], { encoding: 'utf8' });
  if (probe.error) return `jq is not installed (${probe.error.message}); on Debian: apt-get install -y jq`;
  return probe.status === 0 ? null : `jq --version failed: ${probe.stderr.trim()}`;
}

interface JqRun {
  lines: string[];
  peakRssMb: number;
  /** Stopped at the deadline before it answered. */
  timedOut: boolean;
}

/** Runs jq, reading stdout line by line; stops it once `enough` lines have come, or at the deadline. */
function runJq(args: string[], options: { enough?: number; deadlineMs?: number }): Promise<JqRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('jq', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const memory = sampleChildPeakRss(child.pid);
    const lines: string[] = [];
    let stderr = '';
    let stopped = false;
    let timedOut = false;
    const timer = options.deadlineMs === undefined ? null : setTimeout(() => {
      timedOut = true;
      stopped = true;
      child.kill('SIGTERM');
    }, options.deadlineMs);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const out = createInterface({ input: child.stdout, crlfDelay: Infinity });
    out.on('line', (line) => {
      if (stopped) return;
      lines.push(line);
      if (options.enough !== undefined && lines.length >= options.enough) {
        // `| head -200`: the pipe closes and jq ends.
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const peakRssMb = memory.stop();
      if (!stopped && code !== 0) return reject(new Error(`jq exited with ${code}: ${stderr.slice(0, 300)}`));
      resolve({ lines, peakRssMb, timedOut });
    });
  });
}

/** The search text as an Oniguruma pattern matching it literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * jq's answer, or null when it was stopped at the deadline (the time is then a lower bound).
 * First pages use --unbuffered so each match reaches the reader at once, as `| head` needs.
 */
export async function askJq(
  ndjson: string,
  id: QuestionId,
  params: QueryParams,
  deadlineMs?: number,
): Promise<{ answer: Answer | null; peakRssMb: number }> {
  const single = pageFilter(id, params);
  const page = async (program: string, args: string[]) => {
    const r = await runJq(['-c', '--unbuffered', ...args, program, ndjson], { enough: params.limit, deadlineMs });
    return { answer: r.timedOut ? null : ({ kind: 'page', ids: r.lines.map(Number) } as const), peakRssMb: r.peakRssMb };
  };
  if (single) return page(`select(.${single.field} == $v) | .id`, ['--arg', 'v', single.value]);
  // Case-insensitive, like the full-text index; a regular expression, since ascii_downcase in jq 1.6 is slow beyond use.
  if (id === 'text') return page('select(.raw | tostring | test($t; "i")) | .id', ['--arg', 't', literal(params.text)]);
  if (id === 'histogram') {
    const program = 'reduce inputs as $e ({}; .[(($e.ts / $b | floor) * $b | tostring)] += 1) | to_entries[] | "\\(.key) \\(.value)"';
    const r = await runJq(['-n', '-r', '--argjson', 'b', String(params.bucketMs), program, ndjson], { deadlineMs });
    if (r.timedOut) return { answer: null, peakRssMb: r.peakRssMb };
    const buckets = r.lines.map((l): [number, number] => {
      const [start, count] = l.split(' ');
      return [Number(start), Number(count)];
    });
    buckets.sort((a, b) => a[0] - b[0]);
    return { answer: { kind: 'histogram', buckets }, peakRssMb: r.peakRssMb };
  }
  // One pass counting all three fields, then the top values of each (most first, then by value).
  const count = FACET_FIELDS.map((f) => `(if $e.${f} != null then .${f}[$e.${f}] += 1 else . end)`).join(' | ');
  const program =
    `reduce inputs as $e ({${FACET_FIELDS.map((f) => `${f}: {}`).join(', ')}}; ${count})` +
    ` | map_values(to_entries | sort_by(-.value, .key) | .[:$n] | map([.key, .value]))`;
  const r = await runJq(['-n', '-c', '--argjson', 'n', String(params.facetLimit), program, ndjson], { deadlineMs });
  if (r.timedOut) return { answer: null, peakRssMb: r.peakRssMb };
  const top = JSON.parse(r.lines.join('')) as Record<FacetName, [string, number][]>;
  return { answer: { kind: 'facets', top }, peakRssMb: r.peakRssMb };
}
