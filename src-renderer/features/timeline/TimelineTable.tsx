import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type VisibilityState } from '@tanstack/react-table';
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineRow } from '../../../src-shared/ipc/contract-timeline.js';
import type { TimelineRows } from './use-timeline-rows.js';

/** Every row is one line of this height: positions are then plain arithmetic, with no measuring. */
export const ROW_HEIGHT = 26;
/**
 * Tallest scroll area drawn. Browsers cap an element's height (tens of millions of pixels), so a
 * larger result is drawn compressed: the scrollbar still spans the whole result, each scrolled
 * pixel moving `scale` row-pixels, while rows are drawn at full height around the viewport.
 */
export const MAX_SCROLL_PX = 12_000_000;

export interface ScrollRequest {
  /** Display position to bring into view. */
  index: number;
  /** Changes for every request, so asking for the same row twice scrolls twice. */
  seq: number;
}

interface Props {
  rows: TimelineRows;
  total: number;
  descending: boolean;
  onSortChange(descending: boolean): void;
  columns: ColumnDef<TimelineRow, unknown>[];
  visibility: VisibilityState;
  onVisibilityChange(next: VisibilityState): void;
  selected: number | null;
  onSelect(index: number): void;
  onOpen(index: number): void;
  scrollRequest: ScrollRequest | null;
  /** Rows that fit on screen, for PageUp/PageDown. */
  onPageRows(rows: number): void;
}

/** Display position → position in the result (oldest first); newest-first is the same list read from its end. */
export const resultIndex = (display: number, total: number, descending: boolean): number => (descending ? total - 1 - display : display);

export function TimelineTable(props: Props) {
  const { rows, total, descending, columns, selected } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const virtualHeight = total * ROW_HEIGHT;
  const scale = Math.max(1, virtualHeight / MAX_SCROLL_PX);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Scroll positions are read and written in row-pixels; the element scrolls in drawn pixels.
    observeElementOffset: (instance, cb) => observeElementOffset(instance, (offset, isScrolling) => cb(offset * scaleRef.current, isScrolling)),
    scrollToFn: (offset, options, instance) =>
      elementScroll(offset / scaleRef.current, { ...options, adjustments: (options.adjustments ?? 0) / scaleRef.current }, instance),
  });
  const items = virtualizer.getVirtualItems();
  const viewport = virtualizer.scrollRect?.height ?? 0;
  const offset = virtualizer.scrollOffset ?? 0;
  const drawnHeight = scale === 1 ? virtualHeight : viewport + Math.max(0, virtualHeight - viewport) / scale;

  // Tell the row store which result positions are on screen.
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last < first || total === 0) return;
    const a = resultIndex(first, total, descending);
    const b = resultIndex(last, total, descending);
    rows.show(Math.min(a, b), Math.max(a, b));
  }, [first, last, total, descending, rows.show]);

  useEffect(() => {
    if (viewport > 0) props.onPageRows(Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1));
  }, [viewport, props.onPageRows]);

  // A new result starts at its top.
  useLayoutEffect(() => {
    if (bodyRef.current) bodyRef.current.scrollTop = 0;
  }, [total, descending]);

  // Bring a requested row into view (computed here: the virtualizer's own scroll assumes unscaled pixels).
  useEffect(() => {
    const el = bodyRef.current;
    const request = props.scrollRequest;
    if (!el || !request) return;
    const height = el.clientHeight;
    const top = request.index * ROW_HEIGHT;
    const current = virtualizer.scrollOffset ?? 0;
    let target: number | null = null;
    if (top < current) target = top;
    else if (top + ROW_HEIGHT > current + height) target = top + ROW_HEIGHT - height;
    if (target === null) return;
    target = Math.max(0, Math.min(target, virtualHeight - height));
    el.scrollTop = target / scaleRef.current;
  }, [props.scrollRequest]);

  const loaded = useMemo(() => {
    const out: TimelineRow[] = [];
    for (const item of items) {
      const row = rows.row(resultIndex(item.index, total, descending));
      if (row) out.push(row);
    }
    return out;
  }, [items, rows.version, total, descending]);

  const table = useReactTable({
    data: loaded,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    columnResizeMode: 'onChange',
    manualSorting: true,
    state: { columnVisibility: props.visibility, columnSizing: sizing, sorting: [{ id: 'time', desc: descending }] },
    onColumnVisibilityChange: (updater) => props.onVisibilityChange(typeof updater === 'function' ? updater(props.visibility) : updater),
    onColumnSizingChange: setSizing,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater([{ id: 'time', desc: descending }]) : updater;
      props.onSortChange(next[0]?.desc ?? false);
    },
  });
  const width = table.getTotalSize();
  const rowsById = table.getRowModel().rowsById;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="tl-table" role="grid" aria-label="Events" aria-rowcount={total + 1} aria-colcount={headers.length}>
      <div className="tl-thead" ref={headRef} role="rowgroup">
        <div className="tl-row tl-thead-row" role="row" aria-rowindex={1} style={{ width }}>
          {headers.map((header) => {
            const isTime = header.column.id === 'time';
            return (
              <div
                key={header.id}
                role="columnheader"
                className="tl-cell tl-head-cell"
                style={{ width: header.getSize() }}
                aria-sort={isTime ? (descending ? 'descending' : 'ascending') : undefined}
              >
                {isTime ? (
                  <button type="button" className="sort-button" onClick={() => props.onSortChange(!descending)} title={`${String(header.column.columnDef.header)}: click to sort ${descending ? 'oldest' : 'newest'} first`}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span aria-hidden="true">{descending ? ' ↓' : ' ↑'}</span>
                    <span className="visually-hidden">{descending ? ', newest first' : ', oldest first'}</span>
                  </button>
                ) : (
                  flexRender(header.column.columnDef.header, header.getContext())
                )}
                {header.column.getCanResize() ? (
                  <div
                    className={`resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
                    role="separator"
                    aria-orientation="vertical"
                    aria-label={`Resize column ${header.column.id}`}
                    onMouseDown={header.getResizeHandler()}
                    onTouchStart={header.getResizeHandler()}
                    onDoubleClick={() => header.column.resetSize()}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
      <div
        className="tl-body"
        ref={bodyRef}
        role="rowgroup"
        data-scale={scale.toFixed(3)}
        onScroll={(e) => {
          if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div className="tl-spacer" style={{ height: drawnHeight, width }}>
          {items.map((item) => {
            const index = resultIndex(item.index, total, descending);
            const row = rows.row(index);
            const top = offset / scale + (item.start - offset);
            const isSelected = selected === item.index;
            // Only rows of `loaded` are in the model; a row placed since then waits for the next render.
            const tableRow = row ? rowsById[String(row.id)] : undefined;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-event-id={row?.id}
                className={`tl-row${isSelected ? ' selected' : ''}${row ? '' : ' pending'}`}
                style={{ transform: `translateY(${top}px)`, width }}
                onClick={() => props.onSelect(item.index)}
                onDoubleClick={() => props.onOpen(item.index)}
              >
                {tableRow ? (
                  tableRow.getVisibleCells().map((cell) => (
                    <div key={cell.id} role="gridcell" className={`tl-cell tl-col-${cell.column.id}`} style={{ width: cell.column.getSize() }}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                ) : (
                  <div role="gridcell" className="tl-cell tl-loading-cell">
                    Loading event {(item.index + 1).toLocaleString('en-GB')} of {total.toLocaleString('en-GB')}…
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
