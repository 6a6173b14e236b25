/**
 * Intrusion, cloud phase: with the phished administrator's token the intruder makes the
 * backdoored internal app Owner of the production subscription and uses it to create a VM,
 * then creates a long-lived DevOps token and edits the infrastructure pipeline.
 */
import { apps, clientStrings } from './catalog.js';
import { buildArmOperation, roleAssignmentRequestBody, roleDefinitions } from './azure-activity-builder.js';
import { buildDevOpsEntry } from './devops-audit.js';
import { tag } from './intrusion-script.js';
import type { Script } from './intrusion-script.js';

/** Day 1, 03:30–03:50: Owner role for the backdoored app, then a VM in a new resource group. */
export function azureAbuse(s: Script): void {
  const { population, assets } = s.ctx;
  const a = population.key.adminVictim;
  const app = assets.internalApps.financeConnector;
  const sub = assets.subscriptions[0]!;
  const tenantId = population.tenant.id;
  const scope = `/subscriptions/${sub.subscriptionId}`;
  const assignmentId = s.rng.guid();
  const roleMs = s.at(1, 3, 30);
  const roleEvents = buildArmOperation(s.rng, {
    startMs: roleMs, caller: { kind: 'user', user: a, ip: s.operatorIp, appId: apps.azureCli.appId }, tenantId, subscriptionId: sub.subscriptionId,
    resourceGroup: '', resourceId: `${scope}/providers/Microsoft.Authorization/roleAssignments/${assignmentId}`,
    operation: 'Microsoft.Authorization/roleAssignments/write', localizedOperation: 'Create role assignment', method: 'PUT', statusCode: 'Created',
    extraProperties: { requestbody: roleAssignmentRequestBody(sub.subscriptionId, assignmentId, app.servicePrincipalId, 'ServicePrincipal', roleDefinitions.owner, scope) },
    durationMs: 2300,
  });
  for (const e of roleEvents) {
    tag(s.out.azureActivity, e, Date.parse(e.eventTimestamp), 'T1098.003',
      `Owner on subscription "${sub.displayName}" assigned to service principal "${app.displayName}" by ${a.userPrincipalName} from ${s.operatorIp}`);
  }
  const caller = { kind: 'servicePrincipal' as const, objectId: app.servicePrincipalId, appId: app.appId, ip: s.operatorIp };
  const group = 'rg-batch-processing';
  const groupMs = s.at(1, 3, 41);
  const groupEvents = buildArmOperation(s.rng, {
    startMs: groupMs, caller, tenantId, subscriptionId: sub.subscriptionId, resourceGroup: group, resourceId: `${scope}/resourceGroups/${group}`,
    operation: 'Microsoft.Resources/subscriptions/resourceGroups/write', localizedOperation: 'Update resource group', method: 'PUT', statusCode: 'Created',
    extraProperties: {}, durationMs: 1200,
  });
  for (const e of groupEvents) {
    tag(s.out.azureActivity, e, Date.parse(e.eventTimestamp), 'T1578.002', `Resource group "${group}" created by "${app.displayName}" from ${s.operatorIp}`);
  }
  const vmName = 'vm-batch-gpu01';
  const vmMs = s.at(1, 3, 44);
  const vmEvents = buildArmOperation(s.rng, {
    startMs: vmMs, caller, tenantId, subscriptionId: sub.subscriptionId, resourceGroup: group,
    resourceId: `${scope}/resourceGroups/${group}/providers/Microsoft.Compute/virtualMachines/${vmName}`,
    operation: 'Microsoft.Compute/virtualMachines/write', localizedOperation: 'Create or Update Virtual Machine', method: 'PUT', statusCode: 'Created',
    extraProperties: { responseBody: JSON.stringify({ name: vmName, location: 'westeurope', properties: { hardwareProfile: { vmSize: 'Standard_NC24ads_A100_v4' } } }) },
    durationMs: 95_000,
  });
  for (const e of vmEvents) {
    tag(s.out.azureActivity, e, Date.parse(e.eventTimestamp), 'T1578.002', `GPU virtual machine "${vmName}" created by "${app.displayName}" from ${s.operatorIp}`);
  }
}

/** Day 1, 04:10–04:20: a full-scope, year-long PAT and a modified infrastructure pipeline. */
export function devopsAbuse(s: Script): void {
  const a = s.ctx.population.key.adminVictim;
  const org = s.ctx.assets.devopsOrgs[0]!;
  const infra = org.projects.find((p) => p.name === 'Infrastructure') ?? org.projects[0]!;
  const patMs = s.at(1, 4, 10);
  tag(s.out.devopsAudit, buildDevOpsEntry(s.rng, {
    ms: patMs, org, project: null, actor: a, ip: s.operatorIp, userAgent: clientStrings.intruderBrowser, actionId: 'Token.PatCreateEvent', area: 'Token', category: 'create',
    details: 'Personal Access Token "build-cache-sync" was created.',
    data: { DisplayName: 'build-cache-sync', Scopes: 'app_token', ValidTo: new Date(patMs + 365 * 86_400_000).toISOString(), OperationType: 'Create' },
  }), patMs, 'T1098.001', `Full-scope personal access token "build-cache-sync" (one year) created for ${a.userPrincipalName} from ${s.operatorIp}`);
  const pipeline = infra.pipelines[infra.pipelines.length - 1]!;
  const pipeMs = s.at(1, 4, 20);
  tag(s.out.devopsAudit, buildDevOpsEntry(s.rng, {
    ms: pipeMs, org, project: infra, actor: a, ip: s.operatorIp, userAgent: clientStrings.intruderBrowser, actionId: 'Pipelines.PipelineModified', area: 'Pipelines', category: 'modify',
    details: `Pipeline ${pipeline.name} modified in project ${infra.name}.`,
    data: { ProjectName: infra.name, PipelineId: pipeline.id, PipelineName: pipeline.name, PipelineRevision: 57, PipelineScope: 'project' },
  }), pipeMs, 'T1195.002', `Pipeline "${pipeline.name}" (holds the production service connection) modified by ${a.userPrincipalName} from ${s.operatorIp}`);
}
