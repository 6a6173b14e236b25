/**
 * Everyday Azure control-plane activity: Terraform deployments, administrators restarting and
 * resizing things, engineers starting and stopping their dev VMs, and the odd benign role
 * assignment (the look-alike of the intrusion's privilege grant).
 */
import { apps } from './catalog.js';
import type { GenerationContext } from './context.js';
import { cutoffFor, perDayAtScale1, TENANT_UTC_OFFSET } from './context.js';
import { buildArmOperation, roleAssignmentRequestBody, roleDefinitions } from './azure-activity-builder.js';
import type { ArmCaller, ArmOperationInput } from './azure-activity-builder.js';
import { weightedTable } from './prng.js';
import type { Rng } from './prng.js';
import type { AzureResource } from './assets.js';
import type { ArmActivityEvent } from './types.js';
import { forEachDay } from './volume.js';

interface OperationSpec {
  type: string;
  verb: string;
  localized: string;
  method: ArmOperationInput['method'];
  status: ArmOperationInput['statusCode'];
}

const operations = weightedTable<OperationSpec>([
  [{ type: 'sites', verb: 'restart/action', localized: 'Restart Web App', method: 'POST', status: 'OK' }, 8],
  [{ type: 'sites', verb: 'write', localized: 'Create or Update Web App', method: 'PUT', status: 'OK' }, 10],
  [{ type: 'storageAccounts', verb: 'write', localized: 'Create/Update Storage Account', method: 'PUT', status: 'OK' }, 8],
  [{ type: 'storageAccounts', verb: 'listKeys/action', localized: 'List Storage Account Keys', method: 'POST', status: 'OK' }, 6],
  [{ type: 'virtualMachines', verb: 'start/action', localized: 'Start Virtual Machine', method: 'POST', status: 'Accepted' }, 12],
  [{ type: 'virtualMachines', verb: 'deallocate/action', localized: 'Deallocate Virtual Machine', method: 'POST', status: 'Accepted' }, 12],
  [{ type: 'virtualMachines', verb: 'write', localized: 'Create or Update Virtual Machine', method: 'PUT', status: 'OK' }, 3],
  [{ type: 'vaults', verb: 'write', localized: 'Update Key Vault', method: 'PUT', status: 'OK' }, 3],
  [{ type: 'networkSecurityGroups', verb: 'write', localized: 'Create or Update Network Security Group', method: 'PUT', status: 'OK' }, 5],
  [{ type: 'deployments', verb: 'write', localized: 'Create Deployment', method: 'PUT', status: 'Created' }, 10],
  [{ type: 'roleAssignments', verb: 'write', localized: 'Create role assignment', method: 'PUT', status: 'Created' }, 0.6],
]);

function callerFor(ctx: GenerationContext, rng: Rng): ArmCaller {
  const { population, assets } = ctx;
  const roll = rng.next();
  if (roll < 0.4) {
    const tf = assets.internalApps.terraform;
    return { kind: 'servicePrincipal', objectId: tf.servicePrincipalId, appId: tf.appId, ip: `192.0.2.${240 + rng.int(10)}` };
  }
  const engineers = population.active.filter((u) => u.department === 'Engineering');
  const user = roll < 0.6 ? population.key.itAdmin : roll < 0.72 ? population.key.adminVictim : engineers.length > 0 ? rng.pick(engineers) : population.key.itAdmin;
  return { kind: 'user', user, ip: user.homeIps[rng.chance(0.7) ? 0 : 1]!, appId: rng.chance(0.6) ? apps.azurePortal.appId : apps.azureCli.appId };
}

function operationFor(ctx: GenerationContext, rng: Rng, ms: number): ArmOperationInput {
  const spec = operations[rng.int(operations.length)]!;
  const caller = callerFor(ctx, rng);
  const subscription = rng.pick(ctx.assets.subscriptions);
  const tenantId = ctx.population.tenant.id;
  const base = { startMs: ms, caller, tenantId, subscriptionId: subscription.subscriptionId, method: spec.method, statusCode: spec.status, durationMs: 1500 + rng.int(60000) };
  if (spec.type === 'deployments') {
    const group = rng.pick(subscription.resourceGroups);
    const name = `deploy-${rng.hex(8)}`;
    return { ...base, resourceGroup: group, resourceId: `/subscriptions/${subscription.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Resources/deployments/${name}`,
      operation: 'Microsoft.Resources/deployments/write', localizedOperation: spec.localized, extraProperties: {} };
  }
  if (spec.type === 'roleAssignments') {
    const engineer = rng.pick(ctx.population.active);
    const assignmentId = rng.guid();
    const scope = `/subscriptions/${subscription.subscriptionId}/resourceGroups/${subscription.resourceGroups[0]!}`;
    return { ...base, resourceGroup: subscription.resourceGroups[0]!, resourceId: `${scope}/providers/Microsoft.Authorization/roleAssignments/${assignmentId}`,
      operation: 'Microsoft.Authorization/roleAssignments/write', localizedOperation: spec.localized,
      extraProperties: { requestbody: roleAssignmentRequestBody(subscription.subscriptionId, assignmentId, engineer.id, 'User', roleDefinitions.reader, scope) } };
  }
  const candidates = subscription.resources.filter((r) => r.type === spec.type);
  const resource: AzureResource = rng.pick(candidates);
  return { ...base, resourceGroup: resource.resourceGroup, resourceId: resource.id, operation: `${resource.provider}/${resource.type}/${spec.verb}`, localizedOperation: spec.localized, extraProperties: {} };
}

/** Benign Activity Log events of the whole history window, sorted by eventTimestamp. */
export function generateAzureActivityBackground(ctx: GenerationContext): ArmActivityEvent[] {
  const events: ArmActivityEvent[] = [];
  forEachDay(
    {
      seed: ctx.seed, source: 'azureActivity', anchorMs: ctx.anchorMs, days: ctx.days, cutoffMs: cutoffFor(ctx, 'azureActivity'),
      // Every operation produces two events.
      perDay: (perDayAtScale1.azureActivity * ctx.scale) / 2, utcOffset: TENANT_UTC_OFFSET,
    },
    (rng, slots) => {
      for (const slot of slots) for (let i = 0; i < slot.times.length; i++) events.push(...buildArmOperation(rng, operationFor(ctx, rng, slot.times[i]!)));
    },
  );
  // The "Succeeded" half of an operation can land after later operations start.
  return events.sort((a, b) => (a.eventTimestamp < b.eventTimestamp ? -1 : a.eventTimestamp > b.eventTimestamp ? 1 : 0));
}
