import type { UalAuditData } from '../../data/types.js';
import { seededRandom, shuffle } from '../faults/seeded-random.js';
import type { SimApiContext } from '../sim-context.js';
import type { UalEntry, UalStore } from '../ual/ual-store.js';

/**
 * How the Management Activity API packages the unified audit log: per content type, records are
 * gathered into blobs covering a fixed slice of event time; a blob becomes listable some minutes
 * after its slice ends (`contentCreated`), expires seven days later, holds its records in no
 * particular order, and a small share of records turn up again in the next blob — duplicates are
 * by design, and a collector must de-duplicate by `Id`.
 */
export const CONTENT_TYPES = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General', 'DLP.All'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export interface ContentBlob {
  contentType: ContentType;
  contentId: string;
  contentCreatedMs: number;
  records: UalAuditData[];
}

export interface ContentBlobs {
  /** Blobs of a type whose contentCreated lies in [startMs, endMs), oldest first. */
  list(contentType: ContentType, startMs: number, endMs: number): ContentBlob[];
  find(contentId: string): ContentBlob | undefined;
}

const DLP_RECORD_TYPES = new Set([11, 13, 33, 63]);

export function contentTypeOf(data: UalAuditData): ContentType {
  if (DLP_RECORD_TYPES.has(data.RecordType)) return 'DLP.All';
  switch (data.Workload) {
    case 'AzureActiveDirectory':
      return 'Audit.AzureActiveDirectory';
    case 'Exchange':
      return 'Audit.Exchange';
    case 'SharePoint':
    case 'OneDrive':
      return 'Audit.SharePoint';
    default:
      return 'Audit.General';
  }
}

export function createContentBlobs(ctx: SimApiContext, store: UalStore, latencyMinutes: number): ContentBlobs {
  let built: { byType: Map<ContentType, ContentBlob[]>; byId: Map<string, ContentBlob> } | null = null;

  const build = (): NonNullable<typeof built> => {
    const sliceMs = ctx.limits.mgmtBlobMinutes * 60_000;
    const grouped = new Map<string, { type: ContentType; sliceStart: number; entries: UalEntry[] }>();
    for (const entry of store.range(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)) {
      const type = contentTypeOf(entry.data);
      const sliceStart = Math.floor(entry.ms / sliceMs) * sliceMs;
      const key = `${type}|${sliceStart}`;
      let group = grouped.get(key);
      if (!group) {
        group = { type, sliceStart, entries: [] };
        grouped.set(key, group);
      }
      group.entries.push(entry);
    }
    const byType = new Map<ContentType, ContentBlob[]>(CONTENT_TYPES.map((t) => [t, []]));
    const byId = new Map<string, ContentBlob>();
    const timing = seededRandom(ctx.seed, 'mgmt-latency');
    const order = seededRandom(ctx.seed, 'mgmt-order');
    const groups = [...grouped.values()].sort((a, b) => a.sliceStart - b.sliceStart || a.type.localeCompare(b.type));
    for (const group of groups) {
      const jitter = latencyMinutes > 0 ? timing.int(Math.ceil(latencyMinutes / 2) * 60_000) : 0;
      const createdMs = group.sliceStart + sliceMs + latencyMinutes * 60_000 + jitter;
      const stamp = new Date(createdMs).toISOString().replace(/\D/g, '').slice(0, 17);
      const contentId = `${stamp}${String(group.sliceStart % 1_000_000).padStart(6, '0')}$${stamp}$${group.type.toLowerCase().replace('.', '_')}$${group.type.replace('.', '_')}$emea0026`;
      const blob: ContentBlob = { contentType: group.type, contentId, contentCreatedMs: createdMs, records: shuffle(group.entries.map((e) => e.data), order) };
      byType.get(group.type)?.push(blob);
      byId.set(contentId, blob);
    }
    addDuplicates(byType, seededRandom(ctx.seed, 'mgmt-duplicates'), ctx.limits.mgmtDuplicateRate);
    return { byType, byId };
  };

  return {
    list(contentType, startMs, endMs) {
      built ??= build();
      return (built.byType.get(contentType) ?? []).filter((b) => b.contentCreatedMs >= startMs && b.contentCreatedMs < endMs);
    },
    find(contentId) {
      built ??= build();
      return built.byId.get(contentId);
    },
  };
}

function addDuplicates(byType: Map<ContentType, ContentBlob[]>, random: ReturnType<typeof seededRandom>, rate: number): void {
  if (rate <= 0) return;
  for (const blobs of byType.values()) {
    // Only a blob's own records are candidates, so a duplicate never cascades over several blobs.
    const originalCounts = blobs.map((b) => b.records.length);
    for (let i = 0; i + 1 < blobs.length; i++) {
      const repeated = (blobs[i] as ContentBlob).records.slice(0, originalCounts[i]).filter(() => random.next() < rate);
      (blobs[i + 1] as ContentBlob).records.push(...repeated);
    }
  }
}
