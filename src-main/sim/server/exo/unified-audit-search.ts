import { z } from 'zod';
import { recordTypeName } from '../../../../src-shared/domain/ual-record-types.js';
import { seededRandom, shuffle } from '../faults/seeded-random.js';
import type { SimApiContext } from '../sim-context.js';
import type { UalEntry, UalStore } from '../ual/ual-store.js';
import { normalizeIp } from '../ual/ual-store.js';

/**
 * Search-UnifiedAuditLog as Exchange Online runs it:
 * - ResultSize default 100, at most 5000 per call;
 * - `SessionCommand ReturnLargeSet`: the same SessionId pages on through an unsorted result,
 *   at most `ualSessionCap` records per session, while every row's ResultCount reports the true
 *   number of hits (so a caller can tell it must split the window);
 * - `ReturnNextPreviewPage` (or a SessionId without a command): sorted newest first, capped lower;
 * - no SessionId: one call, newest first;
 * - AuditData is a JSON string, RecordType a name;
 * - with the exo-glitch fault, an occasional empty page or a jump in ResultIndex mid-session.
 */
export class CmdletError extends Error {}

// A comma-separated string is split and trimmed as PowerShell binds it; array items are taken as
// given, because some operation names really end in a space and must match only that spelling.
const stringList = z.union([z.string(), z.array(z.string())]).transform((v) =>
  (Array.isArray(v) ? v : v.split(',').map((s) => s.trim())).filter((s) => s.trim().length > 0),
);
const dateParam = z.union([z.string(), z.number()]).transform((v, c) => {
  const ms = typeof v === 'number' ? v : parseCmdletDate(v.trim());
  if (Number.isNaN(ms)) {
    c.addIssue({ code: 'custom', message: `Cannot convert value "${String(v)}" to type "System.DateTime".` });
    return z.NEVER;
  }
  return ms;
});

