import { z } from 'zod';
import type { Evidence } from '../../../src-shared/domain/readiness.js';
import type { CallApi } from './api-caller.js';
import type { ExoFacts, Probe, ProbeFailure } from './facts.js';
import { notInCloud, notOk, okProbe, success } from './probe-helpers.js';

/**
 * Exchange Online through the admin API's InvokeCommand (Microsoft API notes §4.2, §4.3): the
 * audit configuration cmdlets and a one-record audit search. A cmdlet the account holds no
 * role for is "not recognized" in its session: that text is a refusal, not a failure.
 */
export interface ExoTarget {
  exo: string | null;
  tenantId: string;
  upn: string;
  now: Date;
}

const rowsSchema = z.looseObject({
  value: z.array(z.record(z.string(), z.unknown())).default([]),
  '@odata.nextLink': z.string().optional(),
  '@adminapi.warnings': z.array(z.string()).optional(),
});
const NOT_PERMITTED = /is not recognized as (the|a) name of a cmdlet|doesn't have permission|does not have permission|access (is )?denied|not authorized/i;
const MAX_PAGES = 20;

type Rows = { rows: Record<string, unknown>[]; warnings: string[]; evidence: Evidence[] };

async function invoke(call: CallApi, t: ExoTarget & { exo: string }, cmdlet: string, parameters: Record<string, unknown>): Promise<Rows | ProbeFailure> {
  const url = `${t.exo}/adminapi/beta/${encodeURIComponent(t.tenantId)}/InvokeCommand`;
  const body = { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } };
  const shown = `${cmdlet}${Object.entries(parameters).map(([k, v]) => ` -${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('')}`;
  // X-AnchorMailbox routes the call to the signed-in admin's mailbox server, as the module does.
  const headers = { 'x-anchormailbox': `UPN:${t.upn}`, prefer: 'odata.maxpagesize=1000', 'x-cmdletname': cmdlet };
  const result: Rows = { rows: [], warnings: [], evidence: [] };
  let next: string | undefined = url;
  for (let i = 0; next && i < MAX_PAGES; i++) {
    const raw = await call({ resource: 'exo', method: 'POST', url: next, body, headers, cmdlet: shown });
    const answer = success(raw);
    if (!answer) {
      const failed = notOk(raw, cmdlet);
      if (failed.outcome === 'failed' && raw.kind === 'http' && NOT_PERMITTED.test(failed.reason)) {
        return { ...failed, outcome: 'denied', reason: failed.reason.replace(/^.*?HTTP \d+ /, '') };
      }
      return failed;
    }
    const parsed = rowsSchema.safeParse(answer.json);
    if (!parsed.success) return { outcome: 'failed', reason: `${cmdlet}: unexpected answer`, evidence: [...result.evidence, answer.evidence('unexpected body shape')] };
    result.rows.push(...parsed.data.value);
    result.warnings.push(...(parsed.data['@adminapi.warnings'] ?? []));
    result.evidence.push(answer.evidence(`${parsed.data.value.length} row(s)`));
    // The admin API pages by posting the same body to the next link.
    next = parsed.data['@odata.nextLink'];
  }
  return result;
}

const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : typeof v === 'string' ? (/^true$/i.test(v) ? true : /^false$/i.test(v) ? false : null) : null);

function annotate(evidence: Evidence[], answer: string): Evidence[] {
  return evidence.map((e, i) => (i === evidence.length - 1 ? { ...e, answer: `${e.answer}: ${answer}` } : e));
}

export async function probeExchange(call: CallApi, target: ExoTarget): Promise<ExoFacts> {
  if (!target.exo) {
    const none = notInCloud('Exchange Online is not offered in this cloud.');
    return { auditSearch: none, ingestion: none, orgAudit: none, bypass: none };
  }
  const t = { ...target, exo: target.exo };
  const hourAgo = new Date(target.now.getTime() - 3_600_000).toISOString();

  const [search, config, org, bypass] = await Promise.all([
    invoke(call, t, 'Search-UnifiedAuditLog', { StartDate: hourAgo, EndDate: target.now.toISOString(), ResultSize: 1 }),
    invoke(call, t, 'Get-AdminAuditLogConfig', {}),
    invoke(call, t, 'Get-OrganizationConfig', {}),
    invoke(call, t, 'Get-MailboxAuditBypassAssociation', { ResultSize: 'Unlimited' }),
  ]);

  const auditSearch: Probe<{ warnings: string[] }> =
    'outcome' in search ? search : okProbe({ warnings: search.warnings }, annotate(search.evidence, `search permitted (${search.rows.length} record in the last hour)`));

  let ingestion: Probe<{ enabled: boolean | null }>;
  if ('outcome' in config) ingestion = config;
  else {
    const enabled = bool(config.rows[0]?.['UnifiedAuditLogIngestionEnabled']);
    ingestion = okProbe({ enabled }, annotate(config.evidence, `UnifiedAuditLogIngestionEnabled = ${enabled === null ? 'absent' : String(enabled)}`));
  }

  let orgAudit: Probe<{ auditDisabled: boolean | null }>;
  if ('outcome' in org) orgAudit = org;
  else {
    const auditDisabled = bool(org.rows[0]?.['AuditDisabled']);
    orgAudit = okProbe({ auditDisabled }, annotate(org.evidence, `AuditDisabled = ${auditDisabled === null ? 'absent' : String(auditDisabled)}`));
  }

  let bypassProbe: Probe<{ bypassed: string[] }>;
  if ('outcome' in bypass) bypassProbe = bypass;
  else {
    const bypassed = bypass.rows
      .filter((r) => bool(r['AuditBypassEnabled']) === true)
      .map((r) => String(r['Identity'] ?? r['Name'] ?? '(unnamed)'));
    bypassProbe = okProbe({ bypassed }, annotate(bypass.evidence, bypassed.length ? `audit bypassed for ${bypassed.join(', ')}` : 'no mailbox bypasses auditing'));
  }
  return { auditSearch, ingestion, orgAudit, bypass: bypassProbe };
}
