import { z } from 'zod';
import type { Evidence } from '../../../src-shared/domain/readiness.js';
import type { CallApi } from './api-caller.js';
import type { DevOpsOrgAccess, Probe } from './facts.js';
import { after, notInCloud, notOk, okProbe, success } from './probe-helpers.js';

/**
 * Azure DevOps (Microsoft API notes §7): find the organisations of the signed-in account, then
 * read the newest audit event of each over the retention window. A refusal means the account
 * lacks "View audit log"; an empty log over 90 days suggests auditing is switched off (the API
 * has no documented switch to read, so this is reported as a warning, not a certainty).
 */
const MAX_ORGS = 25;
const profileSchema = z.looseObject({ id: z.string() });
const accountsSchema = z.looseObject({ value: z.array(z.looseObject({ accountName: z.string(), accountStatus: z.string().optional() })) });
const auditSchema = z.looseObject({ decoratedAuditLogEntries: z.array(z.unknown()).default([]), hasMore: z.boolean().optional() });

/** The published spec example wraps the result in `value`; real answers are believed bare. Accept both. */
function unwrap(json: unknown): unknown {
  if (json && typeof json === 'object' && !('decoratedAuditLogEntries' in json) && 'value' in json) return (json as { value: unknown }).value;
  return json;
}

export interface DevOpsTarget {
  vssps: string | null;
  audit: string | null;
  now: Date;
  retentionDays: number;
}

export async function probeDevOps(call: CallApi, t: DevOpsTarget): Promise<Probe<DevOpsOrgAccess[]>> {
  if (!t.vssps || !t.audit) return notInCloud('Azure DevOps is not offered in this cloud.');
  const evidence: Evidence[] = [];
  const meRaw = await call({ resource: 'devops', method: 'GET', url: `${t.vssps}/_apis/profile/profiles/me?api-version=7.1-preview.3` });
  const me = success(meRaw);
  if (!me) return notOk(meRaw, 'DevOps profile');
  const profile = profileSchema.safeParse(me.json);
  if (!profile.success) return { outcome: 'failed', reason: 'DevOps profile: unexpected answer', evidence: [me.evidence('unexpected body shape')] };
  evidence.push(me.evidence('profile found'));

  const accountsRaw = await call({ resource: 'devops', method: 'GET', url: `${t.vssps}/_apis/accounts?memberId=${encodeURIComponent(profile.data.id)}&api-version=7.1-preview.1` });
  const accounts = success(accountsRaw);
  if (!accounts) return after(evidence, notOk(accountsRaw, 'DevOps organisations'));
  const orgs = accountsSchema.safeParse(accounts.json);
  if (!orgs.success) return { outcome: 'failed', reason: 'DevOps organisations: unexpected answer', evidence: [...evidence, accounts.evidence('unexpected body shape')] };
  const names = orgs.data.value.filter((o) => !o.accountStatus || /enabled/i.test(o.accountStatus)).map((o) => o.accountName).slice(0, MAX_ORGS);
  evidence.push(accounts.evidence(`${names.length} organisation(s): ${names.join(', ') || 'none'}`));

  const start = new Date(t.now.getTime() - t.retentionDays * 86_400_000).toISOString();
  const results = await Promise.all(
    names.map(async (name): Promise<DevOpsOrgAccess> => {
      const url = `${t.audit}/${encodeURIComponent(name)}/_apis/audit/auditlog?startTime=${encodeURIComponent(start)}&batchSize=1&api-version=7.1-preview.1`;
      const raw = await call({ resource: 'devops', method: 'GET', url });
      const answer = success(raw);
      if (!answer) {
        const failed = notOk(raw, `audit log of ${name}`);
        evidence.push(...failed.evidence);
        return { name, access: failed.outcome === 'denied' ? 'denied' : 'failed', eventsFound: null, detail: failed.reason };
      }
      const body = auditSchema.safeParse(unwrap(answer.json)).data;
      if (!body) {
        evidence.push(answer.evidence('unexpected body shape'));
        return { name, access: 'failed', eventsFound: null, detail: 'unexpected answer' };
      }
      const found = body.decoratedAuditLogEntries.length;
      evidence.push(answer.evidence(found > 0 ? `${name}: audit log readable, events present` : `${name}: audit log readable, no event in ${t.retentionDays} days`));
      return { name, access: 'ok', eventsFound: found, detail: found > 0 ? 'events present' : 'no events' };
    }),
  );
  return okProbe(results, evidence);
}
