import { describe, expect, it } from 'vitest';
import { windowsZoneToIana } from '../../../src-shared/domain/windows-time-zones.js';
import { homePlaces, intruderPlaces } from './catalog.js';

describe('the simulated tenant\'s time zones', () => {
  it('are all Windows ids the timeline can map to a zone', () => {
    const ids = new Set([...homePlaces, ...Object.values(intruderPlaces)].map((p) => p.timeZone));
    expect(ids.size).toBeGreaterThan(3);
    for (const id of ids) expect(windowsZoneToIana(id), id).not.toBeNull();
  });
});
