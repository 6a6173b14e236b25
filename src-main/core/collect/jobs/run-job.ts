import type { CollectContext, WindowOutcome } from '../collect-context.js';
import { collectArmActivity, collectDevOpsAudit, collectDirectoryAudits, collectManagementContent, collectSignIns } from '../planner/source-plans.js';
import { collectUalSearches, type UalVia } from '../planner/ual-searches.js';
import { collectMailboxTimeZones } from '../snapshot/mailbox-time-zones.js';
import { collectTenantSnapshot } from '../snapshot/tenant-snapshot.js';
import type { TimeWindow } from '../planner/windows.js';
import { listDevOpsOrganizations, listSubscriptions } from '../sources/discovery.js';
import { ensureSubscriptions, MGMT_CONTENT_TYPES } from '../sources/mgmt-content.js';
import type { UalPresetSearch } from '../../../../src-shared/domain/collection-presets.js';
import type { JobParams, JobTarget } from './job-params.js';

/**
 * One run of one job: the source's planner over the job's range, skipping what an earlier run
 * already proved complete. Runs wherever it is given a context — a job's worker thread in the
 * app, the test's own thread against the simulator — and reports through hooks only.
 */
export interface RunHooks {
  isDone(channel: string, window: TimeWindow): boolean;
  /** Whether an earlier run completed a part without a time range (a snapshot endpoint, a mailbox's settings). */
  partDone(channel: string): boolean;
  log(level: 'info' | 'warning' | 'error', message: string): void;
  onWindow(outcome: WindowOutcome): void;
}

export interface RunSummary {
  windows: number;
  complete: number;
  gaps: number;
  failed: number;
}

function summarise(outcomes: readonly WindowOutcome[]): RunSummary {
  const leaves = outcomes.filter((o) => o.status !== 'split');
  return {
    windows: leaves.length,
    complete: leaves.filter((o) => o.status === 'complete').length,
    gaps: leaves.filter((o) => o.status === 'gap').length,
    failed: leaves.filter((o) => o.status === 'failed').length,
  };
}

function needRange(params: JobParams): TimeWindow {
  if (!params.range) throw new Error(`a ${params.source} job needs a time range`);
  return params.range;
}

export async function runJob(ctx: CollectContext, params: JobParams, target: JobTarget, hooks: RunHooks): Promise<RunSummary> {
  const outcomes: WindowOutcome[] = [];
  const onWindow = (o: WindowOutcome) => {
    outcomes.push(o);
    if (o.status === 'gap') hooks.log('warning', `Gap ${o.channel} ${new Date(o.startMs).toISOString()} – ${new Date(o.endMs).toISOString()}: ${o.error ?? 'could not be proven complete'}`);
    else if (o.status === 'failed') hooks.log('error', `Failed ${o.channel} ${new Date(o.startMs).toISOString()} – ${new Date(o.endMs).toISOString()}: ${o.error ?? 'unknown error'}`);
    else if (o.status === 'split') hooks.log('info', `Split ${o.channel} ${new Date(o.startMs).toISOString()} – ${new Date(o.endMs).toISOString()}: ${o.error ?? ''}`);
    hooks.onWindow(o);
  };
  const plain = { isDone: hooks.isDone, onWindow };

  switch (params.source) {
    case 'ual':
    case 'mailbox': {
      const range = needRange(params);
      const exo = { exoBase: target.exo, tenant: target.tenantId, anchorUpn: target.anchorUpn };
      const via: UalVia = params.ualChannel === 'graph_audit_query' ? { channel: 'graph_audit_query', graphBase: target.graph } : { channel: 'exo_search', target: exo };
      hooks.log('info', `Searching the Unified Audit Log through ${params.ualChannel === 'graph_audit_query' ? 'Graph audit-log queries' : 'Exchange Search-UnifiedAuditLog'}: ${params.ualSearches.map((x) => x.label || '(all)').join(', ')}`);
      await collectUalSearches(ctx, { range, via, searches: params.ualSearches as UalPresetSearch[], ...plain });
      // A user search reads each mailbox's own time zone too, so the timeline can show mailbox-local times.
      if (params.users.length && (params.source === 'mailbox' || params.preset === 'search')) {
        // Read again on a resume (one small call per mailbox): the newest answer is the one kept.
        const mailboxes = params.users.filter((u) => u.includes('@'));
        if (mailboxes.length) await collectMailboxTimeZones(ctx, { ...exo, mailboxes, onWindow });
      }
      break;
    }
    case 'signins':
      await collectSignIns(ctx, target.graph, needRange(params), { ...plain, ...(params.signInKinds.length ? { eventTypes: params.signInKinds } : {}) });
      break;
    case 'audit':
      await collectDirectoryAudits(ctx, target.graph, needRange(params), { ...plain, ...(params.auditSubset !== 'all' ? { subset: params.auditSubset } : {}) });
      break;
    case 'azure': {
      const ids = params.subscriptions.length ? params.subscriptions : (await listSubscriptions(ctx.api, target.arm, ctx.signal)).map((s) => s.subscriptionId);
      hooks.log('info', `Azure subscriptions: ${ids.length ? ids.join(', ') : 'none readable by this account'}`);
      await collectArmActivity(ctx, target.arm, ids, needRange(params), plain);
      break;
    }
    case 'devops': {
      if (!target.devopsVssps || !target.devopsAudit) throw new Error('this cloud has no Azure DevOps service');
      const orgs = params.organizations.length ? params.organizations : await listDevOpsOrganizations(ctx.api, target.devopsVssps, ctx.signal);
      hooks.log('info', `Azure DevOps organisations: ${orgs.length ? orgs.join(', ') : 'none this account belongs to'}`);
      await collectDevOpsAudit(ctx, target.devopsAudit, orgs, needRange(params), plain);
      break;
    }
    case 'mgmt': {
      if (!target.mgmt) throw new Error('this cloud has no Management Activity API');
      const mgmtTarget = { mgmtBase: target.mgmt, tenantId: target.tenantId };
      const state = await ensureSubscriptions(ctx.api, mgmtTarget, MGMT_CONTENT_TYPES, true, ctx.signal);
      if (state.started.length) hooks.log('info', `Started Management API subscriptions: ${state.started.join(', ')} (content appears from now on)`);
      await collectManagementContent(ctx, mgmtTarget, MGMT_CONTENT_TYPES, { ...plain, ...(params.range ? { range: params.range } : {}) });
      break;
    }
    case 'tenant': {
      const snap = await collectTenantSnapshot(ctx, {
        graphBase: target.graph,
        exoBase: target.exo,
        tenant: target.tenantId,
        anchorUpn: target.anchorUpn,
        ...(params.users.length ? { mailboxes: params.users } : {}),
        partDone: hooks.partDone,
        onWindow,
      });
      hooks.log('info', `Snapshot objects: ${Object.entries(snap.objects).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
      break;
    }
  }
  return summarise(outcomes);
}
