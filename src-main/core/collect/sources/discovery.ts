import { z } from 'zod';
import type { ApiClient } from '../http/api-client.js';
import { armPages, shapeOf } from '../http/paging.js';

/**
 * What there is to collect beyond the tenant itself: the Azure subscriptions the account can read
 * (notes §6.1) and the Azure DevOps organisations it belongs to (notes §7.1).
 */
export const ARM_SUBSCRIPTIONS_API_VERSION = '2022-12-01';

const subscription = z.object({ subscriptionId: z.string().min(1), displayName: z.string().optional(), state: z.string().optional() }).loose();
const subscriptionPage = z.object({ value: z.array(subscription) }).loose();
const profile = z.object({ id: z.string().min(1) }).loose();
const accounts = z.object({ value: z.array(z.object({ accountName: z.string().min(1), accountStatus: z.string().optional() }).loose()) }).loose();

export interface SubscriptionInfo {
  subscriptionId: string;
  displayName: string | null;
  state: string | null;
}

export async function listSubscriptions(api: ApiClient, armBase: string, signal?: AbortSignal): Promise<SubscriptionInfo[]> {
  const url = `${armBase.replace(/\/$/, '')}/subscriptions?api-version=${ARM_SUBSCRIPTIONS_API_VERSION}`;
  const found: SubscriptionInfo[] = [];
  for await (const page of armPages(api, { service: 'arm', method: 'GET', url, ...(signal ? { signal } : {}) })) {
    for (const s of shapeOf(subscriptionPage, page, 'a subscription list').value) {
      found.push({ subscriptionId: s.subscriptionId, displayName: s.displayName ?? null, state: s.state ?? null });
    }
  }
  return found;
}

/** Organisation names (as used in `dev.azure.com/{organization}`) of the signed-in account. */
export async function listDevOpsOrganizations(api: ApiClient, vsspsBase: string, signal?: AbortSignal): Promise<string[]> {
  const base = vsspsBase.replace(/\/$/, '');
  const extra = signal ? { signal } : {};
  const me = shapeOf(profile, await api.request({ service: 'devops', method: 'GET', url: `${base}/_apis/profile/profiles/me?api-version=7.1-preview.3`, ...extra }), 'a profile');
  const page = await api.request({ service: 'devops', method: 'GET', url: `${base}/_apis/accounts?memberId=${encodeURIComponent(me.id)}&api-version=7.1-preview.1`, ...extra });
  return shapeOf(accounts, page, 'an account list')
    .value.filter((a) => (a.accountStatus ?? 'enabled').toLowerCase() === 'enabled')
    .map((a) => a.accountName);
}
