import { describe, expect, it } from 'vitest';
import { knownWindowsZones, windowsZoneToIana } from './windows-time-zones.js';

const offsetAt = (zone: string, utcMs: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(utcMs).find((p) => p.type === 'timeZoneName')?.value ?? '';

describe('Windows time-zone ids', () => {
  it('maps every id to a zone this runtime knows', () => {
    for (const id of knownWindowsZones) {
      const iana = windowsZoneToIana(id);
      expect(iana, id).not.toBeNull();
      expect(() => new Intl.DateTimeFormat('en-GB', { timeZone: iana! }), id).not.toThrow();
    }
  });

  it('gives the offsets the Windows ids stand for, summer and winter', () => {
    const winter = Date.parse('2026-01-15T12:00:00Z');
    const summer = Date.parse('2026-07-15T12:00:00Z');
    expect(offsetAt(windowsZoneToIana('W. Europe Standard Time')!, winter)).toBe('GMT+01:00');
    expect(offsetAt(windowsZoneToIana('W. Europe Standard Time')!, summer)).toBe('GMT+02:00');
    expect(offsetAt(windowsZoneToIana('GMT Standard Time')!, winter)).toMatch(/^GMT(\+00:00)?$/);
    expect(offsetAt(windowsZoneToIana('GMT Standard Time')!, summer)).toBe('GMT+01:00');
    expect(offsetAt(windowsZoneToIana('Eastern Standard Time')!, winter)).toBe('GMT-05:00');
    expect(offsetAt(windowsZoneToIana('E. South America Standard Time')!, winter)).toBe('GMT-03:00');
    expect(offsetAt(windowsZoneToIana('SE Asia Standard Time')!, summer)).toBe('GMT+07:00');
    expect(offsetAt(windowsZoneToIana('India Standard Time')!, summer)).toBe('GMT+05:30');
    // Etc/GMT+N is N hours *west*: the POSIX sign, which the mapping must not flip.
    expect(offsetAt(windowsZoneToIana('UTC-11')!, summer)).toBe('GMT-11:00');
    expect(offsetAt(windowsZoneToIana('UTC+12')!, summer)).toBe('GMT+12:00');
  });

  it('matches ids whatever their case and surrounding space, and never guesses an unknown one', () => {
    expect(windowsZoneToIana('  romance standard time ')).toBe('Europe/Paris');
    expect(windowsZoneToIana('Mars Standard Time')).toBeNull();
    expect(windowsZoneToIana('Europe/Paris')).toBeNull();
    expect(windowsZoneToIana('')).toBeNull();
  });
});
