import type { Route } from './sim-http.js';

/**
 * Path matching for one mount. Microsoft's services treat path segments case-insensitively
 * (`auditLogs` and `auditlogs` both work), so literal segments compare lower-cased.
 */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export interface RouteTable {
  match(method: string, path: string): RouteMatch | 'method-not-allowed' | null;
}

interface CompiledRoute {
  route: Route;
  parts: ({ kind: 'literal'; value: string } | { kind: 'param'; name: string })[];
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export function createRouteTable(routes: Route[]): RouteTable {
  const compiled: CompiledRoute[] = routes.map((route) => ({
    route,
    parts: splitPath(route.pattern).map((segment) =>
      segment.startsWith(':') ? { kind: 'param' as const, name: segment.slice(1) } : { kind: 'literal' as const, value: segment.toLowerCase() },
    ),
  }));

  return {
    match(method, path) {
      const segments = splitPath(path).map(safeDecode);
      let pathMatched = false;
      for (const candidate of compiled) {
        const params = matchParts(candidate.parts, segments);
        if (!params) continue;
        pathMatched = true;
        if (candidate.route.method === method) return { route: candidate.route, params };
      }
      return pathMatched ? 'method-not-allowed' : null;
    },
  };
}

function matchParts(parts: CompiledRoute['parts'], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const segment = segments[i];
    if (part === undefined || segment === undefined) return null;
    if (part.kind === 'literal') {
      if (part.value !== segment.toLowerCase()) return null;
    } else {
      params[part.name] = segment;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
