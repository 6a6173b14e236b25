import { describe, expect, it } from 'vitest';
import { emptyFilter, type TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import { addSearchTerm, facetFilterField, filterChips, isEmptyFilter, removeChip, setTimeRange, sideOf, toggleValue, withValue, type FilterEdit } from './filter-edit.js';

const ok = (edit: FilterEdit): TimelineFilter => {
  if (!edit.ok) throw new Error(edit.message);
  return edit.filter;
};

describe('timeline filter edits', () => {
  it('includes a facet value on click and takes it out on a second click', () => {
    const f = ok(toggleValue(emptyFilter(), facetFilterField.ip, '203.0.113.7', 'include'));
    expect(f.ips).toEqual({ include: ['203.0.113.7'], exclude: [] });
    expect(sideOf(f, 'ips', '203.0.113.7')).toBe('include');
    expect(ok(toggleValue(f, 'ips', '203.0.113.7', 'include')).ips).toEqual({ include: [], exclude: [] });
  });

  it('excludes on alt-click, moving a value from one side to the other, never on both', () => {
    const included = ok(toggleValue(emptyFilter(), 'actors', 'a@contoso.example', 'include'));
    const excluded = ok(toggleValue(included, 'actors', 'a@contoso.example', 'exclude'));
    expect(excluded.actors).toEqual({ include: [], exclude: ['a@contoso.example'] });
    expect(sideOf(excluded, 'actors', 'a@contoso.example')).toBe('exclude');
  });

  it('pivots keep a value that is already on the asked side', () => {
    const f = ok(withValue(emptyFilter(), 'countries', 'NG', 'include'));
    expect(ok(withValue(f, 'countries', 'NG', 'include')).countries.include).toEqual(['NG']);
    expect(ok(withValue(f, 'countries', 'NG', 'exclude')).countries).toEqual({ include: [], exclude: ['NG'] });
  });

  it('normalises values through the filter parser and reports what it refuses', () => {
    expect(ok(toggleValue(emptyFilter(), 'actors', 'A.User@Contoso.Example', 'include')).actors.include).toEqual(['a.user@contoso.example']);
    const refused = toggleValue(emptyFilter(), 'ips', 'not-an-ip', 'include');
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('not an IP address') });
  });

  it('turns the search box into include and exclude terms', () => {
    const f = ok(addSearchTerm(ok(addSearchTerm(emptyFilter(), ' invoice ')), '-newsletter'));
    expect(f.text).toEqual({ include: ['invoice'], exclude: ['newsletter'] });
    expect(ok(addSearchTerm(f, '   '))).toBe(f);
  });

  it('lists the active filter as chips that each remove their own condition', () => {
    let f = ok(setTimeRange(emptyFilter(), 1_000, 5_000));
    f = ok(toggleValue(f, 'ips', '10.0.0.0/8', 'include'));
    f = ok(toggleValue(f, 'operations', 'New-InboxRule', 'exclude'));
    f = { ...f, bookmarked: true };
    const chips = filterChips(f, (ms) => `t${ms}`);
    expect(chips.map((c) => c.label)).toEqual(['Time t1000 → t5000', 'Operation is not New-InboxRule', 'IP is 10.0.0.0/8', 'Bookmarked']);
    let rest = f;
    for (const chip of chips) rest = removeChip(rest, chip);
    expect(isEmptyFilter(f)).toBe(false);
    expect(isEmptyFilter(rest)).toBe(true);
  });

  it('refuses a time range that ends before it starts', () => {
    expect(setTimeRange(emptyFilter(), 5_000, 1_000)).toMatchObject({ ok: false });
  });
});
