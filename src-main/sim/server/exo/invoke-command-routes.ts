import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { headerValue, json, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import type { SimApiContext } from '../sim-context.js';
import type { UalStore } from '../ual/ual-store.js';
import { exoCmdletError } from './exo-errors.js';
import { effectiveExoRoles, permittedCmdlet } from './exo-rbac.js';
import { readinessCmdlets } from './readiness-cmdlets.js';
import { CmdletError, createUnifiedAuditSearch } from './unified-audit-search.js';

/**
 * `POST /adminapi/beta/{tenant}/InvokeCommand` — the Exchange Online PowerShell v3 REST transport.
 * One route, dispatched on `CmdletInput.CmdletName`. Results larger than the client's
 * `Prefer: odata.maxpagesize` are split with `@odata.nextLink`; the client posts the same body to
 * that link (the cmdlet is not run again). Cmdlet failures are 400s whose
 * `error.details[0].message` carries the PowerShell error text.
 */
const invokeBody = z.object({
  CmdletInput: z.object({
    CmdletName: z.string().min(1),
    Parameters: z.record(z.string(), z.unknown()).default({}),
  }),
});

interface PendingResult {
  rows: Record<string, unknown>[];
  pageSize: number;
  tenant: string;
}

export function invokeCommandRoutes(ctx: SimApiContext, store: UalStore): Route[] {
  const search = createUnifiedAuditSearch(ctx, store);
  const readiness = readinessCmdlets(ctx.dataset);
  const pending = new Map<string, PendingResult>();

  const page = (req: SimRequest, tenant: string, rows: Record<string, unknown>[], offset: number, pageSize: number, resultId: string): SimResponse => {
    const slice = rows.slice(offset, offset + pageSize);
    const body: Record<string, unknown> = {
      '@odata.context': `${req.mountBase}/adminapi/beta/${tenant}/$metadata#Collection(Exchange.GenericHashTable)`,
      'adminapi.warnings@odata.type': '#Collection(String)',
      '@adminapi.warnings': [],
      value: slice,
    };
    if (offset + pageSize < rows.length) {
      body['@odata.nextLink'] = `${req.mountBase}/adminapi/beta/${tenant}/InvokeCommand?%24skiptoken=${resultId}.${offset + pageSize}`;
    } else {
      pending.delete(resultId);
    }
    return json(200, body, { 'request-id': req.requestId });
  };

  const invoke = (req: SimRequest): SimResponse => {
    const tenant = req.params['tenant'] ?? '';
    const auth = req.auth;
    const tenantNames = [ctx.tenantId, ...ctx.dataset.tenant.domains].map((d) => d.toLowerCase());
    if (!auth || !tenantNames.includes(tenant.toLowerCase()) || auth.tenantId !== ctx.tenantId) {
      return exoCmdletError(404, `The tenant '${tenant}' could not be found or does not match the token.`, req, 'NotFound');
    }

    const skipToken = req.url.searchParams.get('$skiptoken');
    if (skipToken !== null) {
      const [resultId, offsetText] = skipToken.split('.');
      const result = pending.get(resultId ?? '');
      const offset = Number(offsetText);
      if (!result || !Number.isInteger(offset) || offset < 0) return exoCmdletError(400, 'The skip token is invalid or has expired. Run the command again.', req);
      return page(req, tenant, result.rows, offset, result.pageSize, resultId as string);
    }

    let parsedBody: unknown;
    try {
      parsedBody = JSON.parse(req.body);
    } catch {
      return exoCmdletError(400, 'The request body is not valid JSON.', req);
    }
    const body = invokeBody.safeParse(parsedBody);
    if (!body.success) return exoCmdletError(400, "The request body must be {\"CmdletInput\":{\"CmdletName\":...,\"Parameters\":{...}}}.", req);
    const { CmdletName: name, Parameters: params } = body.data.CmdletInput;

    const roles = effectiveExoRoles(ctx.profile.exoRoles, auth.roleTemplateIds);
    const cmdlet = permittedCmdlet(name, roles);
    if (!cmdlet) {
      // RBAC hides cmdlets the caller holds no role for: they are "not recognized", not "denied".
      return exoCmdletError(400, `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`, req);
    }

    let rows: Record<string, unknown>[];
    try {
      rows = cmdlet === 'Search-UnifiedAuditLog' ? search.run(params, req.exoGlitch) : (readiness[cmdlet] as (p: Record<string, unknown>, upn: string) => Record<string, unknown>[])(params, auth.upn);
    } catch (error) {
      if (error instanceof CmdletError) return exoCmdletError(400, error.message, req);
      throw error;
    }

    const pageSize = maxPageSize(req) ?? rows.length;
    if (rows.length <= pageSize || pageSize <= 0) return page(req, tenant, rows, 0, Math.max(rows.length, 1), 'none');
    const resultId = randomBytes(12).toString('base64url');
    pending.set(resultId, { rows, pageSize, tenant });
    if (pending.size > 200) pending.delete(pending.keys().next().value as string);
    return page(req, tenant, rows, 0, pageSize, resultId);
  };

  return [{ method: 'POST', pattern: '/adminapi/beta/:tenant/InvokeCommand', handler: invoke }];
}

/** `Prefer: odata.maxpagesize=N` (the module also sends it as `X-Prefer`). */
function maxPageSize(req: SimRequest): number | null {
  const prefer = `${headerValue(req.headers, 'prefer') ?? ''},${headerValue(req.headers, 'x-prefer') ?? ''}`;
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer);
  return match ? Number(match[1]) : null;
}