/** Dates as the cmdlet accepts them; without a zone they are UTC (the service runs in UTC). */
export function parseCmdletDate(text: string): number {
  if (/([zZ]|[+-]\d\d:?\d\d)$/.test(text) && /\d{4}-\d{2}-\d{2}T/.test(text)) return Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`);
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return Date.parse(`${text.replace(' ', 'T')}Z`);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (us) return Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]), Number(us[4] ?? 0), Number(us[5] ?? 0), Number(us[6] ?? 0));
  return Number.NaN;
}

export const searchParamsSchema = z.object({
  StartDate: dateParam,
  EndDate: dateParam,
  RecordType: z.union([z.string(), z.number()]).optional(),
  Operations: stringList.optional(),
  UserIds: stringList.optional(),
  IPAddresses: stringList.optional(),
  ObjectIds: stringList.optional(),
  FreeText: z.string().optional(),
  ResultSize: z.union([z.number(), z.string()]).optional(),
  SessionId: z.string().min(1).optional(),
  SessionCommand: z.enum(['ReturnLargeSet', 'ReturnNextPreviewPage']).optional(),
  Formatted: z.boolean().optional(),
  HighCompleteness: z.boolean().optional(),
  SiteIds: stringList.optional(),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

interface Session {
  fingerprint: string;
  command: 'ReturnLargeSet' | 'ReturnNextPreviewPage';
  order: UalEntry[];
  trueCount: number;
  cursor: number;
  /** Lowered to 10,000 when a session mixes both commands. */
  limit: number;
}

export interface UnifiedAuditSearch {
  run(params: Record<string, unknown>, glitch: boolean): Record<string, unknown>[];
}

export function createUnifiedAuditSearch(ctx: SimApiContext, store: UalStore): UnifiedAuditSearch {
  const sessions = new Map<string, Session>();
  const glitchRandom = ctx.faults.random('exo');

  const matches = (params: SearchParams): UalEntry[] => {
    if (params.EndDate <= params.StartDate) return [];
    const recordType = params.RecordType === undefined ? null : String(params.RecordType).toLowerCase();
    const ops = params.Operations ? new Set(params.Operations.map((o) => o.toLowerCase())) : null;
    const users = params.UserIds ? new Set(params.UserIds.map((u) => u.toLowerCase())) : null;
    const ips = params.IPAddresses ? new Set(params.IPAddresses.map((ip) => normalizeIp(ip))) : null;
    const objects = params.ObjectIds ? new Set(params.ObjectIds.map((o) => o.toLowerCase())) : null;
    const freeText = params.FreeText?.toLowerCase() ?? null;
    return store.range(params.StartDate, params.EndDate).filter((e) => {
      const d = e.data;
      if (recordType !== null && String(d.RecordType) !== recordType && recordTypeName(d.RecordType)?.toLowerCase() !== recordType) return false;
      if (ops && !ops.has(d.Operation.toLowerCase())) return false;
      if (users && !users.has(d.UserId.toLowerCase())) return false;
      if (ips && !ips.has(store.clientIp(e) ?? '')) return false;
      if (objects && !objects.has(String(d.ObjectId ?? '').toLowerCase())) return false;
      if (freeText !== null && !store.json(e).toLowerCase().includes(freeText)) return false;
      return true;
    });
  };

  const present = (entry: UalEntry, index: number, count: number): Record<string, unknown> => ({
    RunspaceId: '00000000-0000-0000-0000-000000000000',
    // A type the name table does not know yet is shown as its number, as PowerShell shows an undefined enum value.
    RecordType: recordTypeName(entry.data.RecordType) ?? String(entry.data.RecordType),
    CreationDate: `${entry.data.CreationTime.replace(/Z$/, '')}Z`,
    UserIds: entry.data.UserId,
    Operations: entry.data.Operation,
    AuditData: store.json(entry),
    ResultIndex: index,
    ResultCount: count,
    Identity: entry.data.Id,
    IsValid: true,
    ObjectState: 'Unchanged',
  });

  return {
    run(raw, glitch) {
      const missing = ['StartDate', 'EndDate'].filter((k) => raw[k] === undefined || raw[k] === null || raw[k] === '');
      if (missing.length > 0) throw new CmdletError(`Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`);
      const parsed = searchParamsSchema.safeParse(raw);
      if (!parsed.success) throw new CmdletError(describeIssue(parsed.error));
      const params = parsed.data;
      const resultSize = resolveResultSize(params.ResultSize, ctx.limits.ualDefaultResultSize, ctx.limits.ualPageMax);
      const newestFirst = (entries: UalEntry[]): UalEntry[] => [...entries].sort((a, b) => b.ms - a.ms || b.index - a.index);

      if (!params.SessionId) {
        const all = matches(params);
        return newestFirst(all).slice(0, resultSize).map((e, i) => present(e, i + 1, all.length));
      }

      const command = params.SessionCommand ?? 'ReturnNextPreviewPage';
      const fingerprint = JSON.stringify({ ...params, ResultSize: undefined, SessionCommand: undefined, SessionId: undefined });
      let session = sessions.get(params.SessionId);
      if (!session || session.fingerprint !== fingerprint) {
        const all = matches(params);
        const order =
          command === 'ReturnLargeSet'
            ? shuffle([...all], seededRandom(ctx.seed, `ual-session:${params.SessionId}`)).slice(0, ctx.limits.ualSessionCap)
            : newestFirst(all).slice(0, ctx.limits.ualPreviewCap);
        session = { fingerprint, command, order, trueCount: all.length, cursor: 0, limit: order.length };
        sessions.set(params.SessionId, session);
        if (sessions.size > 200) sessions.delete(sessions.keys().next().value as string);
      } else if (session.command !== command) {
        session.limit = Math.min(session.limit, 10_000);
      }

      const remaining = session.limit - session.cursor;
      if (glitch && session.cursor > 0 && remaining > 0) {
        // EXO's known misbehaviour: a page comes back empty, or the index skips records.
        if (glitchRandom.next() < 0.5) return [];
        session.cursor = Math.min(session.limit, session.cursor + 1 + glitchRandom.int(Math.max(1, Math.floor(resultSize / 2))));
      }
      const start = session.cursor;
      const page = session.order.slice(start, Math.min(session.limit, start + resultSize));
      session.cursor = start + page.length;
      return page.map((e, i) => present(e, start + i + 1, session.trueCount));
    },
  };
}

function resolveResultSize(raw: number | string | undefined, defaultSize: number, max: number): number {
  if (raw === undefined) return defaultSize;
  if (typeof raw === 'string' && raw.toLowerCase() === 'unlimited') return max;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new CmdletError(`Cannot validate argument on parameter 'ResultSize'. The ${raw} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`);
  }
  return n;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `Cannot bind parameter '${issue?.path.join('.') ?? ''}'. ${issue?.message ?? 'Invalid value.'}`;
}
