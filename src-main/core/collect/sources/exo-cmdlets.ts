import type { ApiClient } from '../http/api-client.js';
import { odataPages, type Pager } from '../http/paging.js';

/**
 * Exchange Online configuration cmdlets (Get-OrganizationConfig, Get-Mailbox, Get-InboxRule...)
 * through the same InvokeCommand transport as the audit search (notes §4.2, §4.3): one POST per
 * cmdlet run, its rows in `value`, and longer results split with `@odata.nextLink`, to which the
 * same body is posted again.
 */
export interface ExoCmdletTarget {
  /** Exchange admin API origin, e.g. `https://outlook.office365.com`. */
  exoBase: string;
  /** Tenant GUID or initial domain. */
  tenant: string;
  /** Signed-in admin's UPN for `X-AnchorMailbox` (routing), when known. */
  anchorUpn: string | null;
}

/** Rows per HTTP page: the module's own page size. */
export const EXO_CMDLET_PAGE_SIZE = 1000;

export function cmdletBody(cmdlet: string, parameters: Record<string, unknown>): string {
  return JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } });
}

export function cmdletPages(api: ApiClient, target: ExoCmdletTarget, cmdlet: string, parameters: Record<string, unknown>, signal?: AbortSignal): Pager {
  const url = `${target.exoBase.replace(/\/$/, '')}/adminapi/beta/${encodeURIComponent(target.tenant)}/InvokeCommand`;
  const headers: Record<string, string> = {
    prefer: `odata.maxpagesize=${EXO_CMDLET_PAGE_SIZE}`,
    'x-responseformat': 'json',
    'x-cmdletname': cmdlet,
    ...(target.anchorUpn ? { 'x-anchormailbox': `UPN:${target.anchorUpn}` } : {}),
  };
  return odataPages(api, { service: 'exo', method: 'POST', url, headers, body: cmdletBody(cmdlet, parameters), ...(signal ? { signal } : {}) });
}
