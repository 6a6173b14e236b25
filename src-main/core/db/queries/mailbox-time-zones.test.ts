import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../../src-shared/ipc/result.js';
import { migrate } from '../migrate.js';
import { migrations } from '../migrations/index.js';
import { readMailboxTimeZones, saveMailboxTimeZones } from './mailbox-time-zones.js';

function caseDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 'zones test');
  return db;
}

describe('mailbox time zones', () => {
  it('stores zones by lower-case mailbox, replaces an older answer, and maps each to IANA on reading', () => {
    const db = caseDb();
    saveMailboxTimeZones(db, {
      zones: [
        { mailbox: 'Ana.Ruiz@Contoso.example', windowsZone: 'Romance Standard Time' },
        { mailbox: 'bo@contoso.example', windowsZone: 'Mars Standard Time' },
      ],
      pageId: null,
      collectedAt: '2026-11-27T10:00:00.000Z',
    });
    expect(saveMailboxTimeZones(db, { zones: [{ mailbox: 'ana.ruiz@contoso.example', windowsZone: 'W. Europe Standard Time' }], pageId: null, collectedAt: '2026-11-28T10:00:00.000Z' })).toEqual({ saved: 1 });
    expect(readMailboxTimeZones(db)).toEqual([
      { mailbox: 'ana.ruiz@contoso.example', windowsZone: 'W. Europe Standard Time', iana: 'Europe/Berlin', pageId: null, collectedAt: '2026-11-28T10:00:00.000Z' },
      // An id this build does not know stays unknown: no zone is guessed for it.
      { mailbox: 'bo@contoso.example', windowsZone: 'Mars Standard Time', iana: null, pageId: null, collectedAt: '2026-11-27T10:00:00.000Z' },
    ]);
  });

  it('refuses a page that does not exist and malformed input, storing nothing', () => {
    const db = caseDb();
    const refused = (args: Parameters<typeof saveMailboxTimeZones>[1]) => {
      expect(() => saveMailboxTimeZones(db, args)).toThrow(CoreError);
    };
    refused({ zones: [{ mailbox: 'a@b.example', windowsZone: 'UTC' }], pageId: 42, collectedAt: '2026-11-27T10:00:00.000Z' });
    refused({ zones: [], pageId: null, collectedAt: '2026-11-27T10:00:00.000Z' });
    refused({ zones: [{ mailbox: ' ', windowsZone: 'UTC' }], pageId: null, collectedAt: '2026-11-27T10:00:00.000Z' });
    refused({ zones: [{ mailbox: 'a@b.example', windowsZone: 'UTC' }], pageId: null, collectedAt: 'yesterday' });
    expect(readMailboxTimeZones(db)).toEqual([]);
  });
});
