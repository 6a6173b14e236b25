import { z } from 'zod';
import { json, SimHttpError, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { graphError } from './graph-errors.js';

/**
 * Serving a Graph collection: `$top` bounds, `$select`, `$skiptoken` paging with an absolute
 * `@odata.nextLink` that keeps every other query option, and the OData envelope.
 */
const skipTokenSchema = z.object({ o: z.number().int().nonnegative() });

export function encodeSkipToken(offset: number): string {
  // Looks opaque to clients (as Graph's are) but is just an offset into a stable ordering.
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeSkipToken(req: SimRequest): number {
  const raw = queryParam(req, '$skiptoken');
  if (raw === undefined) return 0;
  try {
    return skipTokenSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))).o;
  } catch {
    throw new SimHttpError(graphError(400, 'BadRequest', `Invalid $skiptoken value '${raw}'.`, req));
  }
}

/** Reads an OData system query option; Graph accepts them with or without the '$'. */
export function queryParam(req: SimRequest, name: string): string | undefined {
  const bare = name.replace(/^\$/, '');
  return req.url.searchParams.get(`$${bare}`) ?? req.url.searchParams.get(bare) ?? undefined;
}

export function parseTop(req: SimRequest, defaultTop: number, maxTop: number): number {
  const raw = queryParam(req, '$top');
  if (raw === undefined) return defaultTop;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > maxTop) {
    throw new SimHttpError(graphError(400, 'BadRequest', `Invalid page size specified: '${raw}'. Must be between 1 and ${maxTop} inclusive.`, req));
  }
  return top;
}

export function applySelect<T extends object>(req: SimRequest, item: T): Record<string, unknown> {
  const select = queryParam(req, '$select');
  if (!select) return item as Record<string, unknown>;
  const wanted = new Set(select.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0));
  return Object.fromEntries(Object.entries(item).filter(([k]) => wanted.has(k.toLowerCase())));
}

export function collectionPage<T extends object>(
  req: SimRequest,
  options: { items: readonly T[]; context: string; defaultTop: number; maxTop: number; map?: (item: T) => object },
): SimResponse {
  const top = parseTop(req, options.defaultTop, options.maxTop);
  const offset = decodeSkipToken(req);
  const slice = options.items.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': options.context };
  if (offset + top < options.items.length) body['@odata.nextLink'] = nextLink(req, offset + top);
  body['value'] = slice.map((item) => applySelect(req, options.map ? options.map(item) : item));
  return json(200, body, { 'request-id': req.requestId, 'odata-version': '4.0' });
}

function nextLink(req: SimRequest, offset: number): string {
  const url = new URL(req.url.toString());
  url.searchParams.delete('skiptoken');
  url.searchParams.set('$skiptoken', encodeSkipToken(offset));
  return url.toString();
}

export function metadataContext(req: SimRequest, version: string, entitySet: string): string {
  return `${req.mountBase}/${version}/$metadata#${entitySet}`;
}
