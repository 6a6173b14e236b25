import type { AuthRequirements, AuthSessionInfo, AuthStatus, CacheProtection, SignInMethod } from '../../src-shared/domain/auth.js';
import { CLOUDS, type CloudProfile } from '../../src-shared/domain/clouds.js';
import {
  readinessSourceLabels,
  worstStatus,
  type CheckStatus,
  type Evidence,
  type Finding,
  type ReadinessCheck,
  type ReadinessCheckId,
  type ReadinessRun,
  type ReadinessSource,
  type ReadinessSourceId,
} from '../../src-shared/domain/readiness.js';
import type { AppEvent } from '../../src-shared/ipc/contract.js';
import { err, ok, type Result } from '../../src-shared/ipc/result.js';
import type { FakeHandlers } from './fake-transport.js';

export interface FakeCloudOptions {
  session?: AuthSessionInfo | null;
  cacheProtection?: CacheProtection;
  latest?: ReadinessRun | null;
  /** Clouds `auth.clouds` answers with; the four fixed clouds by default (no simulator running). */
  clouds?: CloudProfile[];
}

export const sampleSession: AuthSessionInfo = {
  cloud: 'global',
  cloudLabel: 'Global (commercial, incl. US GCC)',
  tenant: 'contoso.onmicrosoft.com',
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  method: 'deviceCode',
  signedInAt: '2025-03-04T09:55:00.000Z',
  account: { username: 'responder@contoso.example', name: 'Responder', tenantId: '11111111-2222-3333-4444-555555555555', homeAccountId: 'oid.tid' },
};

