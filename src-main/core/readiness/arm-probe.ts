import { z } from 'zod';
import type { Evidence } from '../../../src-shared/domain/readiness.js';
import type { CallApi } from './api-caller.js';
import type { ArmSubscriptionAccess, Probe } from './facts.js';
import { notInCloud, notOk, okProbe, success } from './probe-helpers.js';

/**
 * Azure: which subscriptions the account sees, and on each whether its role assignments allow
 * reading the Activity Log (Microsoft API notes §6.3): an action is allowed when one permission
 * entry's `actions` match it and the same entry's `notActions` do not.
 */
export const READ_ACTIVITY_ACTION = 'Microsoft.Insights/eventtypes/values/read';
const MAX_SUBSCRIPTIONS = 100;
const CONCURRENCY = 4;

const subscriptionsSchema = z.looseObject({
  value: z.array(z.looseObject({ subscriptionId: z.string(), displayName: z.string().optional(), state: z.string().optional() })),
  nextLink: z.string().nullable().optional(),
});
const permissionsSchema = z.looseObject({
  value: z.array(z.looseObject({ actions: z.array(z.string()).default([]), notActions: z.array(z.string()).default([]) })),
});

/** ARM action wildcards: `*` matches any run of characters, comparison ignores case. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 'i');
  return regex.test(action);
}

export function allows(entries: { actions: string[]; notActions: string[] }[], action: string): boolean {
  return entries.some((e) => e.actions.some((a) => actionMatches(a, action)) && !e.notActions.some((n) => actionMatches(n, action)));
}

export async function probeAzure(call: CallApi, arm: string | null): Promise<Probe<ArmSubscriptionAccess[]>> {
  if (!arm) return notInCloud('Azure Resource Manager is not offered in this cloud.');
  const evidence: Evidence[] = [];
  const subscriptions: z.infer<typeof subscriptionsSchema>['value'] = [];
  let next: string | null | undefined = `${arm}/subscriptions?api-version=2022-12-01`;
  while (next && subscriptions.length < MAX_SUBSCRIPTIONS) {
    const raw = await call({ resource: 'arm', method: 'GET', url: next });
    const answer = success(raw);
    if (!answer) return notOk(raw, 'list subscriptions');
    const parsed = subscriptionsSchema.safeParse(answer.json);
    if (!parsed.success) return { outcome: 'failed', reason: 'list subscriptions: unexpected answer', evidence: [...evidence, answer.evidence('unexpected body shape')] };
    subscriptions.push(...parsed.data.value);
    evidence.push(answer.evidence(`${parsed.data.value.length} subscription(s) visible`));
    next = parsed.data.nextLink;
  }

  const results: ArmSubscriptionAccess[] = [];
  const queue = subscriptions.filter((s) => (s.state ?? 'Enabled') !== 'Disabled');
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const name = s.displayName ?? s.subscriptionId;
      const raw = await call({
        resource: 'arm',
        method: 'GET',
        url: `${arm}/subscriptions/${encodeURIComponent(s.subscriptionId)}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`,
      });
      const answer = success(raw);
      const parsed = answer ? permissionsSchema.safeParse(answer.json) : null;
      if (!answer || !parsed?.success) {
        // 403 here means no role that may even list permissions: no read of the log either.
        const failed = notOk(raw, `permissions of ${name}`);
        evidence.push(...failed.evidence);
        results.push({ subscriptionId: s.subscriptionId, displayName: name, canReadActivity: failed.outcome === 'denied' ? false : null });
        continue;
      }
      const can = allows(parsed.data.value, READ_ACTIVITY_ACTION);
      evidence.push(answer.evidence(`${name}: ${READ_ACTIVITY_ACTION} ${can ? 'allowed' : 'not allowed'}`));
      results.push({ subscriptionId: s.subscriptionId, displayName: name, canReadActivity: can });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  results.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return okProbe(results, evidence);
}
