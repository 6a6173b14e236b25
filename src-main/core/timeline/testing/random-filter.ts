import { EventResult } from '../../../../src-shared/domain/event.js';
import { TimelineFilter } from '../../../../src-shared/domain/timeline-filter.js';
import type { Rng } from '../../../sim/data/prng.js';
import { tokens, type RefEvent } from './reference.js';

/**
 * Random filters drawn from the case's own values, so most of them match something: values of
 * real events for every list field (on the include or the exclude side), CIDR blocks around real
 * addresses with random prefix lengths (IPv4 and IPv6), words and two-word phrases from real
 * events for text, time ranges between real event times, and the work-product conditions.
 */
export function randomFilter(rng: Rng, events: readonly RefEvent[], fields = 1 + rng.int(4)): TimelineFilter {
  // Built loosely and parsed at the end: the parse normalises and checks it like any input.
  const f: Record<string, unknown> = {};
  const some = <T>(values: (T | null)[]) => {
    const present = values.filter((v): v is T => v !== null);
    return present.length === 0 ? [] : Array.from({ length: 1 + rng.int(3) }, () => rng.pick(present));
  };
  const sample = () => Array.from({ length: 8 }, () => rng.pick(events));
  const side = <T>(values: T[]) => (rng.chance(0.7) ? { include: values } : { exclude: values });
  const choices: (() => void)[] = [
    () => {
      const a = rng.pick(events).ts;
      const b = rng.pick(events).ts;
      if (a !== b) Object.assign(f, { from: Math.min(a, b), to: Math.max(a, b) + (rng.chance(0.5) ? 1 : 0) });
    },
    () => (f.sources = side(some(sample().map((e) => e.source)))),
    () => (f.workloads = side(some(sample().map((e) => e.workload)))),
    () => (f.operations = side(some(sample().map((e) => e.operation)))),
    () => (f.actors = side(some(sample().map((e) => e.actor)))),
    () => (f.apps = side(some(sample().map((e) => e.app_id)))),
    () => (f.results = side(some([...EventResult.options]))),
    () => (f.sessionIds = side(some(sample().map((e) => e.session_id)))),
    () => (f.correlationIds = side(some(sample().map((e) => e.correlation_id)))),
    () => (f.ips = side(some(sample().map((e) => (e.ip ? ipOrBlock(rng, e.ip) : null))))),
    () => (f.text = side(some(sample().map((e) => textTerm(rng, e))))),
    () => (f.bookmarked = rng.chance(0.5)),
    () => (f.tagged = rng.chance(0.5)),
    () => (f.tags = side(some([rng.pick(['persistence', 'phish', 'never-used'])]))),
  ];
  for (let i = 0; i < fields; i++) rng.pick(choices)();
  return TimelineFilter.parse(f);
}

/** The address itself, or a block of random length around it (host bits are cleared by the filter). */
function ipOrBlock(rng: Rng, ip: string): string {
  if (rng.chance(0.4)) return ip;
  const bits = ip.includes(':') ? 128 : 32;
  return `${ip}/${rng.int(bits + 1)}`;
}

/** A word of one of the event's indexed columns, a run of two, or the whole actor (UPNs are FTS syntax). */
function textTerm(rng: Rng, e: RefEvent): string | null {
  const column = rng.pick(e.columns.filter((c) => c.length > 0));
  if (!column) return null;
  const at = rng.int(column.length);
  if (rng.chance(0.2) && e.actor && tokens(e.actor).length > 0) return e.actor;
  if (rng.chance(0.3) && at + 1 < column.length) return `"${column[at]} ${column[at + 1]}"`;
  return rng.chance(0.2) ? (column[at] as string).toUpperCase() : (column[at] as string);
}
