import { collectSourceLabels, type CollectOptions, type CollectRequest, type CollectSourceId, type CollectSourceOption } from '../../../../src-shared/domain/collection.js';
import { mailboxAuditSearches, ualPresetFromText, ualPresetSearches, type UalPresetChoice } from '../../../../src-shared/domain/collection-presets.js';
import type { ReadinessRun, ReadinessSourceId } from '../../../../src-shared/domain/readiness.js';
import { MGMT_REACH_DAYS } from '../sources/mgmt-content.js';
import type { JobParamsInput } from './job-params.js';

/**
 * From a responder's request and the newest readiness run to the jobs to queue: which sources may
 * start (readiness not blocked), over which range (clamped to what can still be recovered), with
 * which exact searches. Pure, so every refusal and clamp is testable without a tenant.
 */
const DAY_MS = 86_400_000;

/** The readiness cell that decides whether a source can be collected. The snapshot has none: its parts fail one by one. */
export function readinessSourceOf(source: CollectSourceId, ualChannel: 'exo_search' | 'graph_audit_query'): ReadinessSourceId | null {
  switch (source) {
    case 'ual':
      return ualChannel === 'graph_audit_query' ? 'graphAuditQuery' : 'ual';
    case 'mailbox':
      return 'mailboxAudit';
    case 'signins':
      return 'entraSignIns';
    case 'audit':
      return 'entraAudit';
    case 'azure':
      return 'azureActivity';
    case 'devops':
      return 'devops';
    case 'mgmt':
      return 'managementApi';
    case 'tenant':
      return null;
  }
}

/** Readiness recommends the Exchange search unless only the Graph query can run. */
export function defaultUalChannel(run: ReadinessRun | null): 'exo_search' | 'graph_audit_query' {
  const cell = (id: ReadinessSourceId) => run?.sources.find((s) => s.source === id)?.overall;
  return cell('ual') === 'blocked' && cell('graphAuditQuery') !== undefined && cell('graphAuditQuery') !== 'blocked' ? 'graph_audit_query' : 'exo_search';
}

function blockedReason(run: ReadinessRun, id: ReadinessSourceId): string | null {
  const cell = run.sources.find((s) => s.source === id);
  if (!cell) return `readiness did not check ${id}`;
  if (cell.overall !== 'blocked') return null;
  const blocked = cell.checks.filter((c) => c.status === 'blocked');
  return `${cell.label} is blocked: ${blocked.map((c) => `${c.summary}${c.remediation ? ` (${c.remediation})` : ''}`).join('; ')}`;
}

export function sourceOptions(run: ReadinessRun | null, signedIn: boolean): CollectOptions {
  const ualChannel = defaultUalChannel(run);
  const sources = (Object.keys(collectSourceLabels) as CollectSourceId[]).map((source): CollectSourceOption => {
    const id = readinessSourceOf(source, ualChannel);
    const cell = id ? run?.sources.find((s) => s.source === id) : undefined;
    let reason: string | null = null;
    if (!signedIn) reason = 'Sign in first: collection runs as the signed-in account.';
    else if (!run) reason = 'Run readiness first: it decides what this account can collect and from when.';
    else if (id) reason = blockedReason(run, id);
    const warnings = cell ? cell.checks.filter((c) => c.status === 'warning').map((c) => c.summary) : [];
    return {
      source,
      label: collectSourceLabels[source],
      available: reason === null,
      blockedReason: reason,
      earliestRecoverable: cell?.history.earliestRecoverable ?? null,
      warnings,
    };
  });
  return { signedIn, readinessRunAt: run?.finishedAt ?? null, sources, defaultUalChannel: ualChannel };
}

export interface PlannedJob {
  source: CollectSourceId;
  params: JobParamsInput;
}

export interface CollectPlan {
  jobs: PlannedJob[];
  refused: { source: CollectSourceId; reason: string }[];
  notices: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The UAL preset; users, IP addresses and free text search the log only under the `search` preset (elsewhere they scope the mailbox and snapshot jobs). */
function ualChoice(req: CollectRequest): UalPresetChoice {
  if (req.preset === 'search') {
    return { kind: 'search', userIds: req.users, ipAddresses: req.ips, ...(req.freeText ? { freeText: req.freeText } : {}) };
  }
  return ualPresetFromText(req.preset, req.optIns);
}

export function planCollection(req: CollectRequest, run: ReadinessRun, now: Date): CollectPlan {
  const options = sourceOptions(run, true);
  const ualChannel = req.ualChannel ?? options.defaultUalChannel;
  const plan: CollectPlan = { jobs: [], refused: [], notices: [] };
  const nowMs = now.getTime();
  const toMs = Math.min(req.to ? Date.parse(req.to) : nowMs, nowMs);
  if (req.to && Date.parse(req.to) > nowMs) plan.notices.push(`The range ends now (${iso(nowMs)}), not in the future.`);

  for (const source of req.sources) {
    const id = readinessSourceOf(source, ualChannel);
    const reason = id ? blockedReason(run, id) : null;
    if (reason) {
      plan.refused.push({ source, reason });
      continue;
    }
    const base = { source, ualChannel, preset: req.preset };
    if (source === 'tenant') {
      plan.jobs.push({ source, params: { ...base, range: null, users: req.users } });
      continue;
    }
    const cell = id ? run.sources.find((s) => s.source === id) : undefined;
    let earliest = cell?.history.earliestRecoverable ? Date.parse(cell.history.earliestRecoverable) : null;
    if (source === 'mgmt') earliest = Math.max(earliest ?? 0, nowMs - MGMT_REACH_DAYS * DAY_MS);
    const askedFrom = req.from ? Date.parse(req.from) : null;
    let fromMs = askedFrom ?? earliest ?? nowMs - 7 * DAY_MS;
    if (askedFrom === null && earliest === null) plan.notices.push(`${collectSourceLabels[source]}: readiness could not tell how far back it reaches; collecting the last 7 days.`);
    if (earliest !== null && fromMs < earliest) {
      if (askedFrom !== null) plan.notices.push(`${collectSourceLabels[source]}: data before ${iso(earliest)} can no longer be recovered; collecting from then.`);
      fromMs = earliest;
    }
    if (fromMs >= toMs) {
      plan.refused.push({ source, reason: `${collectSourceLabels[source]}: nothing in the range can still be recovered (oldest recoverable: ${earliest !== null ? iso(earliest) : 'unknown'}).` });
      continue;
    }
    const range = { startMs: fromMs, endMs: toMs };
    const common = {
      ...base,
      range,
      users: req.users,
      signInKinds: req.signInKinds ?? [],
      auditSubset: req.auditSubset,
      subscriptions: req.subscriptions,
      organizations: req.organizations,
    };
    if (source === 'ual') plan.jobs.push({ source, params: { ...common, ualSearches: ualPresetSearches(ualChoice(req)) } });
    else if (source === 'mailbox') plan.jobs.push({ source, params: { ...common, ualChannel: 'exo_search', ualSearches: mailboxAuditSearches(req.users) } });
    else plan.jobs.push({ source, params: common });
  }
  return plan;
}
