import { z } from 'zod';
import type { ApiClient } from './api-client.js';
import { ApiError, type ApiPage, type ApiRequest } from './api-types.js';

/**
 * The four ways the services page a result (Microsoft API notes §1.4, §4.2, §5.3, §6.2, §7.2).
 * Each pager yields every page as it arrives, so the caller stores one before asking for the
 * next. A link to follow must stay on the origin of the first request: the bearer token goes
 * with it, and a host named by an answer is not trusted with that.
 */
export type Pager = AsyncGenerator<ApiPage, void, undefined>;

const odataCollection = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() }).loose();
const armCollection = z.object({ value: z.array(z.unknown()), nextLink: z.string().nullish() }).loose();
const mgmtListing = z.array(z.object({ contentUri: z.string(), contentId: z.string() }).loose());
const devopsResult = z.object({
  decoratedAuditLogEntries: z.array(z.unknown()),
  continuationToken: z.string().nullish(),
  hasMore: z.boolean().optional(),
}).loose();
const devopsWrapped = z.object({ value: devopsResult }).loose();

export function shapeOf<T>(schema: z.ZodType<T>, page: ApiPage, what: string): T {
  const parsed = schema.safeParse(page.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('shape', `${page.request.url}: the answer is not ${what} (${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'})`, page.request, page.status);
  }
  return parsed.data;
}

function followable(first: ApiRequest, next: string, seen: Set<string>): string {
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    throw new ApiError('shape', `the next-page link is not a URL`, { method: first.method, url: first.url, body: null });
  }
  if (url.origin !== new URL(first.url).origin) {
    throw new ApiError('shape', `the next-page link leaves ${new URL(first.url).origin} (to ${url.origin}); not followed`, { method: first.method, url: first.url, body: null });
  }
  if (seen.has(next)) throw new ApiError('shape', `the service returned the same next-page link twice; paging would not end`, { method: first.method, url: first.url, body: null });
  seen.add(next);
  return next;
}

/** Graph (GET) and Exchange InvokeCommand (POST of the same body): `@odata.nextLink` until absent. */
export async function* odataPages(client: ApiClient, first: ApiRequest): Pager {
  const seen = new Set<string>();
  let request = first;
  for (;;) {
    const page = await client.request(request);
    const body = shapeOf(odataCollection, page, 'an OData collection');
    yield page;
    const next = body['@odata.nextLink'];
    if (!next) return;
    request = { ...first, url: followable(first, next, seen) };
  }
}

/** ARM: body `nextLink` until absent. */
export async function* armPages(client: ApiClient, first: ApiRequest): Pager {
  const seen = new Set<string>();
  let request = first;
  for (;;) {
    const page = await client.request(request);
    const body = shapeOf(armCollection, page, 'an ARM collection');
    yield page;
    if (!body.nextLink) return;
    request = { ...first, url: followable(first, body.nextLink, seen) };
  }
}

/** Management Activity API content listing: `NextPageUri` response header until absent. */
export async function* nextPageUriPages(client: ApiClient, first: ApiRequest): Pager {
  const seen = new Set<string>();
  let request = first;
  for (;;) {
    const page = await client.request(request);
    shapeOf(mgmtListing, page, 'a content listing');
    yield page;
    const next = page.headers['nextpageuri'];
    if (!next) return;
    request = { ...first, url: followable(first, next, seen) };
  }
}

/** The content entries of a listing page. */
export function listingEntries(page: ApiPage): { contentUri: string; contentId: string }[] {
  return shapeOf(mgmtListing, page, 'a content listing');
}

/** The audit result of a DevOps page, bare or wrapped in `value` as the published examples show. */
export function devopsBody(page: ApiPage): z.infer<typeof devopsResult> {
  const bare = devopsResult.safeParse(page.json);
  if (bare.success) return bare.data;
  return shapeOf(devopsWrapped, page, 'an audit log result').value;
}

/** Azure DevOps: the same query plus `continuationToken` while `hasMore`. */
export async function* continuationPages(client: ApiClient, first: ApiRequest): Pager {
  const seen = new Set<string>();
  let request = first;
  for (;;) {
    const page = await client.request(request);
    const body = devopsBody(page);
    yield page;
    if (!body.hasMore) return;
    const token = body.continuationToken;
    if (!token) throw new ApiError('shape', 'the audit log says it has more but gave no continuation token', page.request, page.status);
    if (seen.has(token)) throw new ApiError('shape', 'the audit log returned the same continuation token twice; paging would not end', page.request, page.status);
    seen.add(token);
    const url = new URL(first.url);
    url.searchParams.set('continuationToken', token);
    request = { ...first, url: url.toString() };
  }
}