export const sampleRequirements: AuthRequirements = {
  cloud: 'global',
  defaultClient: { clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Default public client', why: 'Present in every tenant.', limits: ['No Management Activity API.'] },
  ownAppRecommendation: 'Register an own single-tenant application.',
  appRegistrationSteps: ['Register the application.', 'Grant admin consent.'],
  permissions: [{ resource: 'graph', api: 'Microsoft Graph', permission: 'AuditLog.Read.All', usedFor: 'sign-ins', adminConsent: true, defaultClientCovers: 'yes' }],
  roles: [{ role: 'Global Reader', where: 'Entra ID', usedFor: 'reports' }],
};

/**
 * Sign-in and readiness as the core answers them, in memory, for component tests. A sign-in
 * stays pending (as a real one waits for the user) until the test calls `approve` or `fail`, or
 * the UI calls `auth.cancel`. `attach` connects the fake to the transport that emits its events.
 */
export function createFakeCloud(options: FakeCloudOptions = {}) {
  let emit: (event: AppEvent) => void = () => {};
  let session: AuthSessionInfo | null = options.session ?? null;
  let latest: ReadinessRun | null = options.latest ?? null;
  let pending: { method: SignInMethod; settle(result: Result<unknown>): void } | null = null;
  const cacheProtection = options.cacheProtection ?? 'file';
  const status = (): AuthStatus => ({ signedIn: session !== null, pending: pending?.method ?? null, session, cacheProtection });
  const announce = () => emit({ name: 'auth.changed', payload: status() });
  let nextRun: () => Result<unknown> | Promise<Result<unknown>> = () => ok(latest);

  const handlers: FakeHandlers = {
    'auth.status': () => ok(status()),
    'auth.clouds': () => ok(options.clouds ?? Object.values(CLOUDS)),
    'auth.requirements': (input) => ok({ ...sampleRequirements, cloud: (input as { cloud: string }).cloud }),
    'auth.signIn': (input) => {
      const { method } = input as { method: SignInMethod };
      if (pending) return err('busy', 'A sign-in is already waiting for the user; finish or cancel it first.');
      return new Promise<Result<unknown>>((resolve) => {
        pending = { method, settle: resolve };
        announce();
      });
    },
    'auth.cancel': () => {
      if (!pending) return ok({ cancelled: false });
      const { settle } = pending;
      pending = null;
      settle(err('cancelled', 'Sign-in cancelled.'));
      announce();
      return ok({ cancelled: true });
    },
    'auth.signOut': () => {
      const was = session !== null;
      session = null;
      announce();
      return ok({ signedOut: was });
    },
    'readiness.latest': () => ok(latest),
    'readiness.run': () => nextRun(),
    'shell.openExternal': () => ok({ opened: true }),
  };

  return {
    handlers,
    attach(transport: { emit(event: AppEvent): void }) {
      emit = (event) => transport.emit(event);
    },
    /** The user finished signing in: the pending `auth.signIn` resolves with `as`. */
    approve(as: AuthSessionInfo = sampleSession) {
      if (!pending) throw new Error('no sign-in is pending');
      const { settle } = pending;
      pending = null;
      session = as;
      settle(ok(status()));
      announce();
    },
    fail(code: 'sign_in_failed' | 'cancelled', message: string) {
      if (!pending) throw new Error('no sign-in is pending');
      const { settle } = pending;
      pending = null;
      settle(err(code, message));
      announce();
    },
    /** What the next `readiness.run` answers; the run becomes the case's latest when it is ok. */
    onRun(answer: () => Result<unknown> | Promise<Result<unknown>>) {
      nextRun = async () => {
        const result = await answer();
        if (result.ok) latest = result.value as ReadinessRun;
        return result;
      };
    },
  };
}

const check = (id: ReadinessCheckId, status: CheckStatus, summary: string, extra: { evidence?: Evidence[]; remediation?: string; findings?: Finding[] } = {}): ReadinessCheck => ({
  check: id,
  status,
  summary,
  evidence: extra.evidence ?? [],
  remediation: extra.remediation ?? null,
  findings: extra.findings ?? [],
});

const NOW = Date.parse('2025-03-04T10:00:00.000Z');
const PERIOD = '2025-02-10T00:00:00.000Z';
const DAY = 86_400_000;

function source(id: ReadinessSourceId, retentionDays: number | null, checks: [ReadinessCheck, ReadinessCheck, ReadinessCheck], historyStatus?: CheckStatus): ReadinessSource {
  const applicable = checks.some((c) => c.status !== 'notApplicable');
  const earliest = retentionDays === null || !applicable ? null : new Date(NOW - retentionDays * DAY).toISOString();
  const rollsOff = earliest === null || retentionDays === null ? null : Math.floor((Date.parse(PERIOD) + retentionDays * DAY - NOW) / DAY);
  const status = historyStatus ?? (!applicable ? 'notApplicable' : rollsOff === null ? 'unknown' : rollsOff < 0 ? 'blocked' : rollsOff <= 7 ? 'warning' : 'ok');
  const history = check('history', status, rollsOff === null ? 'Retention unknown.' : `Kept ${retentionDays} days; data from 2025-02-10 rolls off in ${rollsOff} days.`);
  const all = [...checks, history];
  return {
    source: id,
    label: readinessSourceLabels[id],
    overall: worstStatus(all.map((c) => c.status)),
    checks: all,
    history: { retentionDays: applicable ? retentionDays : null, retentionSource: 'retention table', earliestRecoverable: earliest, periodStart: PERIOD, rollsOffInDays: rollsOff },
  };
}

const at = '2025-03-04T10:00:01.250Z';

/**
 * A readiness run shaped like the core's: the Management Activity API blocked (no token for the
 * default client, and its 7-day content already rolled off), mailbox audit bypassed for two
 * mailboxes, DevOps unanswered. `urgency` is the core's order, deliberately not the matrix order.
 */
export function sampleRun(overrides: Partial<ReadinessRun> = {}): ReadinessRun {
  const graphOk: Evidence = { method: 'GET', url: 'https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=1', status: 200, answer: '1 sign-in returned', at };
  const sources: ReadinessSource[] = [
    source('ual', 180, [check('licence', 'ok', 'E5 licences present.'), check('privilege', 'ok', 'Search-UnifiedAuditLog is allowed.'), check('auditSetting', 'ok', 'Unified audit log ingestion is on.')]),
    source('mailboxAudit', 180, [
      check('licence', 'ok', 'E5 licences present.'),
      check('privilege', 'ok', 'Search-UnifiedAuditLog is allowed.'),
      check('auditSetting', 'warning', 'Mailbox audit is on, but 2 mailboxes bypass it.', {
        evidence: [
          {
            method: 'POST',
            url: 'https://outlook.office365.com/adminapi/beta/11111111-2222-3333-4444-555555555555/InvokeCommand',
            cmdlet: 'Get-MailboxAuditBypassAssociation -ResultSize Unlimited',
            status: 200,
            answer: '2 associations with AuditBypassEnabled = True',
            at,
          },
        ],
        remediation: 'Set-MailboxAuditBypassAssociation -Identity <mailbox> -AuditBypassEnabled $false',
        findings: [
          { kind: 'auditBypass', subject: 'svc-sync@contoso.example', detail: 'AuditBypassEnabled = True' },
          { kind: 'auditBypass', subject: 'cfo@contoso.example', detail: 'AuditBypassEnabled = True' },
        ],
      }),
    ]),
    source('entraSignIns', 30, [check('licence', 'ok', 'Entra ID P2 present.', { evidence: [graphOk] }), check('privilege', 'ok', 'Sign-in log readable.', { evidence: [graphOk] }), check('auditSetting', 'notApplicable', 'Always on.')]),
    source('entraAudit', 30, [check('licence', 'ok', 'Entra ID P2 present.'), check('privilege', 'ok', 'Directory audit log readable.'), check('auditSetting', 'notApplicable', 'Always on.')]),
    source('azureActivity', 90, [check('licence', 'notApplicable', 'No licence involved.'), check('privilege', 'ok', 'Reader on 2 subscriptions.'), check('auditSetting', 'notApplicable', 'Always on.')]),
    source('devops', 90, [
      check('licence', 'notApplicable', 'No licence involved.'),
      check('privilege', 'unknown', 'Azure DevOps: no usable answer — connection reset.', {
        evidence: [{ method: 'GET', url: 'https://app.vssps.visualstudio.com/_apis/accounts', status: null, answer: 'connection reset', at }],
        remediation: 'Run the check again.',
      }),
      check('auditSetting', 'unknown', 'Auditing state unknown.'),
    ]),
    source('graphAuditQuery', 180, [check('licence', 'ok', 'E5 licences present.'), check('privilege', 'ok', 'Audit log queries allowed.'), check('auditSetting', 'ok', 'Ingestion on.')]),
    source('managementApi', 7, [
      check('licence', 'ok', 'E5 licences present.'),
      check('privilege', 'blocked', 'Management Activity API: no token could be obtained — consent missing.', {
        evidence: [{ method: 'TOKEN', url: 'https://manage.office.com/.default', status: null, answer: 'AADSTS65001: consent required', at }],
        remediation: 'Grant admin consent for ActivityFeed.Read, or sign in with an own app registration that holds it.',
      }),
      check('auditSetting', 'ok', 'Ingestion on.'),
    ]),
  ];
  return {
    runId: 'run-1',
    startedAt: '2025-03-04T10:00:00.000Z',
    finishedAt: '2025-03-04T10:00:07.000Z',
    cloud: 'global',
    tenantId: sampleSession.account.tenantId,
    account: sampleSession.account.username,
    clientId: sampleSession.clientId,
    periodStart: PERIOD,
    sources,
    urgency: ['managementApi', 'entraSignIns', 'entraAudit', 'azureActivity', 'devops', 'ual', 'mailboxAudit', 'graphAuditQuery'],
    ...overrides,
  };
}
