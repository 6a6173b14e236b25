import type { TimelineService } from '../../timeline/timeline-service.js';
import type { Handlers } from '../router.js';

type TimelineHandlers = Pick<
  Handlers,
  | 'timeline.page'
  | 'timeline.histogram'
  | 'timeline.facets'
  | 'timeline.event'
  | 'timeline.bookmark'
  | 'timeline.tag'
  | 'timeline.note'
  | 'timeline.workProduct'
  | 'timeline.views.save'
  | 'timeline.views.list'
  | 'timeline.views.delete'
  | 'timeline.timeZones'
>;

export function createTimelineHandlers(timeline: TimelineService): TimelineHandlers {
  return {
    'timeline.page': (input) => timeline.page(input),
    'timeline.histogram': (input) => timeline.histogram(input),
    'timeline.facets': (input) => timeline.facets(input),
    'timeline.event': ({ id }) => timeline.event(id),
    'timeline.bookmark': (input) => timeline.bookmark(input),
    'timeline.tag': (input) => timeline.tag(input),
    'timeline.note': (input) => timeline.note(input),
    'timeline.workProduct': ({ eventId }) => timeline.workProduct(eventId),
    'timeline.views.save': (input) => timeline.saveView(input),
    'timeline.views.list': () => timeline.listViews(),
    'timeline.views.delete': ({ id }) => timeline.deleteView(id),
    'timeline.timeZones': () => timeline.timeZones(),
  };
}
