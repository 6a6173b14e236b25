import { describe, expect, it } from 'vitest';
import { NormalisedEvent, type PageFormat } from '../../../src-shared/domain/event.js';
import { generateDataset } from '../../sim/data/generate.js';
import { CHECKED_FIELDS, isPlainlyValidEvent, schemaShaped } from './event-check.js';
import { normalisePage } from './normalise-page.js';
import { fixture } from './test-support.js';

/** The quick test must never accept what the schema refuses, and must accept what real normalisers produce. */
describe('quick event check', () => {
  const data = generateDataset({ seed: 5, profile: 'e5', days: 2, scale: 0.05, anchor: new Date('2026-11-27T13:30:00.000Z') });
  const pages: [PageFormat, string][] = [
    ['ual.management_api', JSON.stringify(data.ual)],
    ['signin.graph', JSON.stringify({ value: data.signIns })],
    ['directory_audit.graph', JSON.stringify({ value: data.directoryAudits })],
    ['azure_activity.arm', JSON.stringify({ value: data.azure.activity })],
    ['devops_audit.rest', JSON.stringify({ decoratedAuditLogEntries: data.devops.audit, hasMore: false })],
    ['azure_monitor', fixture('azure-monitor-signins.ndjson')],
    ['azure_monitor', fixture('azure-monitor-auditlogs.ndjson')],
    ['azure_monitor', fixture('azure-monitor-activity.ndjson')],
  ];
  const events = pages.flatMap(([format, text]) => {
    const outcome = normalisePage(format, text);
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.page.events.map((e) => e.event);
  });

  it('checks exactly the schema\'s fields, in its order', () => {
    expect(CHECKED_FIELDS).toEqual(Object.keys(NormalisedEvent.shape));
  });

  it('accepts every event the normalisers make, shaped as the schema outputs it', () => {
    expect(events.length).toBeGreaterThan(500);
    for (const e of events) {
      expect(isPlainlyValidEvent(e)).toBe(true);
      const shaped = schemaShaped(e);
      const parsed = NormalisedEvent.parse(e);
      expect(shaped).toEqual(parsed);
      expect(Object.keys(shaped)).toEqual(Object.keys(parsed));
    }
  });

  const hostileParams = () => {
    const withSymbol: Record<string | symbol, string> = { a: 'b' };
    withSymbol[Symbol('s')] = 'x';
    class Params {
      a = 'b';
    }
    return [
      JSON.parse('{"__proto__":"x","a":"b"}') as unknown,
      withSymbol,
      new Params(),
      Object.create(null) as unknown,
      { '': 'x' },
      { a: 1 },
      { a: null },
      ['a'],
      new Map([['a', 'b']]),
    ];
  };
  const oddValues: unknown[] = [
    undefined, null, '', ' ', 'x', ' padded ', 'UPPER@CONTOSO.EXAMPLE', '{D747DA7E-0000-4000-8000-000000000001}', 'D747DA7E-0000-4000-8000-000000000001',
    '203.0.113.45:51234', '2001:DB8::1', '203.0.113.45', 'user@contoso.example', 'ual', 'bogus', 'success', 'user', 0, -0, -1, 1.5, 2 ** 53,
    Number.NaN, Number.POSITIVE_INFINITY, 1_767_225_600_000, true, {}, [], new String('x'), ...hostileParams(),
  ];

  it('never accepts a value the schema refuses, field by field', () => {
    const samples = [events[0], events.find((e) => e.source === 'signin'), events.find((e) => e.ip?.includes(':'))].filter((e) => e !== undefined);
    let compared = 0;
    let accepted = 0;
    for (const base of samples) {
      for (const field of CHECKED_FIELDS) {
        for (const value of oddValues) {
          const mutated: Record<string, unknown> = { ...base, [field]: value };
          if (value === undefined) delete mutated[field];
          const quick = isPlainlyValidEvent(mutated);
          const schema = NormalisedEvent.safeParse(mutated).success;
          if (quick) expect(schema, `${field} = ${String(value)}`).toBe(true);
          compared += 1;
          if (quick) accepted += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // Valid replacements (another GUID, another text) are still recognised.
    expect(accepted).toBeGreaterThan(50);
  });

  it('leaves to the schema what it does not recognise: not an object, extra fields are fine', () => {
    for (const value of [null, undefined, 'x', 1, [], [events[0]]]) expect(isPlainlyValidEvent(value)).toBe(false);
    const extra = { ...events[0], extra: 'dropped by the schema' };
    expect(isPlainlyValidEvent(extra)).toBe(true);
    expect(NormalisedEvent.safeParse(extra).success).toBe(true);
    expect(schemaShaped(extra as NormalisedEvent)).toEqual(NormalisedEvent.parse(extra));
  });
});
