import { describe, expect, it } from 'vitest';
import type { MailboxTimeZone } from '../../../src-shared/ipc/contract-timeline.js';
import { choiceFromValue, choiceValue, formatInZone, labelledTime, otherZones, resolveZone } from './time-zones.js';

const zones: MailboxTimeZone[] = [
  { mailbox: 'priya@contoso.example', windowsZone: 'Romance Standard Time', iana: 'Europe/Paris', pageId: 4, collectedAt: '2026-11-27T10:00:00.000Z' },
  { mailbox: 'bo@contoso.example', windowsZone: 'Mars Standard Time', iana: null, pageId: null, collectedAt: '2026-11-27T10:00:00.000Z' },
];
const winter = Date.parse('2026-11-27T13:05:09.123Z');
const summer = Date.parse('2026-07-01T13:05:09.123Z');

describe('timeline time zones', () => {
  it('shows UTC by default, labelled as such', () => {
    const { zone, problem } = resolveZone({ kind: 'utc' }, zones);
    expect(zone.label).toBe('UTC');
    expect(problem).toBeNull();
    expect(formatInZone(winter, zone.iana)).toEqual({ text: '2026-11-27 13:05:09.123', offset: '' });
    expect(labelledTime(winter, zone)).toBe('2026-11-27 13:05:09.123 UTC');
  });

  it('labels a mailbox\'s zone with the mailbox and the zone, and shifts times by its offset in force', () => {
    const { zone } = resolveZone({ kind: 'mailbox', mailbox: 'priya@contoso.example' }, zones);
    expect(zone.label).toBe('Europe/Paris (mailbox priya@contoso.example)');
    expect(formatInZone(winter, zone.iana)).toEqual({ text: '2026-11-27 14:05:09.123', offset: '+01:00' });
    expect(formatInZone(summer, zone.iana)).toEqual({ text: '2026-07-01 15:05:09.123', offset: '+02:00' });
    expect(labelledTime(winter, zone)).toBe('2026-11-27 14:05:09.123 Europe/Paris (UTC+01:00)');
  });

  it('names the machine\'s zone for local time', () => {
    const { zone } = resolveZone({ kind: 'local' }, zones, 'America/New_York');
    expect(zone.label).toBe('America/New_York (local)');
    expect(formatInZone(winter, zone.iana).text).toBe('2026-11-27 08:05:09.123');
    expect(otherZones(winter, zone, 'America/New_York')).toBe('UTC: 2026-11-27 13:05:09.123\nLocal (America/New_York): 2026-11-27 08:05:09.123');
  });

  it('falls back to UTC, saying why, for an unknown mailbox or an unmappable Windows zone', () => {
    const unknown = resolveZone({ kind: 'mailbox', mailbox: 'nobody@contoso.example' }, zones);
    expect(unknown.zone.label).toBe('UTC');
    expect(unknown.problem).toMatch(/no time zone for nobody@contoso\.example/);
    const unmapped = resolveZone({ kind: 'mailbox', mailbox: 'bo@contoso.example' }, zones);
    expect(unmapped.zone.iana).toBe('UTC');
    expect(unmapped.problem).toMatch(/"Mars Standard Time", which this build cannot map/);
  });

  it('round-trips the picker value', () => {
    for (const choice of [{ kind: 'utc' }, { kind: 'local' }, { kind: 'mailbox', mailbox: 'priya@contoso.example' }] as const) {
      expect(choiceFromValue(choiceValue(choice))).toEqual(choice);
    }
    expect(choiceFromValue('mailbox:')).toEqual({ kind: 'utc' });
  });
});
