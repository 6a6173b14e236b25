import { describe, expect, it } from 'vitest';
import {
  APP_CREDENTIALS_OPERATION, azureAdOperations, deviceOperations, exchangeOperations, lightSetOperations, mailboxAuditSearches,
  oneDriveSharePointTeamsYammerOperations, securityAlertOperations, UalPresetChoice, ualPresetFromText, ualPresetMailboxes, ualPresetSearches,
} from './collection-presets.js';
import { ualLightSets } from './collection.js';
import { defenderRecordTypes, recordTypeNumber } from './ual-record-types.js';

describe('UAL light operation sets', () => {
  it('has the exact group sizes, every name once', () => {
    expect(oneDriveSharePointTeamsYammerOperations).toHaveLength(22);
    expect(azureAdOperations).toHaveLength(37);
    expect(exchangeOperations).toHaveLength(16);
    expect(securityAlertOperations).toHaveLength(2);
    expect(deviceOperations).toHaveLength(8);
    const all = [...oneDriveSharePointTeamsYammerOperations, ...azureAdOperations, ...exchangeOperations, ...securityAlertOperations, ...deviceOperations];
    expect(new Set(all).size).toBe(all.length);
    // 36 distinct once spacing is ignored: the 37th entry is the trailing-space spelling.
    expect(new Set(azureAdOperations.map((o) => o.trim())).size).toBe(36);
  });

  it('spells the credential operation with an en dash, with and without the trailing space', () => {
    expect(APP_CREDENTIALS_OPERATION).toBe('Update application \u2013 Certificates and secrets management');
    expect(APP_CREDENTIALS_OPERATION).not.toContain('-');
    expect(azureAdOperations).toContain(APP_CREDENTIALS_OPERATION);
    expect(azureAdOperations).toContain(`${APP_CREDENTIALS_OPERATION} `);
    expect(azureAdOperations.filter((o) => o !== o.trim())).toEqual([`${APP_CREDENTIALS_OPERATION} `]);
  });

  it('composes each set from its groups', () => {
    expect(lightSetOperations('all')).toHaveLength(22 + 37 + 16 + 2 + 8);
    expect(lightSetOperations('allButAzureAD')).toHaveLength(22 + 16 + 2);
    expect(lightSetOperations('allButAzureAD')).not.toContain('Add device');
    expect(lightSetOperations('ExchangeOnly')).toEqual([...exchangeOperations]);
    expect(lightSetOperations('OneDrive_Sharepoint_Teams_YammerOnly')).toEqual([...oneDriveSharePointTeamsYammerOperations]);
    expect(lightSetOperations('AzureADOnly')).toEqual([...azureAdOperations, ...deviceOperations]);
    expect(lightSetOperations('SecurityAlertsOnly')).toEqual(['AlertEntityGenerated', 'AlertTriggered']);
    expect(lightSetOperations('Devices')).toEqual([...deviceOperations]);
  });

  it('adds the opt-ins once each', () => {
    expect(lightSetOperations('Devices', ['deviceUpdate'])).toEqual([...deviceOperations, 'Update device']);
    expect(lightSetOperations('ExchangeOnly', ['mailboxLogin', 'userLogin'])).toEqual([...exchangeOperations, 'MailboxLogin', 'UserLoggedIn', 'UserLoginFailed']);
    expect(lightSetOperations('SecurityAlertsOnly', ['userLogin', 'userLogin'])).toHaveLength(4);
  });
});

