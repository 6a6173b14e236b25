import type { UalAuditData } from '../../data/types.js';
import { parseRecordTime, retentionStartMs, type SimApiContext } from '../sim-context.js';

/**
 * The unified audit log as the three ways of reading it see it (EXO Search-UnifiedAuditLog, the
 * Graph audit log query, the Management Activity API): records in time order with their epoch
 * times, range look-ups by binary search, the JSON text of each AuditData, and the
 * tenant's gates (ingestion switched off → nothing; retention → nothing older).
 */
export interface UalEntry {
  data: UalAuditData;
  ms: number;
  index: number;
}

export interface UalStore {
  /** Records with start ≤ time < end that the tenant still holds. */
  range(startMs: number, endMs: number): UalEntry[];
  json(entry: UalEntry): string;
  /** Client IP of a record without port or brackets, from whichever field the workload uses. */
  clientIp(entry: UalEntry): string | null;
  size: number;
}

export function createUalStore(ctx: SimApiContext): UalStore {
  const entries: UalEntry[] = ctx.dataset.ual.map((data, index) => ({ data, ms: parseRecordTime(data.CreationTime), index }));
  // The dataset promises ascending order; keep the look-ups correct even if a record slipped.
  entries.sort((a, b) => a.ms - b.ms || a.index - b.index);

  const lowerBound = (ms: number): number => {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entries[mid] as UalEntry).ms < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    size: entries.length,
    range(startMs, endMs) {
      if (!ctx.profile.unifiedAuditLogIngestionEnabled) return [];
      const from = Math.max(startMs, retentionStartMs(ctx, 'ual'));
      if (from >= endMs) return [];
      return entries.slice(lowerBound(from), lowerBound(endMs));
    },
    // Not cached: a full export would otherwise keep a second copy of the whole log as text.
    json: (entry) => JSON.stringify(entry.data),
    clientIp(entry) {
      const d = entry.data as Record<string, unknown>;
      const raw = [d['ClientIP'], d['ClientIPAddress'], d['ActorIpAddress']].find((v): v is string => typeof v === 'string' && v.length > 0);
      return raw ? normalizeIp(raw) : null;
    },
  };
}

/** `203.0.113.5:51234` → `203.0.113.5`; `[2001:db8::1]:443` → `2001:db8::1`. */
export function normalizeIp(raw: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  if (bracketed) return (bracketed[1] as string).toLowerCase();
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(raw);
  if (v4) return v4[1] as string;
  return raw.toLowerCase();
}
