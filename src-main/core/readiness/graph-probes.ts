import { z } from 'zod';
import type { Evidence } from '../../../src-shared/domain/readiness.js';
import type { CallApi } from './api-caller.js';
import type { DirectoryRole, LicenceFacts, Probe } from './facts.js';
import { notInCloud, notOk, okProbe, success } from './probe-helpers.js';

/**
 * Graph reads for readiness (Microsoft API notes §8): licences from subscribedSkus, the signed-in
 * account's directory roles, and one-record reads of sign-ins, directory audits and audit-log
 * queries — harmless calls whose answers show whether this account may read them.
 */
const MAX_PAGES = 10;

const skuSchema = z.looseObject({
  skuPartNumber: z.string(),
  capabilityStatus: z.string().optional(),
  prepaidUnits: z.looseObject({ enabled: z.number().optional() }).optional(),
  servicePlans: z.array(z.looseObject({ servicePlanName: z.string(), provisioningStatus: z.string().optional() })).default([]),
});
const page = <T extends z.ZodType>(item: T) => z.looseObject({ value: z.array(item), '@odata.nextLink': z.string().optional() });
const roleSchema = z.looseObject({ displayName: z.string().nullable().optional(), roleTemplateId: z.string() });

/** Follows `@odata.nextLink` pages; returns the items or the failing probe. */
async function readAll<T extends z.ZodType>(call: CallApi, url: string, item: T, what: string): Promise<{ items: z.infer<T>[]; evidence: Evidence[] } | Probe<never>> {
  const items: z.infer<T>[] = [];
  const evidence: Evidence[] = [];
  let next: string | undefined = url;
  for (let i = 0; next && i < MAX_PAGES; i++) {
    const raw = await call({ resource: 'graph', method: 'GET', url: next });
    const answer = success(raw);
    if (!answer) return notOk(raw, what);
    const parsed = page(item).safeParse(answer.json);
    if (!parsed.success) return { outcome: 'failed', reason: `${what}: unexpected answer`, evidence: [...evidence, answer.evidence('unexpected body shape')] };
    items.push(...parsed.data.value);
    evidence.push(answer.evidence(`${parsed.data.value.length} item(s)${parsed.data['@odata.nextLink'] ? ', more pages' : ''}`));
    next = parsed.data['@odata.nextLink'];
  }
  return { items, evidence };
}

const hasPlan = (skus: z.infer<typeof skuSchema>[], names: string[]) =>
  skus.some((s) => s.servicePlans.some((p) => names.includes(p.servicePlanName) && (p.provisioningStatus ?? 'Success') !== 'Disabled'));

export async function probeLicences(call: CallApi, graph: string): Promise<Probe<LicenceFacts>> {
  const result = await readAll(call, `${graph}/v1.0/subscribedSkus?$select=skuPartNumber,capabilityStatus,prepaidUnits,servicePlans`, skuSchema, 'subscribedSkus');
  if ('outcome' in result) return result;
  // Bundles carry the plans, so capabilities are matched on service plans of enabled SKUs with seats.
  const enabled = result.items.filter((s) => (s.capabilityStatus ?? 'Enabled') === 'Enabled' && (s.prepaidUnits?.enabled ?? 1) > 0);
  const facts: LicenceFacts = {
    skus: enabled.map((s) => s.skuPartNumber),
    entraP1: hasPlan(enabled, ['AAD_PREMIUM', 'AAD_PREMIUM_P2']),
    entraP2: hasPlan(enabled, ['AAD_PREMIUM_P2']),
    auditPremium: hasPlan(enabled, ['M365_ADVANCED_AUDITING']),
    exchange: hasPlan(enabled, ['EXCHANGE_S_STANDARD', 'EXCHANGE_S_ENTERPRISE', 'EXCHANGE_S_DESKLESS', 'EXCHANGE_S_ESSENTIALS']),
    defenderO365: hasPlan(enabled, ['ATP_ENTERPRISE', 'THREAT_INTELLIGENCE']),
  };
  const evidence = result.evidence.map((e, i) => (i === result.evidence.length - 1 ? { ...e, answer: `${e.answer}; enabled SKUs: ${facts.skus.join(', ') || 'none'}` } : e));
  return okProbe(facts, evidence);
}

export async function probeDirectoryRoles(call: CallApi, graph: string): Promise<Probe<DirectoryRole[]>> {
  const result = await readAll(call, `${graph}/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=id,displayName,roleTemplateId`, roleSchema, 'directory roles');
  if ('outcome' in result) return result;
  const roles = result.items.map((r) => ({ displayName: r.displayName ?? r.roleTemplateId, roleTemplateId: r.roleTemplateId.toLowerCase() }));
  const evidence = result.evidence.map((e, i) =>
    i === result.evidence.length - 1 ? { ...e, answer: `${e.answer}; roles: ${roles.map((r) => r.displayName).join(', ') || 'none'}` } : e,
  );
  return okProbe(roles, evidence);
}

const NON_PREMIUM = /RequestFromNonPremiumTenant|premium licen[cs]e/i;

/** Reads one record of a report; the answer shows licence and permission as Graph applies them. */
export async function probeReportRead(call: CallApi, graph: string, report: 'signIns' | 'directoryAudits'): Promise<Probe<null>> {
  const raw = await call({ resource: 'graph', method: 'GET', url: `${graph}/v1.0/auditLogs/${report}?$top=1` });
  const answer = success(raw);
  if (!answer) return notOk(raw, `auditLogs/${report}`, (text) => NON_PREMIUM.test(text));
  const count = z.looseObject({ value: z.array(z.unknown()) }).safeParse(answer.json);
  return okProbe(null, [answer.evidence(count.success ? `readable (${count.data.value.length} record returned for $top=1)` : 'readable')]);
}

/** Lists audit-log queries: needs AuditLogsQuery.Read.All and Purview audit read rights. */
export async function probeAuditQuery(call: CallApi, graph: string, available: boolean): Promise<Probe<null>> {
  if (!available) return notInCloud('Graph audit log queries exist in the global cloud only.');
  const raw = await call({ resource: 'graph', method: 'GET', url: `${graph}/v1.0/security/auditLog/queries` });
  const answer = success(raw);
  if (!answer) return notOk(raw, 'security/auditLog/queries');
  return okProbe(null, [answer.evidence('readable: the account may create and read audit log queries')]);
}