describe('preset choices', () => {
  it('turns a light set into one operation-filtered search labelled by set and opt-ins', () => {
    const choice = UalPresetChoice.parse({ kind: 'light', set: 'ExchangeOnly', optIns: ['userLogin', 'mailboxLogin'] });
    expect(ualPresetSearches(choice)).toEqual([
      { label: 'light.ExchangeOnly.mailboxLogin.userLogin', filter: { operations: [...exchangeOperations, 'UserLoggedIn', 'UserLoginFailed', 'MailboxLogin'] } },
    ]);
    expect(ualPresetSearches(UalPresetChoice.parse({ kind: 'light' }))[0]?.label).toBe('light.all');
  });

  it('runs Full unfiltered and Defender once per record type', () => {
    expect(ualPresetSearches({ kind: 'full' })).toEqual([{ label: 'full', filter: {} }]);
    const defender = ualPresetSearches({ kind: 'defender' });
    expect(defender).toHaveLength(11);
    expect(defender.map((s) => s.filter.recordType)).toEqual([...defenderRecordTypes]);
    expect(new Set(defender.map((s) => s.label)).size).toBe(11);
    for (const s of defender) expect(recordTypeNumber(s.filter.recordType ?? '')).toBeTypeOf('number');
  });

  it('searches users, IPs and text together, and reads each user mailbox audit by record type', () => {
    const choice = UalPresetChoice.parse({ kind: 'search', userIds: ['Finance.Lead@tailspin.example'], ipAddresses: ['203.0.113.7'], freeText: 'invoice' });
    const searches = ualPresetSearches(choice);
    expect(searches[0]).toEqual({ label: 'search', filter: { userIds: ['Finance.Lead@tailspin.example'], ipAddresses: ['203.0.113.7'], freeText: 'invoice' } });
    expect(searches.slice(1)).toEqual(mailboxAuditSearches(['finance.lead@tailspin.example']));
    expect(searches.slice(1).map((s) => s.filter)).toEqual([
      { recordType: 'ExchangeItem', freeText: 'finance.lead@tailspin.example' },
      { recordType: 'ExchangeItemGroup', freeText: 'finance.lead@tailspin.example' },
      { recordType: 'ExchangeItemAggregated', freeText: 'finance.lead@tailspin.example' },
    ]);
    expect(ualPresetMailboxes(choice)).toEqual(['finance.lead@tailspin.example']);
    expect(searches.map((s) => s.label)).toEqual(['search', 'mailbox.ExchangeItem.finance.lead_tailspin.example', 'mailbox.ExchangeItemGroup.finance.lead_tailspin.example', 'mailbox.ExchangeItemAggregated.finance.lead_tailspin.example']);
    // Labels stay plain names, and distinct when two addresses spell alike.
    const alike = mailboxAuditSearches(['a@b.example', 'a_b.example', 'A@B.example']).map((s) => s.label);
    expect(alike.filter((l) => l.startsWith('mailbox.ExchangeItem.'))).toEqual(['mailbox.ExchangeItem.a_b.example', 'mailbox.ExchangeItem.a_b.example-2']);
    expect(alike.every((l) => /^[\w.-]+$/.test(l))).toBe(true);
    const byIp = ualPresetSearches(UalPresetChoice.parse({ kind: 'search', ipAddresses: ['198.51.100.1'] }));
    expect(byIp).toEqual([{ label: 'search', filter: { ipAddresses: ['198.51.100.1'] } }]);
  });

  it('refuses an empty search and unknown names', () => {
    expect(UalPresetChoice.safeParse({ kind: 'search' }).success).toBe(false);
    expect(UalPresetChoice.safeParse({ kind: 'light', set: 'EverythingOnly' }).success).toBe(false);
    expect(UalPresetChoice.safeParse({ kind: 'light', optIns: ['teams'] }).success).toBe(false);
  });

  it('reads the command-line spelling of every preset', () => {
    for (const set of ualLightSets) expect(ualPresetFromText(`light:${set}`)).toEqual({ kind: 'light', set, optIns: [] });
    expect(ualPresetFromText('full')).toEqual({ kind: 'full' });
    expect(ualPresetFromText('defender')).toEqual({ kind: 'defender' });
    expect(ualPresetFromText('light:Devices', ['deviceUpdate'])).toEqual({ kind: 'light', set: 'Devices', optIns: ['deviceUpdate'] });
    expect(() => ualPresetFromText('light:Nope')).toThrow(/unknown Unified Audit Log preset/);
  });
});
