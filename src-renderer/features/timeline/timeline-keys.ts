/**
 * The Timeline page's keys: `j`/`k` (or the arrows) move the selection, `Enter` opens the event,
 * `Escape` closes it, `/` goes to the search box, `Home`/`End` jump to the first and last event,
 * `b` stars the selected event. None fires while typing in a field or inside an open menu or
 * dialog, which handle their own keys.
 */
export type TimelineKey = 'next' | 'prev' | 'pageDown' | 'pageUp' | 'first' | 'last' | 'open' | 'close' | 'search' | 'bookmark';

const KEYS: Record<string, TimelineKey> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
  Home: 'first',
  End: 'last',
  Enter: 'open',
  Escape: 'close',
  '/': 'search',
  b: 'bookmark',
};

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

const isField = (el: Element) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** The page action for a key press, or null when the key is not the page's to handle. */
export function timelineKey(event: KeyLike): TimelineKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const action = KEYS[event.key];
  if (!action) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target) {
    if (isField(target)) return null;
    if (target.closest('[role="menu"], [role="dialog"], [role="listbox"]')) return null;
    // A button or link already answers Enter itself; the table's rows are not buttons.
    if (action === 'open' && target.closest('button, a, summary')) return null;
  }
  return action;
}

/** Where the selection goes for a movement key, kept inside [0, total). */
export function moveSelection(action: TimelineKey, current: number | null, total: number, pageRows: number): number | null {
  if (total === 0) return null;
  const last = total - 1;
  const from = current ?? -1;
  switch (action) {
    case 'next':
      return Math.min(last, from + 1);
    case 'prev':
      return current === null ? 0 : Math.max(0, current - 1);
    case 'pageDown':
      return Math.min(last, Math.max(0, from) + pageRows);
    case 'pageUp':
      return Math.max(0, (current ?? 0) - pageRows);
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return current;
  }
}
