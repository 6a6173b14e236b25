import { useSyncExternalStore } from 'react';
import { routeFromHash, type RouteId } from './routes.js';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The page named by the URL hash, re-read whenever the hash changes (links, keys, back/forward). */
export function useHashRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}

export function navigateTo(id: RouteId): void {
  window.location.hash = `#/${id}`;
}
