import { TimelineFilter, emptyFilter, type FilterListField } from '../../../src-shared/domain/timeline-filter.js';
import type { FacetField } from '../../../src-shared/ipc/contract-timeline.js';

/**
 * Edits of the timeline filter as the page makes them: a value included or excluded (a facet
 * click, a pivot from a cell), a chip removed, a time range set by the brush. Every edit goes
 * through the filter's own parser, so the page holds only filters the core accepts.
 */

export type Side = 'include' | 'exclude';

export type FilterEdit = { ok: true; filter: TimelineFilter } | { ok: false; message: string };

/** The filter field each facet narrows. */
export const facetFilterField: Record<FacetField, FilterListField> = {
  actor: 'actors',
  ip: 'ips',
  operation: 'operations',
  country: 'countries',
  app: 'apps',
  source: 'sources',
  result: 'results',
  workload: 'workloads',
};

export const fieldLabels: Record<FilterListField, string> = {
  sources: 'Source',
  workloads: 'Workload',
  operations: 'Operation',
  actors: 'Actor',
  ips: 'IP',
  apps: 'App',
  results: 'Result',
  countries: 'Country',
  sessionIds: 'Session',
  correlationIds: 'Correlation',
  text: 'Text',
  tags: 'Tag',
};

function parsed(candidate: unknown): FilterEdit {
  const r = TimelineFilter.safeParse(candidate);
  if (r.success) return { ok: true, filter: r.data };
  return { ok: false, message: r.error.issues[0]?.message ?? 'The filter was refused.' };
}

/**
 * Includes (or excludes) a value; doing the same again takes it out, and a value is never on
 * both sides at once (excluding what was included means "not this one" now).
 */
export function toggleValue(filter: TimelineFilter, field: FilterListField, value: string, side: Side): FilterEdit {
  const other: Side = side === 'include' ? 'exclude' : 'include';
  const lists = filter[field] as { include: string[]; exclude: string[] };
  const present = lists[side].includes(value);
  const next = {
    [side]: present ? lists[side].filter((v) => v !== value) : [...lists[side], value],
    [other]: lists[other].filter((v) => v !== value),
  };
  return parsed({ ...filter, [field]: next });
}

/** A pivot: puts a value on one side (moving it from the other); a value already there stays. */
export function withValue(filter: TimelineFilter, field: FilterListField, value: string, side: Side): FilterEdit {
  if (sideOf(filter, field, value) === side) return { ok: true, filter };
  return toggleValue(filter, field, value, side);
}

/** Which side of a field a value is on, if any (the facet list marks it). */
export function sideOf(filter: TimelineFilter, field: FilterListField, value: string): Side | null {
  const lists = filter[field] as { include: string[]; exclude: string[] };
  if (lists.include.includes(value)) return 'include';
  if (lists.exclude.includes(value)) return 'exclude';
  return null;
}

/** The free-text box: each submitted term narrows the result (a leading `-` excludes it). */
export function addSearchTerm(filter: TimelineFilter, text: string): FilterEdit {
  const term = text.trim();
  if (term === '') return { ok: true, filter };
  if (term.startsWith('-') && term.length > 1) return toggleValue(filter, 'text', term.slice(1), 'exclude');
  return toggleValue(filter, 'text', term, 'include');
}

export function setTimeRange(filter: TimelineFilter, from: number | undefined, to: number | undefined): FilterEdit {
  return parsed({ ...filter, from, to });
}

export type Chip =
  | { kind: 'value'; key: string; field: FilterListField; side: Side; value: string; label: string }
  | { kind: 'time'; key: string; label: string }
  | { kind: 'flag'; key: string; flag: 'bookmarked' | 'tagged'; label: string };

/** The active filter as removable chips, in the order of the filter's fields. */
export function filterChips(filter: TimelineFilter, describeTime: (ms: number) => string): Chip[] {
  const chips: Chip[] = [];
  if (filter.from !== undefined || filter.to !== undefined) {
    const from = filter.from === undefined ? 'start' : describeTime(filter.from);
    const to = filter.to === undefined ? 'end' : describeTime(filter.to);
    chips.push({ kind: 'time', key: 'time', label: `Time ${from} → ${to}` });
  }
  for (const field of Object.keys(fieldLabels) as FilterListField[]) {
    const lists = filter[field] as { include: string[]; exclude: string[] };
    for (const side of ['include', 'exclude'] as const) {
      for (const value of lists[side]) {
        const label = `${fieldLabels[field]} ${side === 'include' ? 'is' : 'is not'} ${value}`;
        chips.push({ kind: 'value', key: `${field}:${side}:${value}`, field, side, value, label });
      }
    }
  }
  if (filter.bookmarked !== undefined) chips.push({ kind: 'flag', key: 'bookmarked', flag: 'bookmarked', label: filter.bookmarked ? 'Bookmarked' : 'Not bookmarked' });
  if (filter.tagged !== undefined) chips.push({ kind: 'flag', key: 'tagged', flag: 'tagged', label: filter.tagged ? 'Tagged' : 'Not tagged' });
  return chips;
}

/** The filter without one chip's condition. */
export function removeChip(filter: TimelineFilter, chip: Chip): TimelineFilter {
  switch (chip.kind) {
    case 'time':
      return { ...filter, from: undefined, to: undefined };
    case 'flag':
      return { ...filter, [chip.flag]: undefined };
    case 'value': {
      const lists = filter[chip.field] as { include: string[]; exclude: string[] };
      return { ...filter, [chip.field]: { ...lists, [chip.side]: lists[chip.side].filter((v) => v !== chip.value) } };
    }
  }
}

export const isEmptyFilter = (filter: TimelineFilter): boolean => JSON.stringify(filter) === JSON.stringify(emptyFilter());
