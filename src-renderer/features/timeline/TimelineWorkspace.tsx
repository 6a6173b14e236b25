import type { VisibilityState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { emptyFilter, type FilterListField, type TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import type { FacetField, TimelineRow } from '../../../src-shared/ipc/contract-timeline.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { ColumnChooser } from './ColumnChooser.js';
import { buildColumns, defaultVisibility } from './columns.js';
import { EventPanel } from './EventPanel.js';
import { FacetPanel } from './FacetPanel.js';
import { facetFilterField, isEmptyFilter, setTimeRange, toggleValue, withValue, type FilterEdit, type Side } from './filter-edit.js';
import { FilterBar } from './FilterBar.js';
import { SavedViews } from './SavedViews.js';
import { moveSelection, timelineKey } from './timeline-keys.js';
import { choiceFromValue, choiceValue, labelledTime, resolveZone, type ZoneChoice } from './time-zones.js';
import { TimelineHistogram } from './TimelineHistogram.js';
import { resultIndex, TimelineTable, type ScrollRequest } from './TimelineTable.js';
import { useBookmark, useFacets, useHistogram, useMailboxZones } from './use-timeline-data.js';
import { useTimelineRows } from './use-timeline-rows.js';
import { ValueMenuHost, type ValueTarget } from './ValueMenu.js';
import { WorkProductPanel } from './WorkProductPanel.js';
import { ZonePicker } from './ZonePicker.js';

type SideTab = 'facets' | 'work' | 'views';

/** The zone switch is a per-user preference of this browser, never part of a case. */
const ZONE_KEY = 'cirrus.timeline.zone';
function storedZoneChoice(): ZoneChoice {
  try {
    return choiceFromValue(window.localStorage.getItem(ZONE_KEY) ?? 'utc');
  } catch {
    // Storage refused (a locked-down profile): UTC, as on first use.
    return { kind: 'utc' };
  }
}
function rememberZoneChoice(choice: ZoneChoice): void {
  try {
    window.localStorage.setItem(ZONE_KEY, choiceValue(choice));
  } catch {
    // Not remembered: the switch still applies until the page is left.
  }
}

/** The timeline of the open case: filter, histogram, facets, table and event panel, and their keys. */
export function TimelineWorkspace() {
  const [filter, setFilter] = useState<TimelineFilter>(emptyFilter);
  const [descending, setDescending] = useState(false);
  const [zoneChoice, setZoneChoiceState] = useState<ZoneChoice>(storedZoneChoice);
  const setZoneChoice = (choice: ZoneChoice) => {
    setZoneChoiceState(choice);
    rememberZoneChoice(choice);
  };
  const [visibility, setVisibility] = useState<VisibilityState>(defaultVisibility);
  const [selected, setSelected] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [followSelection, setFollowSelection] = useState(true);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [pageRows, setPageRows] = useState(20);
  const [tab, setTab] = useState<SideTab>('facets');
  const [problem, setProblem] = useState<string | null>(null);
  const [menuTarget, setMenuTarget] = useState<ValueTarget | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const histogram = useHistogram(filter, true);
  const facets = useFacets(filter, tab === 'facets');
  const zones = useMailboxZones(true);
  // One zone object per choice: columns and chart are rebuilt only when the zone really changes.
  const { zone, problem: zoneProblem } = useMemo(() => resolveZone(zoneChoice, zones.data ?? []), [zoneChoice, zones.data]);
  const total = histogram.data?.total ?? null;
  const rows = useTimelineRows(filter, total);
  const bookmark = useBookmark();

  const applyFilter = useCallback((edit: FilterEdit) => {
    if (!edit.ok) {
      setProblem(edit.message);
      return;
    }
    setProblem(null);
    setFilter(edit.filter);
    setSelected(null);
  }, []);
  const onPivot = useCallback((field: FilterListField, value: string, side: Side) => applyFilter(withValue(filter, field, value, side)), [filter, applyFilter]);

  const mutateBookmark = bookmark.mutate;
  const patchRows = rows.patch;
  const toggleBookmark = useCallback(
    (row: TimelineRow) =>
      mutateBookmark({ eventIds: [row.id], bookmarked: !row.bookmarked }, { onSuccess: () => patchRows([row.id], (r) => ({ ...r, bookmarked: !row.bookmarked })) }),
    [mutateBookmark, patchRows],
  );
  const onZoom = useCallback((from: number, to: number) => applyFilter(setTimeRange(filter, from, to)), [filter, applyFilter]);
  const onFacet = useCallback(
    (field: FacetField, value: string, side: Side) => applyFilter(toggleValue(filter, facetFilterField[field], value, side)),
    [filter, applyFilter],
  );
  const columns = useMemo(() => buildColumns({ zone, onValueMenu: setMenuTarget, onBookmark: toggleBookmark }), [zone, toggleBookmark]);

  const rowAt = (display: number | null) => (display === null || total === null ? undefined : rows.row(resultIndex(display, total, descending)));
  const selectedRow = rowAt(selected);

  // With the panel open, it follows the selection as j/k move it (once the row is read).
  useEffect(() => {
    if (openId !== null && followSelection && selectedRow && selectedRow.id !== openId) setOpenId(selectedRow.id);
  }, [openId, followSelection, selectedRow]);

  const select = (display: number) => {
    setSelected(display);
    setScrollRequest((r) => ({ index: display, seq: (r?.seq ?? 0) + 1 }));
  };

  // The page's keys, read through a ref so the listener is added once.
  const keyState = useRef({ selected, total, pageRows, openId, selectedRow, descending });
  keyState.current = { selected, total, pageRows, openId, selectedRow, descending };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = timelineKey(event);
      if (!action) return;
      const s = keyState.current;
      switch (action) {
        case 'search':
          searchRef.current?.focus();
          break;
        case 'close':
          if (s.openId === null) return;
          setOpenId(null);
          break;
        case 'open':
          if (!s.selectedRow) return;
          setFollowSelection(true);
          setOpenId(s.selectedRow.id);
          break;
        case 'bookmark':
          if (!s.selectedRow) return;
          toggleBookmarkRef.current(s.selectedRow);
          break;
        default: {
          const next = moveSelection(action, s.selected, s.total ?? 0, s.pageRows);
          if (next === null) return;
          select(next);
        }
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const toggleBookmarkRef = useRef(toggleBookmark);
  toggleBookmarkRef.current = toggleBookmark;

  const countText = total === null ? 'Counting events…' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'event' : 'events'}`;

  return (
    <div className="tl-page">
      <div className="page-head tl-pagehead">
        <h1>Timeline</h1>
        <span className="tl-count" role="status" aria-label="Matching events">
          {countText}
        </span>
        <div className="tl-tools">
          <ZonePicker choice={zoneChoice} mailboxes={zones.data ?? []} onChange={setZoneChoice} />
          <ColumnChooser visibility={visibility} onChange={setVisibility} />
        </div>
      </div>
      {zoneProblem ? <p className="notice" role="note">{zoneProblem}</p> : null}
      {zones.error ? <ErrorAlert title="Could not read the mailboxes' time zones" error={zones.error} /> : null}
      <FilterBar filter={filter} describeTime={(ms) => labelledTime(ms, zone)} onChange={(f) => applyFilter({ ok: true, filter: f })} searchRef={searchRef} />
      {problem ? <p role="alert" className="alert alert-error">{problem}</p> : null}
      <ValueMenuHost target={menuTarget} onClose={() => setMenuTarget(null)} onPivot={onPivot} />

      {histogram.error ? <ErrorAlert title="Could not count the events over time" error={histogram.error} /> : null}
      {histogram.data && histogram.data.total > 0 ? (
        <TimelineHistogram histogram={histogram.data} zone={zone} onZoom={onZoom} />
      ) : null}

      <div className={`tl-main${openId !== null ? ' with-detail' : ''}`}>
        <div className="tl-side">
          <div className="tl-side-tabs" role="group" aria-label="Side panel">
            {(
              [
                ['facets', 'Facets'],
                ['work', 'Marks'],
                ['views', 'Views'],
              ] as const
            ).map(([id, label]) => (
              <button key={id} type="button" className="button button-small" aria-pressed={tab === id} onClick={() => setTab(id)}>
                {label}
              </button>
            ))}
          </div>
          {tab === 'facets' ? (
            <FacetPanel
              facets={facets.data}
              loading={facets.isFetching}
              error={facets.error}
              filter={filter}
              onToggle={onFacet}
            />
          ) : null}
          {tab === 'work' ? (
            <WorkProductPanel
              onOpenEvent={(id) => {
                setFollowSelection(false);
                setOpenId(id);
              }}
              onFilter={(change) => applyFilter({ ok: true, filter: { ...filter, ...change } })}
            />
          ) : null}
          {tab === 'views' ? <SavedViews filter={filter} onLoad={(f) => applyFilter({ ok: true, filter: f })} /> : null}
        </div>

        <div className="tl-center">
          {rows.error ? <ErrorAlert title="Could not read the events" error={rows.error} /> : null}
          {bookmark.error ? <ErrorAlert title="The bookmark was not changed" error={bookmark.error} /> : null}
          {total === null && histogram.isFetching ? <p className="muted">Reading the timeline…</p> : null}
          {total === 0 ? (
            <div className="panel tl-empty">
              {isEmptyFilter(filter) ? (
                <p>This case holds no events yet. Collect evidence on the <a href="#/collect">Collect</a> page.</p>
              ) : (
                <>
                  <p>No events match this filter.</p>
                  <button type="button" className="button" onClick={() => applyFilter({ ok: true, filter: emptyFilter() })}>
                    Clear the filter
                  </button>
                </>
              )}
            </div>
          ) : null}
          {total !== null && total > 0 ? (
            <TimelineTable
              rows={rows}
              total={total}
              descending={descending}
              onSortChange={(desc) => {
                setDescending(desc);
                setSelected(null);
              }}
              columns={columns}
              visibility={visibility}
              onVisibilityChange={setVisibility}
              selected={selected}
              onSelect={(display) => {
                setSelected(display);
                const row = rowAt(display);
                if (row) {
                  setFollowSelection(true);
                  setOpenId(row.id);
                }
              }}
              onOpen={(display) => {
                const row = rowAt(display);
                if (row) setOpenId(row.id);
              }}
              scrollRequest={scrollRequest}
              onPageRows={setPageRows}
            />
          ) : null}
        </div>

        {openId !== null ? (
          <EventPanel
            key={openId}
            eventId={openId}
            zone={zone}
            onClose={() => setOpenId(null)}
            onPivot={onPivot}
            onRowChange={(change) =>
              rows.patch([openId], (r) => ({
                ...r,
                ...(change.bookmarked !== undefined ? { bookmarked: change.bookmarked } : {}),
                ...(change.tag
                  ? { tags: change.tag.action === 'add' ? [...new Set([...r.tags, change.tag.tag])].sort() : r.tags.filter((t) => t !== change.tag?.tag) }
                  : {}),
                ...(change.notes !== undefined ? { notes: Math.max(0, r.notes + change.notes) } : {}),
              }))
            }
          />
        ) : null}
      </div>
    </div>
  );
}
