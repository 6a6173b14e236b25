import type { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import { useCommandMutation, useCommandQuery } from '../../api/use-command.js';

/** Work-product tables: the detail panel and the work-product list read them. */
const WORK_TABLES = ['bookmarks', 'event_tags', 'notes'] as const;

/**
 * The case tables a filtered aggregate reads: the events always, and the work-product tables
 * only when the filter tests them, so starring an event does not recount the whole result.
 */
export function tablesFor(filter: TimelineFilter): string[] {
  const tables = ['events'];
  if (filter.bookmarked !== undefined) tables.push('bookmarks');
  if (filter.tagged !== undefined || filter.tags.include.length + filter.tags.exclude.length > 0) tables.push('event_tags');
  return tables;
}

/** Buckets the chart asks for: about one per 8 px of a 1280-wide window's chart. */
export const CHART_BUCKETS = 120;

/** The chart's histogram; its total is also the result's size, which sizes the table's scrollbar. */
export function useHistogram(filter: TimelineFilter, enabled: boolean) {
  return useCommandQuery('timeline.histogram', { filter, buckets: CHART_BUCKETS, client: 'timeline-chart' }, { tables: tablesFor(filter), enabled });
}

export function useFacets(filter: TimelineFilter, enabled: boolean) {
  return useCommandQuery('timeline.facets', { filter, limit: 8, client: 'timeline-facets' }, { tables: tablesFor(filter), enabled });
}

export function useEventDetail(id: number | null) {
  return useCommandQuery('timeline.event', { id: id ?? 1 }, { tables: ['events', ...WORK_TABLES], enabled: id !== null });
}

export function useWorkProduct(enabled: boolean) {
  return useCommandQuery('timeline.workProduct', {}, { tables: [...WORK_TABLES], enabled });
}

export function useSavedViews(enabled: boolean) {
  return useCommandQuery('timeline.views.list', {}, { tables: ['saved_views'], enabled });
}

export function useMailboxZones(enabled: boolean) {
  return useCommandQuery('timeline.timeZones', {}, { tables: ['mailbox_time_zones'], enabled });
}

// Writes: the core announces the tables each one changed (db.changed), which refreshes the reads above.
export const useBookmark = () => useCommandMutation('timeline.bookmark');
export const useTag = () => useCommandMutation('timeline.tag');
export const useNote = () => useCommandMutation('timeline.note');
export const useSaveView = () => useCommandMutation('timeline.views.save');
export const useDeleteView = () => useCommandMutation('timeline.views.delete');
