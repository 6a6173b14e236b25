import { describe, expect, it } from 'vitest';
import { actionMatches, allows, READ_ACTIVITY_ACTION } from './arm-probe.js';

describe('ARM permission matching', () => {
  it('matches wildcards case-insensitively', () => {
    expect(actionMatches('*', READ_ACTIVITY_ACTION)).toBe(true);
    expect(actionMatches('*/read', READ_ACTIVITY_ACTION)).toBe(true);
    expect(actionMatches('microsoft.insights/*', READ_ACTIVITY_ACTION)).toBe(true);
    expect(actionMatches('Microsoft.Insights/eventtypes/*/read', READ_ACTIVITY_ACTION)).toBe(true);
    expect(actionMatches('Microsoft.Resources/subscriptions/read', READ_ACTIVITY_ACTION)).toBe(false);
    expect(actionMatches('Microsoft.Insights/eventtypes', READ_ACTIVITY_ACTION)).toBe(false);
  });

  it('allows an action only when one entry grants it and that same entry does not exclude it', () => {
    expect(allows([{ actions: ['*'], notActions: ['Microsoft.Insights/*'] }], READ_ACTIVITY_ACTION)).toBe(false);
    expect(allows([{ actions: ['*'], notActions: ['Microsoft.Insights/*'] }, { actions: ['*/read'], notActions: [] }], READ_ACTIVITY_ACTION)).toBe(true);
    expect(allows([], READ_ACTIVITY_ACTION)).toBe(false);
  });
});
