import { describe, expect, it } from 'vitest';
import { TimelinePageInput } from '../ipc/contract-timeline.js';
import { decodeCursor, emptyFilter, encodeCursor, TimelineFilter } from './timeline-filter.js';

describe('timeline filter', () => {
  it('normalises values with the entity rules and de-duplicates them', () => {
    const f = TimelineFilter.parse({
      actors: { include: ['A.User@Contoso.COM', 'a.user@contoso.com'], exclude: ['NT AUTHORITY\\SYSTEM'] },
      ips: { include: ['[2001:DB8::1]:443', '203.0.113.9:5050', '10.1.2.3/8', '192.0.2.1/32'] },
      apps: { include: ['{00000002-0000-0FF1-CE00-000000000000}'] },
      tags: { include: ['  Phishing   Kit '] },
      text: { include: ['  invoice '] },
    });
    expect(f.actors).toEqual({ include: ['a.user@contoso.com'], exclude: ['NT AUTHORITY\\SYSTEM'] });
    expect(f.ips.include).toEqual(['2001:db8::1', '203.0.113.9', '10.0.0.0/8', '192.0.2.1']);
    expect(f.apps.include).toEqual(['00000002-0000-0ff1-ce00-000000000000']);
    expect(f.tags.include).toEqual(['phishing kit']);
    expect(f.text.include).toEqual(['invoice']);
    expect(f.sources).toEqual({ include: [], exclude: [] });
  });

  it('parses its own output to itself, so a saved view round-trips through JSON', () => {
    const f = TimelineFilter.parse({ from: 1, to: 2, sources: { exclude: ['ual'] }, ips: { include: ['10.9.8.7/12'] }, bookmarked: true });
    expect(TimelineFilter.parse(JSON.parse(JSON.stringify(f)))).toEqual(f);
    expect(emptyFilter()).toEqual(TimelineFilter.parse({}));
  });

  it('refuses what it cannot normalise, naming the value', () => {
    const bad = [
      { ips: { include: ['not-an-ip'] } },
      { ips: { include: ['10.0.0.0/40'] } },
      { sources: { include: ['email'] } },
      { text: { include: ['@@@ ...'] } },
      { from: 10, to: 5 },
      { actors: { include: [''] } },
      { unknownField: 1 },
      { actors: { include: Array.from({ length: 201 }, (_, i) => `u${i}@x.example`) } },
    ];
    for (const input of bad) expect(TimelineFilter.safeParse(input).success, JSON.stringify(input).slice(0, 60)).toBe(false);
    const r = TimelineFilter.safeParse({ ips: { include: ['300.1.1.1'] } });
    expect(r.success ? '' : r.error.issues[0]?.message).toMatch(/not an IP address or CIDR block: "300\.1\.1\.1"/);
  });
});

describe('timeline cursors', () => {
  it('round-trip positions, including negative times and id 0', () => {
    for (const c of [
      { ts: 1_795_270_441_000, id: 1034, direction: 'after' as const },
      { ts: -86_400_000, id: 0, direction: 'before' as const },
      { ts: 0, id: Number.MAX_SAFE_INTEGER, direction: 'after' as const },
    ]) {
      const text = encodeCursor(c);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text)).toEqual(c);
    }
  });

  it('refuses a changed, truncated or foreign cursor with a validation error', () => {
    const good = encodeCursor({ ts: 1_795_270_441_000, id: 1034, direction: 'after' });
    const flipped = good.slice(0, 5) + (good[5] === 'A' ? 'B' : 'A') + good.slice(6);
    const tampered = [flipped, good.slice(0, -2), `${good}x`, good.replace(/./, '*'), 'YzEuMS4yLng', 'eyJ0cyI6MX0', '', '$$$'];
    for (const text of tampered) {
      const cursor = decodeCursor(text);
      // A flipped character may still decode to a well-formed cursor only if it is a different valid position.
      if (cursor) expect(encodeCursor(cursor)).toBe(text);
      else expect(TimelinePageInput.safeParse({ cursor: text }).success).toBe(false);
    }
    const r = TimelinePageInput.safeParse({ cursor: 'YzEuMS4yLng' });
    expect(r.success ? '' : r.error.issues[0]?.message).toMatch(/not a timeline cursor/);
    expect(TimelinePageInput.safeParse({ cursor: good, at: 5 }).success).toBe(false);
    expect(TimelinePageInput.safeParse({ limit: 1001 }).success).toBe(false);
  });
});
