import { z } from 'zod';
import type { Evidence } from '../../../src-shared/domain/readiness.js';
import type { CallApi } from './api-caller.js';
import type { MgmtFacts, Probe } from './facts.js';
import { after, notInCloud, notOk, okProbe, success } from './probe-helpers.js';

/**
 * Office 365 Management Activity API (Microsoft API notes §5): which content subscriptions run,
 * and whether the token carries ActivityFeed.Read — learnt by listing one hour of Audit.General
 * content. "No subscription" (AF20022) comes after the permission check, so it proves access.
 */
const listSchema = z.array(z.looseObject({ contentType: z.string(), status: z.string() }));
const NO_SUBSCRIPTION = /AF20022/;

export async function probeManagementApi(call: CallApi, mgmt: string | null, tenantId: string, now: Date): Promise<Probe<MgmtFacts>> {
  if (!mgmt) return notInCloud('The Management Activity API of this cloud is not known.');
  const root = `${mgmt}/api/v1.0/${encodeURIComponent(tenantId)}/activity/feed`;
  const publisher = `PublisherIdentifier=${encodeURIComponent(tenantId)}`;
  const evidence: Evidence[] = [];

  const listRaw = await call({ resource: 'mgmt', method: 'GET', url: `${root}/subscriptions/list?${publisher}` });
  const list = success(listRaw);
  if (!list) return notOk(listRaw, 'subscriptions/list');
  const parsed = listSchema.safeParse(list.json);
  if (!parsed.success) return { outcome: 'failed', reason: 'subscriptions/list: unexpected answer', evidence: [list.evidence('unexpected body shape')] };
  const subscriptions = parsed.data.map((s) => ({ contentType: s.contentType, status: s.status }));
  evidence.push(list.evidence(subscriptions.length ? subscriptions.map((s) => `${s.contentType} ${s.status}`).join(', ') : 'no content subscription started'));

  const fmt = (d: Date) => d.toISOString().slice(0, 19);
  const start = fmt(new Date(now.getTime() - 3_600_000));
  const probe = await call({
    resource: 'mgmt',
    method: 'GET',
    url: `${root}/subscriptions/content?contentType=Audit.General&startTime=${start}&endTime=${fmt(now)}&${publisher}`,
  });
  if (success(probe)) {
    evidence.push(probe.evidence('content listing permitted'));
    return okProbe({ subscriptions }, evidence);
  }
  if (probe.kind === 'http' && NO_SUBSCRIPTION.test(probe.text)) {
    evidence.push(probe.evidence('permitted; Audit.General has no running subscription (AF20022)'));
    return okProbe({ subscriptions }, evidence);
  }
  return after(evidence, notOk(probe, 'subscriptions/content'));
}
