import { describe, expect, it } from 'vitest';
import type { PageFormat } from '../../../src-shared/domain/event.js';
import { generateDataset } from '../../sim/data/generate.js';
import { normalisePage } from './normalise-page.js';

/**
 * The simulated tenant is what collection is tested against end to end, so every record it
 * generates must normalise, to the right source, without warnings.
 */
describe('normalising the simulated tenant', () => {
  const data = generateDataset({ seed: 7, profile: 'e5', days: 6, scale: 0.05, anchor: new Date('2026-11-27T13:30:00.000Z') });
  const pages: [PageFormat, string, number][] = [
    ['ual.management_api', JSON.stringify(data.ual), data.ual.length],
    ['signin.graph', JSON.stringify({ value: data.signIns }), data.signIns.length],
    ['directory_audit.graph', JSON.stringify({ value: data.directoryAudits }), data.directoryAudits.length],
    ['azure_activity.arm', JSON.stringify({ value: data.azure.activity }), data.azure.activity.length],
    ['devops_audit.rest', JSON.stringify({ decoratedAuditLogEntries: data.devops.audit, hasMore: false }), data.devops.audit.length],
  ];

  const outcomes = new Map(pages.map(([format, text]) => [format, normalisePage(format, text)]));

  it.each(pages)('%s: every record becomes an event, with no rejects or warnings', (format, _text, count) => {
    expect(count).toBeGreaterThan(0);
    const outcome = outcomes.get(format);
    if (!outcome?.ok) throw new Error(outcome?.error ?? 'not normalised');
    expect(outcome.page.rejects.map((r) => r.error.message).slice(0, 3)).toEqual([]);
    expect(outcome.page.events).toHaveLength(count);
    expect(outcome.page.events.flatMap((e) => e.warnings).slice(0, 3)).toEqual([]);
    expect(new Set(outcome.page.events.map((e) => e.event.source)).size).toBe(1);
  });

  it('finds the intrusion\'s records among the events by their ids', () => {
    const ids = new Set<string>();
    for (const outcome of outcomes.values()) {
      if (outcome.ok) for (const e of outcome.page.events) ids.add(`${e.event.source}:${e.event.record_id}`);
    }
    const family = { ual: 'ual', signins: 'signin', directoryAudits: 'directory_audit', azureActivity: 'azure_activity', devopsAudit: 'devops_audit' } as const;
    const missing = data.groundTruth.malicious.filter((m) => !ids.has(`${family[m.source]}:${m.id.toLowerCase()}`) && !ids.has(`${family[m.source]}:${m.id}`));
    expect(data.groundTruth.malicious.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
