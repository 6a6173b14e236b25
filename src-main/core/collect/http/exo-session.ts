import { z } from 'zod';
import type { ApiClient } from './api-client.js';
import { ApiError, type ApiPage } from './api-types.js';
import { odataPages, shapeOf } from './paging.js';

/**
 * Search-UnifiedAuditLog through Exchange Online's InvokeCommand transport, paged the way the
 * cmdlet pages a large result (Microsoft API notes §4): the same SessionId with
 * `SessionCommand ReturnLargeSet` is run again and again, each run returning the next
 * `ResultSize` rows, until the session has handed out every row (or its cap). Inside one run,
 * Exchange may split the rows further with `@odata.nextLink` (the same body is posted to it).
 *
 * Every row carries `ResultIndex` (its 1-based position in the session) and `ResultCount` (the
 * search's total hits). Exchange is known to misbehave mid-session — an empty page before the
 * count is reached, or indexes that skip ahead — and rows it skipped cannot be asked for again
 * in that session. Those are detected here and reported as a `SessionGlitch`; the caller starts
 * the window over with a new session.
 */
export interface UalSearchFilter {
  recordType?: string;
  operations?: string[];
  userIds?: string[];
  ipAddresses?: string[];
  objectIds?: string[];
  freeText?: string;
}

export interface SearchSessionRequest {
  /** Exchange admin API origin, e.g. `https://outlook.office365.com`. */
  exoBase: string;
  tenant: string;
  /** Signed-in admin's UPN for `X-AnchorMailbox` (routing), when known. */
  anchorUpn: string | null;
  startMs: number;
  endMs: number;
  filter: UalSearchFilter;
  sessionId: string;
  /** Rows per cmdlet run (the cmdlet allows at most 5000). */
  resultSize: number;
  /** `Prefer: odata.maxpagesize` — rows per HTTP page within a run. */
  odataPageSize: number;
  /** Most rows one session hands out (50,000 at Microsoft). */
  sessionCap: number;
  signal?: AbortSignal;
}

export interface SearchRow {
  ResultIndex: number;
  ResultCount: number;
  Identity: string;
}

export interface SessionPage {
  page: ApiPage;
  rows: SearchRow[];
  /** The search's total hits as Exchange reports it (0 for an empty search). */
  reportedCount: number;
  /** Rows received in this session so far, this page included. */
  fetched: number;
}

export class SessionGlitch extends Error {
  override readonly name = 'SessionGlitch';
}

const searchRow = z.object({ ResultIndex: z.number().int(), ResultCount: z.number().int().nonnegative(), Identity: z.string().min(1) }).loose();
const searchPage = z.object({ value: z.array(searchRow), '@adminapi.warnings': z.array(z.string()).optional() }).loose();

/** Warnings Exchange puts in a 200 body when the search did not really run (notes §4.1: retry). */
const TRANSIENT_WARNING = /cancel+ed|failed to process|try again|timed out/i;

/** Whole seconds, UTC, as the cmdlet reads dates. */
export function cmdletDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function searchBody(req: Pick<SearchSessionRequest, 'startMs' | 'endMs' | 'filter' | 'sessionId' | 'resultSize'>): string {
  const f = req.filter;
  const parameters: Record<string, unknown> = {
    StartDate: cmdletDate(req.startMs),
    EndDate: cmdletDate(req.endMs),
    ...(f.recordType ? { RecordType: f.recordType } : {}),
    ...(f.operations?.length ? { Operations: f.operations } : {}),
    ...(f.userIds?.length ? { UserIds: f.userIds } : {}),
    ...(f.ipAddresses?.length ? { IPAddresses: f.ipAddresses } : {}),
    ...(f.objectIds?.length ? { ObjectIds: f.objectIds } : {}),
    ...(f.freeText ? { FreeText: f.freeText } : {}),
    SessionId: req.sessionId,
    SessionCommand: 'ReturnLargeSet',
    ResultSize: req.resultSize,
  };
  return JSON.stringify({ CmdletInput: { CmdletName: 'Search-UnifiedAuditLog', Parameters: parameters } });
}

/** Pages of one session, in order; ends when the session is exhausted or capped. */
export async function* searchSessionPages(client: ApiClient, req: SearchSessionRequest): AsyncGenerator<SessionPage, void, undefined> {
  const url = `${req.exoBase.replace(/\/$/, '')}/adminapi/beta/${encodeURIComponent(req.tenant)}/InvokeCommand`;
  const headers: Record<string, string> = {
    prefer: `odata.maxpagesize=${req.odataPageSize}`,
    'x-responseformat': 'json',
    'x-cmdletname': 'Search-UnifiedAuditLog',
    ...(req.anchorUpn ? { 'x-anchormailbox': `UPN:${req.anchorUpn}` } : {}),
  };
  const body = searchBody(req);
  let fetched = 0;
  let reported: number | null = null;

  for (;;) {
    let runRows = 0;
    let runPages = 0;
    const run = odataPages(client, { service: 'exo', method: 'POST', url, headers, body, ...(req.signal ? { signal: req.signal } : {}) });
    for await (const page of linkExpiryAsGlitch(run, () => runPages)) {
      runPages += 1;
      const parsed = shapeOf(searchPage, page, 'a Search-UnifiedAuditLog result');
      const warning = parsed['@adminapi.warnings']?.find((w) => TRANSIENT_WARNING.test(w));
      const rows: SearchRow[] = parsed.value.map((r) => ({ ResultIndex: r.ResultIndex, ResultCount: r.ResultCount, Identity: r.Identity }));
      for (const row of rows) {
        if (reported === null) reported = row.ResultCount;
        if (row.ResultCount !== reported) throw new SessionGlitch(`ResultCount changed mid-session (${reported} → ${row.ResultCount})`);
        if (row.ResultIndex !== fetched + 1) throw new SessionGlitch(`ResultIndex jumped from ${fetched} to ${row.ResultIndex}`);
        fetched += 1;
      }
      runRows += rows.length;
      yield { page, rows, reportedCount: reported ?? 0, fetched };
      if (warning) throw new SessionGlitch(`Exchange warned: ${warning}`);
    }
    if (runRows === 0) {
      if (reported !== null && fetched < Math.min(reported, req.sessionCap)) {
        throw new SessionGlitch(`an empty page after ${fetched} of ${reported} rows`);
      }
      return;
    }
    if (reported !== null && (fetched >= reported || fetched >= req.sessionCap)) return;
  }
}

/**
 * A run's later pages are served from a result Exchange keeps for a short while; once it has let
 * go of it (an answer that was cut short and asked for again, a long throttling pause), the link
 * is refused with a 400. The rows are not lost for good — the window is searched again — so that
 * refusal is a glitch of the session, not a refusal of the search.
 */
async function* linkExpiryAsGlitch(pages: AsyncGenerator<ApiPage, void, undefined>, pagesSoFar: () => number): AsyncGenerator<ApiPage, void, undefined> {
  try {
    yield* pages;
  } catch (e) {
    if (e instanceof ApiError && e.kind === 'http' && e.status === 400 && pagesSoFar() > 0) {
      throw new SessionGlitch(`a result page link was refused (${e.message})`);
    }
    throw e;
  }
}
