import { z } from 'zod';
import type { SimLimits } from '../options.js';
import type { PendingGrants } from './pending-grants.js';
import type { SimAccount, TokenService } from './token-service.js';

/** What the sign-in endpoints share. */
export interface StsContext {
  tenantId: string;
  /** Verified domain names that also address the tenant in an authority URL. */
  tenantDomains: string[];
  accounts: SimAccount[];
  /** `https://127.0.0.1:PORT` */
  loginBase: () => string;
  tokens: TokenService;
  /** Public signing keys (JWKS) for the discovery endpoint. */
  jwks: () => { keys: Record<string, unknown>[] };
  grants: PendingGrants;
  limits: SimLimits;
  autoApprove: boolean;
  now: () => Date;
}

/** Tenant segment of an authority: the tenant id, one of its domains, or a multi-tenant alias. */
export function resolvesToTenant(ctx: StsContext, segment: string): boolean {
  const s = segment.toLowerCase();
  return s === ctx.tenantId.toLowerCase() || s === 'organizations' || s === 'common' || ctx.tenantDomains.some((d) => d.toLowerCase() === s);
}

export const guidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

/** Parses an application/x-www-form-urlencoded body into a plain object (last value wins). */
export function formFields(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

export function findAccount(ctx: StsContext, id: string): SimAccount | undefined {
  return ctx.accounts.find((a) => a.id === id);
}
