import { createColumnHelper, type ColumnDef, type VisibilityState } from '@tanstack/react-table';
import type { FilterListField } from '../../../src-shared/domain/timeline-filter.js';
import type { TimelineRow } from '../../../src-shared/ipc/contract-timeline.js';
import { formatInZone, otherZones, type ShownZone } from './time-zones.js';
import { ValueButton, type OpenValueMenu } from './ValueMenu.js';

/**
 * The table's columns. Values that can narrow the timeline (actor, IP, app, session, ...) are
 * handles with a filter/exclude/copy menu. Built once per zone and callbacks (columns are
 * memoised by the caller), since TanStack Table re-derives everything when they change.
 */

export interface ColumnContext {
  zone: ShownZone;
  onValueMenu: OpenValueMenu;
  onBookmark(row: TimelineRow): void;
}

const helper = createColumnHelper<TimelineRow>();

const sourceLabels: Record<TimelineRow['source'], string> = {
  ual: 'UAL',
  signin: 'Sign-in',
  directory_audit: 'Directory audit',
  azure_activity: 'Azure activity',
  devops_audit: 'DevOps audit',
};
export const sourceLabel = (source: string): string => sourceLabels[source as TimelineRow['source']] ?? source;

function handle(field: FilterListField, value: string | null, onOpen: OpenValueMenu, mono = false, display?: string) {
  if (value === null) return <span className="cell-empty" aria-label="no value">—</span>;
  return <ValueButton field={field} value={value} onOpen={onOpen} mono={mono} {...(display ? { display } : {})} />;
}

export function buildColumns(ctx: ColumnContext): ColumnDef<TimelineRow, unknown>[] {
  const defs = [
    helper.display({
      id: 'bookmark',
      header: () => <span className="visually-hidden">Bookmarked</span>,
      size: 34,
      enableResizing: false,
      enableHiding: false,
      cell: ({ row }) => (
        <button
          type="button"
          className={`star${row.original.bookmarked ? ' star-on' : ''}`}
          aria-pressed={row.original.bookmarked}
          aria-label={row.original.bookmarked ? `Remove bookmark from event ${row.original.id}` : `Bookmark event ${row.original.id}`}
          onClick={(e) => {
            e.stopPropagation();
            ctx.onBookmark(row.original);
          }}
        >
          {row.original.bookmarked ? '★' : '☆'}
        </button>
      ),
    }),
    helper.accessor('ts', {
      id: 'time',
      header: `Time (${ctx.zone.label})`,
      size: 184,
      enableHiding: false,
      enableSorting: true,
      cell: ({ getValue }) => {
        const ms = getValue() as number;
        return (
          <time className="mono" dateTime={new Date(ms).toISOString()} title={otherZones(ms, ctx.zone)}>
            {formatInZone(ms, ctx.zone.iana).text}
          </time>
        );
      },
    }),
    helper.accessor('source', { id: 'source', header: 'Source', size: 96, cell: ({ getValue }) => handle('sources', getValue() as string, ctx.onValueMenu, false, sourceLabel(getValue() as string)) }),
    helper.accessor('operation', { id: 'operation', header: 'Operation', size: 170, cell: ({ getValue }) => handle('operations', getValue() as string, ctx.onValueMenu) }),
    helper.accessor('actor', { id: 'actor', header: 'Actor', size: 190, cell: ({ getValue }) => handle('actors', getValue() as string | null, ctx.onValueMenu) }),
    helper.accessor('ip', { id: 'ip', header: 'IP', size: 118, cell: ({ getValue }) => handle('ips', getValue() as string | null, ctx.onValueMenu, true) }),
    helper.accessor('country', { id: 'country', header: 'Country', size: 64, cell: ({ getValue }) => handle('countries', getValue() as string | null, ctx.onValueMenu) }),
    helper.accessor('app_id', {
      id: 'app',
      header: 'App',
      size: 150,
      cell: ({ row }) => handle('apps', row.original.app_id, ctx.onValueMenu, row.original.app_name === null, row.original.app_name ?? undefined),
    }),
    helper.accessor('result', { id: 'result', header: 'Result', size: 72, cell: ({ getValue }) => handle('results', getValue() as string | null, ctx.onValueMenu) }),
    helper.accessor('target', { id: 'target', header: 'Target', size: 200, cell: ({ getValue }) => <span className="cell-text">{(getValue() as string | null) ?? '—'}</span> }),
    helper.accessor('workload', { id: 'workload', header: 'Workload', size: 120, cell: ({ getValue }) => handle('workloads', getValue() as string | null, ctx.onValueMenu) }),
    helper.accessor('session_id', { id: 'session', header: 'Session', size: 150, cell: ({ getValue }) => handle('sessionIds', getValue() as string | null, ctx.onValueMenu, true) }),
    helper.accessor('correlation_id', { id: 'correlation', header: 'Correlation', size: 150, cell: ({ getValue }) => handle('correlationIds', getValue() as string | null, ctx.onValueMenu, true) }),
    helper.accessor('user_agent', { id: 'userAgent', header: 'User agent', size: 200, cell: ({ getValue }) => <span className="cell-text">{(getValue() as string | null) ?? '—'}</span> }),
    helper.accessor('tags', {
      id: 'tags',
      header: 'Tags',
      size: 140,
      cell: ({ row }) => (
        <span className="cell-tags">
          {row.original.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
          {row.original.notes > 0 ? <span className="note-count" aria-label={`${row.original.notes} notes`}>✎{row.original.notes}</span> : null}
        </span>
      ),
    }),
  ];
  return defs as ColumnDef<TimelineRow, unknown>[];
}

/** Columns a responder sees first; the chooser shows the rest. */
export const defaultVisibility: VisibilityState = { target: false, workload: false, session: false, correlation: false, userAgent: false };

/** Chooser names (headers that are not plain words, like the star, are not offered). */
export const columnNames: Record<string, string> = {
  source: 'Source',
  operation: 'Operation',
  actor: 'Actor',
  ip: 'IP',
  country: 'Country',
  app: 'App',
  result: 'Result',
  target: 'Target',
  workload: 'Workload',
  session: 'Session',
  correlation: 'Correlation',
  userAgent: 'User agent',
  tags: 'Tags and notes',
};
