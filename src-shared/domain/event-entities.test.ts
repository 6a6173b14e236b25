import { describe, expect, it } from 'vitest';
import { normaliseGuid, normaliseId, normaliseIdentity, normaliseIp, normaliseUpn } from './event-entities.js';

describe('normaliseIp', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['1.2.3.4:5678', '1.2.3.4'],
    [' 203.0.113.45:51234 ', '203.0.113.45'],
    ['010.001.002.003', '10.1.2.3'],
    ['[::1]:443', '::1'],
    ['[2001:DB8::1]', '2001:db8::1'],
    ['[2001:db8::1]:8080', '2001:db8::1'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['[::ffff:c000:0207]:443', '192.0.2.7'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['::', '::'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseIp(input)).toBe(expected);
  });

  it.each(['', '   ', 'unknown', '1.2.3', '1.2.3.256', '1.2.3.4:port', '[::1', '[::1]x', '1::2::3', '1:2:3:4:5:6:7:8:9', 'gggg::1', '1.2.3.4.5'])(
    'rejects %j',
    (input) => {
      expect(normaliseIp(input)).toBeNull();
    },
  );

  it('is idempotent: a normalised address normalises to itself', () => {
    for (const ip of ['1.2.3.4', '2001:db8::1', '::1', 'fe80::1:0:0:1']) expect(normaliseIp(ip)).toBe(ip);
  });
});

describe('identifiers and names', () => {
  it('lower-cases GUIDs, with or without braces, and refuses non-GUIDs', () => {
    expect(normaliseGuid('{D919BA05-46A6-415F-80AD-7E09334BB852}')).toBe('d919ba05-46a6-415f-80ad-7e09334bb852');
    expect(normaliseGuid('8A4DE8B5-095C-47D0-A96F-A75130C61D53')).toBe('8a4de8b5-095c-47d0-a96f-a75130c61d53');
    expect(normaliseGuid('8a4de8b5-095c-47d0-a96f-a75130c61d5')).toBeNull();
  });

  it('keeps opaque ids as they are (their case may matter) and treats empty as none', () => {
    expect(normaliseId('Directory_53161141-E3F4_6X649')).toBe('Directory_53161141-E3F4_6X649');
    expect(normaliseId(' 1C7412A6-858D-49FF-3F93-08D7AC0F45BF ')).toBe('1c7412a6-858d-49ff-3f93-08d7ac0f45bf');
    expect(normaliseId('  ')).toBeNull();
  });

  it('lower-cases UPNs (guest #EXT# names too) but keeps display names', () => {
    expect(normaliseUpn(' Mail.User@Contoso.Example ')).toBe('mail.user@contoso.example');
    expect(normaliseIdentity('John_Fabrikam.com#EXT#@Contoso.onmicrosoft.com')).toBe('john_fabrikam.com#ext#@contoso.onmicrosoft.com');
    expect(normaliseIdentity('NT AUTHORITY\\SYSTEM (Microsoft.Exchange.ServiceHost)')).toBe('NT AUTHORITY\\SYSTEM (Microsoft.Exchange.ServiceHost)');
    expect(normaliseIdentity('Managed Service Identity')).toBe('Managed Service Identity');
    expect(normaliseIdentity('C3813493-BF92-5123-2717-8A8B2979C38B')).toBe('c3813493-bf92-5123-2717-8a8b2979c38b');
    expect(normaliseIdentity('')).toBeNull();
  });
});
