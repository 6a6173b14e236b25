import { randomUUID } from 'node:crypto';
import type { ReadinessRun } from '../../../src-shared/domain/readiness.js';
import type { ActiveSession } from '../auth/auth-service.js';
import type { RetryOptions } from '../net/retry.js';
import { createApiCaller, type CallApi } from './api-caller.js';
import { probeAzure } from './arm-probe.js';
import { probeDevOps } from './devops-probe.js';
import { evaluateReadiness } from './evaluate.js';
import { probeExchange } from './exo-probes.js';
import type { ReadinessFacts } from './facts.js';
import { probeAuditQuery, probeDirectoryRoles, probeLicences, probeReportRead } from './graph-probes.js';
import { probeManagementApi } from './mgmt-probe.js';
import { RETENTION } from './retention-table.js';

/**
 * One readiness run: every probe against the signed-in tenant (services in parallel, each
 * service's own calls kept few), then the verdicts. Only read calls are made; nothing in the
 * tenant changes (no subscription is started, no search is kept).
 */
export interface RunReadinessDeps {
  session: ActiveSession;
  now(): Date;
  retry?: RetryOptions;
}

export async function gatherFacts(call: CallApi, session: ActiveSession, now: Date): Promise<ReadinessFacts> {
  const cloud = session.connection.profile;
  const e = cloud.endpoints;
  const tenantId = session.session.account.tenantId;
  const graph = e.graph.value;
  if (!graph) throw new Error(`${cloud.label} has no Microsoft Graph endpoint`);
  const [licences, roles, signInsRead, directoryAuditsRead, auditQueryRead, exo, arm, devops, mgmt] = await Promise.all([
    probeLicences(call, graph),
    probeDirectoryRoles(call, graph),
    probeReportRead(call, graph, 'signIns'),
    probeReportRead(call, graph, 'directoryAudits'),
    probeAuditQuery(call, graph, cloud.graphAuditQuery.value),
    probeExchange(call, { exo: e.exo.value, tenantId, upn: session.session.account.username, now }),
    probeAzure(call, e.arm.value),
    probeDevOps(call, { vssps: e.devopsVssps.value, audit: e.devopsAudit.value, now, retentionDays: RETENTION.devops.days }),
    probeManagementApi(call, e.mgmt.value, tenantId, now),
  ]);
  return { licences, roles, signInsRead, directoryAuditsRead, auditQueryRead, exo, arm, devops, mgmt };
}

export async function runReadiness(deps: RunReadinessDeps, periodStart: Date | null): Promise<ReadinessRun> {
  const startedAt = deps.now();
  const { session } = deps;
  const call = createApiCaller({ http: session.connection.http, getAccessToken: session.getAccessToken, now: deps.now, ...(deps.retry ? { retry: deps.retry } : {}) });
  const facts = await gatherFacts(call, session, startedAt);
  const { sources, urgency } = evaluateReadiness(facts, session.connection.profile, startedAt, periodStart);
  return {
    runId: randomUUID(),
    startedAt: startedAt.toISOString(),
    finishedAt: deps.now().toISOString(),
    cloud: session.session.cloud,
    tenantId: session.session.account.tenantId,
    account: session.session.account.username,
    clientId: session.session.clientId,
    periodStart: periodStart?.toISOString() ?? null,
    sources,
    urgency,
  };
}
