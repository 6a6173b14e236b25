import { useEffect } from 'react';
import { routeByGoKey } from './routes.js';
import { navigateTo } from './use-hash-route.js';

/** How long `g` waits for its second key. */
const chordMs = 1500;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Global keys: `?` for the key list and `g` + a letter to change page. They never fire while the
 * responder is typing in a field, with a modifier held, or while `enabled` is false (a dialog is open).
 */
export function useShortcuts({ enabled, onHelp }: { enabled: boolean; onHelp(): void }): void {
  useEffect(() => {
    if (!enabled) return;
    let goPendingUntil = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        onHelp();
        return;
      }
      if (goPendingUntil > Date.now()) {
        goPendingUntil = 0;
        const route = routeByGoKey(event.key);
        if (route) {
          event.preventDefault();
          navigateTo(route.id);
        }
        return;
      }
      if (event.key === 'g') goPendingUntil = Date.now() + chordMs;
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, onHelp]);
}
