import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { windowsZoneToIana } from '../../../../src-shared/domain/windows-time-zones.js';
import type { MailboxTimeZone } from '../../../../src-shared/ipc/contract-timeline.js';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import type { ReadDb } from './timeline-statements.js';

/**
 * Mailboxes' own time zones (Get-MailboxRegionalConfiguration), kept so the timeline can show a
 * mailbox's local time beside UTC. Stored as Exchange reports them (a Windows id); the IANA zone
 * is derived on reading, so a better mapping in a later build applies to old cases too.
 */

export const SaveMailboxTimeZonesArgs = z.object({
  zones: z
    .array(
      z.object({
        /** UPN or SMTP address; stored lower-case (the table's key), as mailbox names compare. */
        mailbox: z.string().trim().min(1).max(320).transform((m) => m.toLowerCase()),
        windowsZone: z.string().trim().min(1).max(200),
      }),
    )
    .min(1)
    .max(100_000),
  /** The raw page the zones were read from; null when no stored page carries them. */
  pageId: z.number().int().positive().nullable(),
  collectedAt: z.iso.datetime(),
});
export type SaveMailboxTimeZonesArgs = z.input<typeof SaveMailboxTimeZonesArgs>;

/**
 * Writer op: stores or replaces mailboxes' zones in one transaction. A later collection replaces
 * an earlier answer for the same mailbox: the zone in force now is the one worth showing, and
 * the page of each answer stays in raw_pages either way.
 */
export function saveMailboxTimeZones(db: Database, input: SaveMailboxTimeZonesArgs): { saved: number } {
  const parsed = SaveMailboxTimeZonesArgs.safeParse(input);
  if (!parsed.success) {
    throw new CoreError('validation', `mailbox time zones refused: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`);
  }
  const a = parsed.data;
  return db.transaction(() => {
    if (a.pageId !== null && db.prepare('SELECT 1 FROM raw_pages WHERE id = ?').get(a.pageId) === undefined) {
      throw new CoreError('validation', `mailbox time zones refused: no raw page ${a.pageId} in this case`);
    }
    const upsert = db.prepare(
      `INSERT INTO mailbox_time_zones (mailbox, windows_zone, page_id, collected_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (mailbox) DO UPDATE SET windows_zone = excluded.windows_zone, page_id = excluded.page_id, collected_at = excluded.collected_at`,
    );
    for (const z of a.zones) upsert.run(z.mailbox, z.windowsZone, a.pageId, a.collectedAt);
    return { saved: a.zones.length };
  })();
}

interface ZoneRow {
  mailbox: string;
  windows_zone: string;
  page_id: number | null;
  collected_at: string;
}

/** Every mailbox with a known zone, by mailbox name; `iana` is null for a Windows id this build cannot map. */
export function readMailboxTimeZones(db: ReadDb): MailboxTimeZone[] {
  const rows = db.prepare('SELECT mailbox, windows_zone, page_id, collected_at FROM mailbox_time_zones ORDER BY mailbox').all() as ZoneRow[];
  return rows.map((r) => ({
    mailbox: r.mailbox,
    windowsZone: r.windows_zone,
    iana: windowsZoneToIana(r.windows_zone),
    pageId: r.page_id,
    collectedAt: r.collected_at,
  }));
}
