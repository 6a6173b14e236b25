import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseODataFilter } from './odata-filter.js';

const signIn = (time: string, types: string[], extra: Record<string, unknown> = {}) => ({
  createdDateTime: time,
  signInEventTypes: types,
  status: { errorCode: 0 },
  userPrincipalName: 'Dana.Lee@contoso.example',
  ...extra,
});

describe('OData $filter subset', () => {
  it('compares unquoted date literals and combines with and/or', () => {
    const { predicate, paths } = parseODataFilter('createdDateTime ge 2025-03-01T00:00:00Z and createdDateTime le 2025-03-01T23:59:59Z');
    expect(paths).toEqual(new Set(['createddatetime']));
    expect(predicate(signIn('2025-03-01T10:00:00Z', []))).toBe(true);
    expect(predicate(signIn('2025-03-02T00:00:00Z', []))).toBe(false);
  });

  it('evaluates signInEventTypes lambdas, nested paths and startswith', () => {
    const { predicate, paths } = parseODataFilter(
      "createdDateTime ge 2025-03-01T00:00:00Z and (signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')) and status/errorCode eq 0 and startswith(userPrincipalName,'dana')",
    );
    expect(paths).toEqual(new Set(['createddatetime', 'signineventtypes', 'status/errorcode', 'userprincipalname']));
    expect(predicate(signIn('2025-03-01T10:00:00Z', ['nonInteractiveUser']))).toBe(true);
    expect(predicate(signIn('2025-03-01T10:00:00Z', ['servicePrincipal']))).toBe(false);
    expect(predicate(signIn('2025-03-01T10:00:00Z', ['interactiveUser'], { status: { errorCode: 50126 } }))).toBe(false);
    const ne = parseODataFilter("signInEventTypes/any(t: t ne 'interactiveUser')").predicate;
    expect(ne(signIn('2025-03-01T10:00:00Z', ['managedIdentity']))).toBe(true);
    expect(ne(signIn('2025-03-01T10:00:00Z', ['interactiveUser']))).toBe(false);
  });

  it('reads targetResources lambdas with member paths and escaped quotes', () => {
    const { predicate } = parseODataFilter("targetResources/any(t: t/displayName eq 'O''Brien app')");
    expect(predicate({ targetResources: [{ displayName: "O'Brien app" }] })).toBe(true);
    expect(predicate({ targetResources: [{ displayName: 'other' }] })).toBe(false);
  });

  it('rejects malformed filters', () => {
    expect(() => parseODataFilter('createdDateTime ge')).toThrow(FilterSyntaxError);
    expect(() => parseODataFilter("createdDateTime gt '2025")).toThrow(FilterSyntaxError);
    expect(() => parseODataFilter('createdDateTime foo 1')).toThrow(FilterSyntaxError);
    expect(() => parseODataFilter('')).toThrow(FilterSyntaxError);
  });
});
