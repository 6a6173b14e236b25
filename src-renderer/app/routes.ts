/**
 * The workstation's pages. Routing lives in the URL hash (`#/timeline`) so a reload, in Electron
 * or in browser mode, stays on the page the responder was reading, and no server route is needed.
 */
export const routes = [
  { id: 'case', label: 'Case', goKey: 'c' },
  { id: 'readiness', label: 'Readiness', goKey: 'r' },
  { id: 'collect', label: 'Collect', goKey: 'o' },
  { id: 'timeline', label: 'Timeline', goKey: 't' },
  { id: 'hits', label: 'Hits', goKey: 'h' },
  { id: 'export', label: 'Export', goKey: 'e' },
] as const;

export type Route = (typeof routes)[number];
export type RouteId = Route['id'];

export const defaultRoute: RouteId = 'case';

export const hrefFor = (id: RouteId): string => `#/${id}`;

/** `#/hits` → `hits`; anything unknown (or empty) lands on the Case page. */
export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return routes.find((route) => route.id === id)?.id ?? defaultRoute;
}

export const routeByGoKey = (key: string): Route | undefined => routes.find((route) => route.goKey === key);
