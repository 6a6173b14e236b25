import { describe, expect, it } from 'vitest';
import { CLOUDS, demoCloud, demoServiceUrlsFor } from '../../../src-shared/domain/clouds.js';
import { ReadinessSource, worstStatus, type CheckStatus, type Evidence, type ReadinessSourceId } from '../../../src-shared/domain/readiness.js';
import { evaluateReadiness } from './evaluate.js';
import type { LicenceFacts, Probe, ProbeFailure, ReadinessFacts } from './facts.js';

const NOW = new Date('2025-06-30T12:00:00Z');
const DAY = 86_400_000;
const ev = (answer: string): Evidence => ({ method: 'GET', url: 'https://graph.example/v1.0/x', status: 200, answer, at: NOW.toISOString() });
const ok = <T>(value: T): Probe<T> => ({ outcome: 'ok', value, evidence: [ev('fine')] });
const fail = (outcome: ProbeFailure['outcome'], reason: string): ProbeFailure => ({ outcome, reason, evidence: [ev(reason)] });

const e5: LicenceFacts = { skus: ['SPE_E5'], entraP1: true, entraP2: true, auditPremium: true, exchange: true, defenderO365: true };
const globalReader = [{ displayName: 'Global Reader', roleTemplateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451' }];
const allStarted = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General'].map((contentType) => ({ contentType, status: 'enabled' }));

function baseline(): ReadinessFacts {
  return {
    licences: ok(e5),
    roles: ok(globalReader),
    signInsRead: ok(null),
    directoryAuditsRead: ok(null),
    auditQueryRead: ok(null),
    exo: { auditSearch: ok({ warnings: [] }), ingestion: ok({ enabled: true }), orgAudit: ok({ auditDisabled: false }), bypass: ok({ bypassed: [] }) },
    arm: ok([{ subscriptionId: 's1', displayName: 'Prod', canReadActivity: true }]),
    devops: ok([{ name: 'fabrikam', access: 'ok', eventsFound: 1, detail: 'events present' }]),
    mgmt: ok({ subscriptions: allStarted }),
  };
}

type Matrix = Record<ReadinessSourceId, CheckStatus[]>;
function matrix(facts: ReadinessFacts, cloud = CLOUDS.global, periodStart: Date | null = null) {
  const result = evaluateReadiness(facts, cloud, NOW, periodStart);
  for (const s of result.sources) ReadinessSource.parse(s);
  const m = Object.fromEntries(result.sources.map((s) => [s.source, s.checks.map((c) => c.status)])) as Matrix;
  const cellOf = (source: ReadinessSourceId, check: number) => result.sources.find((s) => s.source === source)?.checks[check];
  return { ...result, m, cellOf, source: (id: ReadinessSourceId) => result.sources.find((s) => s.source === id) };
}

const NA = 'notApplicable';

describe('readiness verdicts from facts', () => {
  it('a fully licensed and permitted E5 tenant is ok everywhere a check exists', () => {
    const { m } = matrix(baseline());
    expect(m).toEqual({
      ual: ['ok', 'ok', 'ok', 'ok'],
      mailboxAudit: ['ok', 'ok', 'ok', 'ok'],
      entraSignIns: ['ok', 'ok', NA, 'ok'],
      entraAudit: ['ok', 'ok', NA, 'ok'],
      azureActivity: [NA, 'ok', NA, 'ok'],
      devops: [NA, 'ok', 'ok', 'ok'],
      graphAuditQuery: ['ok', 'ok', 'ok', 'ok'],
      managementApi: ['ok', 'ok', 'ok', 'ok'],
    });
  });

  it('Entra Free: sign-ins blocked by licence (the role still qualifies), 7-day history flagged; UAL on Standard', () => {
    const f = baseline();
    f.licences = ok({ ...e5, skus: ['O365_BUSINESS_ESSENTIALS'], entraP1: false, entraP2: false, auditPremium: false, defenderO365: false });
    f.signInsRead = fail('unlicensed', "Authentication_RequestFromNonPremiumTenantOrB2CTenant: Neither tenant is B2C or tenant doesn't have premium license");
    const { m, source, cellOf } = matrix(f);
    expect(m.entraSignIns).toEqual(['blocked', 'ok', NA, 'warning']);
    expect(m.entraAudit).toEqual(['ok', 'ok', NA, 'warning']);
    expect(m.ual).toEqual(['warning', 'ok', 'ok', 'ok']);
    expect(source('entraSignIns')?.history.retentionDays).toBe(7);
    expect(source('ual')?.history.retentionDays).toBe(180);
    expect(cellOf('entraSignIns', 0)?.remediation).toMatch(/Entra ID P1 or P2/);
  });

  it('an account without roles is blocked wherever the services refuse it, and settings it may not read stay unknown', () => {
    const f = baseline();
    const refused = fail('denied', 'Authorization_RequestDenied: Insufficient privileges to complete the operation.');
    const notRecognized = fail('denied', "The term 'Search-UnifiedAuditLog' is not recognized as a name of a cmdlet");
    Object.assign(f, { roles: ok([]), signInsRead: refused, directoryAuditsRead: refused, auditQueryRead: refused });
    f.exo = { auditSearch: notRecognized, ingestion: notRecognized, orgAudit: notRecognized, bypass: notRecognized };
    f.arm = ok([{ subscriptionId: 's1', displayName: 'Prod', canReadActivity: false }]);
    f.devops = ok([{ name: 'fabrikam', access: 'denied', eventsFound: null, detail: 'Access Denied: View audit log' }]);
    const { m, cellOf } = matrix(f);
    expect(m.ual).toEqual(['ok', 'blocked', 'unknown', 'ok']);
    expect(m.mailboxAudit).toEqual(['ok', 'blocked', 'unknown', 'ok']);
    expect(m.entraSignIns).toEqual(['ok', 'blocked', NA, 'ok']);
    expect(m.azureActivity).toEqual([NA, 'blocked', NA, 'ok']);
    expect(m.devops).toEqual([NA, 'blocked', 'unknown', 'ok']);
    expect(m.graphAuditQuery).toEqual(['ok', 'blocked', 'unknown', 'ok']);
    expect(cellOf('ual', 1)?.remediation).toMatch(/View-Only Audit Logs/);
    expect(cellOf('ual', 1)?.summary).toMatch(/not recognized/);
    expect(cellOf('azureActivity', 1)?.findings[0]?.subject).toBe('Prod (s1)');
  });

  it('unified audit log ingestion off blocks every door to the audit store, with the command to fix it', () => {
    const f = baseline();
    f.exo.ingestion = ok({ enabled: false });
    const { m, cellOf } = matrix(f);
    expect(m.ual[2]).toBe('blocked');
    expect(m.graphAuditQuery[2]).toBe('blocked');
    expect(m.managementApi[2]).toBe('blocked');
    expect(m.mailboxAudit[2]).toBe('ok');
    expect(cellOf('ual', 2)?.remediation).toMatch(/Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled \$true/);
  });

  it('lists each mailbox that bypasses auditing as a finding, and org-wide mailbox audit off as blocked', () => {
    const f = baseline();
    f.exo.bypass = ok({ bypassed: ['accounts.payable@tailspin.example'] });
    let r = matrix(f);
    expect(r.m.mailboxAudit[2]).toBe('warning');
    expect(r.cellOf('mailboxAudit', 2)?.findings).toEqual([{ kind: 'auditBypass', subject: 'accounts.payable@tailspin.example', detail: expect.stringMatching(/not logged/) }]);
    f.exo.orgAudit = ok({ auditDisabled: true });
    r = matrix(f);
    expect(r.m.mailboxAudit[2]).toBe('blocked');
    expect(r.cellOf('mailboxAudit', 2)?.remediation).toMatch(/AuditDisabled \$false/);
  });

  it('partial Azure and DevOps access warn with findings; an empty DevOps log warns that auditing is probably off', () => {
    const f = baseline();
    f.arm = ok([
      { subscriptionId: 's1', displayName: 'Prod', canReadActivity: true },
      { subscriptionId: 's2', displayName: 'Dev', canReadActivity: false },
    ]);
    f.devops = ok([
      { name: 'fabrikam', access: 'ok', eventsFound: 0, detail: 'no events' },
      { name: 'contoso', access: 'ok', eventsFound: 3, detail: 'events present' },
    ]);
    const { m, cellOf } = matrix(f);
    expect(m.azureActivity[1]).toBe('warning');
    expect(m.devops[2]).toBe('warning');
    expect(cellOf('devops', 2)?.findings.map((x) => x.subject)).toEqual(['fabrikam']);
    f.arm = ok([]);
    f.devops = ok([]);
    const none = matrix(f);
    expect(none.m.azureActivity[1]).toBe('blocked');
    expect(none.m.devops.slice(0, 3)).toEqual([NA, NA, NA]);
  });

  it('a refused token is "blocked" with advice to use an own app registration; no answer at all is "unknown"', () => {
    const f = baseline();
    f.mgmt = fail('noToken', 'AADSTS65001: The user or administrator has not consented to use the application');
    f.arm = fail('failed', 'list subscriptions: https://management.azure.com/subscriptions: no answer within 60000 ms');
    const { m, cellOf } = matrix(f);
    expect(m.managementApi.slice(1, 3)).toEqual(['blocked', 'unknown']);
    expect(cellOf('managementApi', 1)?.remediation).toMatch(/own application/);
    expect(m.azureActivity[1]).toBe('unknown');
  });

  it('sources a cloud does not offer are not applicable, not failures', () => {
    const gov = matrix(baseline(), CLOUDS.usgov);
    expect(gov.m.devops).toEqual([NA, NA, NA, NA]);
    expect(gov.m.graphAuditQuery).toEqual([NA, NA, NA, NA]);
    expect(gov.m.ual).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(gov.cellOf('graphAuditQuery', 0)?.summary).toMatch(/global-cloud only/i);
    const china = matrix(baseline(), CLOUDS.china);
    expect(china.m.ual).toEqual([NA, NA, NA, NA]);
    expect(china.m.managementApi).toEqual([NA, NA, NA, NA]);
    expect(china.urgency.slice(-5)).toEqual(expect.arrayContaining(['ual', 'mailboxAudit', 'devops', 'graphAuditQuery', 'managementApi']));
    const demo = matrix(baseline(), demoCloud(demoServiceUrlsFor('https://127.0.0.1:4443')));
    expect(demo.m.graphAuditQuery).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('history: earliest recoverable per source, roll-off of the period start, and the most urgent first', () => {
    const f = baseline();
    const periodStart = new Date(NOW.getTime() - 25 * DAY);
    const { source, m, urgency } = matrix(f, CLOUDS.global, periodStart);
    expect(source('entraSignIns')?.history).toMatchObject({ retentionDays: 30, earliestRecoverable: new Date(NOW.getTime() - 30 * DAY).toISOString(), rollsOffInDays: 5 });
    expect(m.entraSignIns[3]).toBe('warning');
    expect(source('ual')?.history.rollsOffInDays).toBe(340);
    // The Management API reaches back 7 days only: a 25-day-old start is already gone there.
    expect(m.managementApi[3]).toBe('blocked');
    expect(urgency.slice(0, 3)).toEqual(['managementApi', 'entraSignIns', 'entraAudit']);
    expect(urgency.slice(-3)).toEqual(['ual', 'mailboxAudit', 'graphAuditQuery']);
  });

  it('without licence facts the retention is unknown, except where the sign-in API itself proved premium', () => {
    const f = baseline();
    f.licences = fail('denied', 'Authorization_RequestDenied');
    const { m, source } = matrix(f);
    expect(m.ual[0]).toBe('unknown');
    expect(m.ual[3]).toBe('unknown');
    expect(m.entraSignIns[0]).toBe('ok');
    expect(source('entraSignIns')?.history.retentionDays).toBe(30);
  });

  it('overall status is the worst check, ignoring checks that do not apply', () => {
    expect(worstStatus(['ok', 'notApplicable', 'warning'])).toBe('warning');
    expect(worstStatus(['unknown', 'blocked', 'ok'])).toBe('blocked');
    expect(worstStatus(['notApplicable', 'notApplicable'])).toBe('notApplicable');
  });
});
