import type { DevOpsAuditEntry } from '../../data/types.js';
import { stableGuid } from '../graph/directory-routes.js';
import { json, SimHttpError, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { parseRecordTime, retentionStartMs, type SimApiContext } from '../sim-context.js';
import { devopsError } from './devops-errors.js';

/**
 * Azure DevOps: the profile and accounts APIs (app.vssps.visualstudio.com) that discover the
 * organisations a user belongs to, and the audit log (auditservice.dev.azure.com) paged with
 * `continuationToken`/`hasMore`. The audit API is a preview API: its api-version must carry the
 * `-preview` suffix, and versions older than 6.0 are refused.
 */
export interface DevOpsRouteSets {
  vssps: Route[];
  audit: Route[];
}

export function devopsRoutes(ctx: SimApiContext): DevOpsRouteSets {
  const d = ctx.dataset;
  const memberId = stableGuid(`${d.signedInUser.id}:devops-member`);
  const auditByOrg = new Map<string, DevOpsAuditEntry[]>();
  for (const entry of d.devops.audit) {
    const key = entry.organization.toLowerCase();
    const list = auditByOrg.get(key) ?? [];
    list.push(entry);
    auditByOrg.set(key, list);
  }
  for (const list of auditByOrg.values()) list.sort((a, b) => parseRecordTime(b.timestamp) - parseRecordTime(a.timestamp) || b.id.localeCompare(a.id));

  const profile = (req: SimRequest): SimResponse => {
    requireApiVersion(req, false);
    return json(200, {
      displayName: d.signedInUser.displayName,
      publicAlias: memberId,
      emailAddress: d.signedInUser.userPrincipalName,
      coreRevision: 412_345_678,
      timeStamp: d.anchor,
      id: memberId,
      revision: 412_345_678,
    });
  };

  const accounts = (req: SimRequest): SimResponse => {
    requireApiVersion(req, false);
    const member = req.url.searchParams.get('memberId');
    const owner = req.url.searchParams.get('ownerId');
    if (!member && !owner) return devopsError(400, 'ArgumentException', 'Either memberId or ownerId must be specified.', req);
    const id = (member ?? owner ?? '').toLowerCase();
    const orgs = id === memberId ? d.devops.organizations : [];
    const value = orgs.map((o) => ({
      accountId: o.accountId,
      accountUri: o.accountUri,
      accountName: o.accountName,
      accountOwner: memberId,
      accountStatus: o.accountStatus,
      accountType: o.accountType,
      organizationName: o.organizationName,
      createdDate: o.createdDate,
      lastUpdatedDate: o.lastUpdatedDate,
      namespaceId: o.namespaceId,
      properties: o.properties,
    }));
    return json(200, { count: value.length, value });
  };

  const auditLog = (req: SimRequest): SimResponse => {
    requireApiVersion(req, true);
    const orgName = req.params['organization'] ?? '';
    const org = d.devops.organizations.find((o) => o.accountName.toLowerCase() === orgName.toLowerCase());
    if (!org) return devopsError(404, 'AccountNotFoundException', `TF400898: The organization '${orgName}' was not found.`, req);
    if (!ctx.profile.devopsAuditRead) {
      return devopsError(403, 'AccessCheckException', `Access Denied: ${req.auth?.upn ?? 'the caller'} needs the following permission(s) on the resource Auditing to perform this action: View audit log`, req);
    }
    const start = timeParam(req, 'startTime') ?? Number.NEGATIVE_INFINITY;
    const end = timeParam(req, 'endTime') ?? Number.POSITIVE_INFINITY;
    const batchRaw = req.url.searchParams.get('batchSize');
    const batch = batchRaw === null ? ctx.limits.devopsBatchDefault : Number(batchRaw);
    if (!Number.isInteger(batch) || batch < 1) return devopsError(400, 'ArgumentOutOfRangeException', `The batchSize '${batchRaw ?? ''}' must be a positive integer.`, req);
    const size = Math.min(batch, ctx.limits.devopsBatchMax);

    // Auditing switched off: nothing is recorded, so there is nothing to return.
    const reach = Math.max(start, retentionStartMs(ctx, 'devopsAudit'));
    const entries = ctx.profile.devopsAuditingEnabled
      ? (auditByOrg.get(org.accountName.toLowerCase()) ?? []).filter((e) => {
          const t = parseRecordTime(e.timestamp);
          return t >= reach && t < end;
        })
      : [];
    const token = req.url.searchParams.get('continuationToken');
    let offset = 0;
    if (token) {
      const at = entries.findIndex((e) => e.id === token);
      if (at < 0) return devopsError(400, 'InvalidContinuationTokenException', 'The continuation token is not valid for this query.', req);
      offset = at + 1;
    }
    const page = entries.slice(offset, offset + size);
    const last = page[page.length - 1];
    return json(200, {
      decoratedAuditLogEntries: page.map(({ organization: _organization, ...entry }) => entry),
      continuationToken: last?.id ?? token ?? null,
      hasMore: offset + page.length < entries.length,
    });
  };

  return {
    vssps: [
      { method: 'GET', pattern: '/_apis/profile/profiles/me', handler: profile },
      { method: 'GET', pattern: '/_apis/accounts', handler: accounts },
    ],
    audit: [{ method: 'GET', pattern: '/:organization/_apis/audit/auditlog', handler: auditLog }],
  };
}

function timeParam(req: SimRequest, name: string): number | null {
  const raw = req.url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const ms = parseRecordTime(raw);
  if (Number.isNaN(ms)) throw new SimHttpError(devopsError(400, 'ArgumentException', `The ${name} '${raw}' is not a valid date-time.`, req));
  return ms;
}

/** DevOps wants `api-version`; preview APIs also want the `-preview[.N]` suffix. */
function requireApiVersion(req: SimRequest, preview: boolean): void {
  const version = req.url.searchParams.get('api-version');
  if (!version) {
    throw new SimHttpError(
      devopsError(400, 'VssVersionNotSpecifiedException', 'No api-version was supplied for the "GET" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. "?api-version=1.0").', req),
    );
  }
  const m = /^(\d+)\.(\d+)(-preview(?:\.\d+)?)?$/.exec(version);
  if (!m) throw new SimHttpError(devopsError(400, 'VssInvalidApiVersionException', `The api-version '${version}' is not valid.`, req));
  const major = Number(m[1]);
  if (major < 6 && preview) {
    throw new SimHttpError(devopsError(400, 'VssVersionOutOfRangeException', `The requested REST API version of ${version} is out of range for this server. The latest REST API version this server supports is 7.2.`, req));
  }
  if (preview && !m[3]) {
    throw new SimHttpError(
      devopsError(400, 'VssInvalidPreviewVersionException', `The requested version "${version}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${m[1]}.${m[2]}-preview"`, req),
    );
  }
}
