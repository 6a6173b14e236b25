/**
 * Azure DevOps audit log entries (DecoratedAuditLogEntry) and everyday DevOps activity:
 * pipeline runs using service connections, pipeline edits, personal access tokens, permission
 * and membership changes. Each entry names the organisation whose audit log it belongs to.
 */
import { clientStrings } from './catalog.js';
import type { DevOpsOrgAsset, DevOpsProjectAsset } from './assets.js';
import type { GenerationContext } from './context.js';
import { cutoffFor, perDayAtScale1, TENANT_UTC_OFFSET } from './context.js';
import { weightedTable } from './prng.js';
import type { Rng } from './prng.js';
import { devopsTime } from './time-format.js';
import type { DevOpsAuditEntry, SimUser } from './types.js';
import { forEachDay } from './volume.js';

const MAX_TICKS = 3155378975999999999n;
const EPOCH_TICKS = 621355968000000000n;
/** Host id Azure DevOps writes in the middle of entry ids. */
const HOST_ID = '00000064-0000-8888-8000-000000000000';

export interface DevOpsEntryInput {
  ms: number;
  org: DevOpsOrgAsset;
  project: DevOpsProjectAsset | null;
  actor: SimUser;
  ip: string;
  userAgent: string;
  actionId: string;
  area: string;
  category: DevOpsAuditEntry['category'];
  details: string;
  data: Record<string, unknown>;
}

const categoryNames: Record<DevOpsAuditEntry['category'], string> = {
  unknown: 'Unknown', modify: 'Modify', remove: 'Remove', create: 'Create', access: 'Access', execute: 'Execute',
};

export function buildDevOpsEntry(rng: Rng, p: DevOpsEntryInput): DevOpsAuditEntry {
  const correlationId = rng.guid();
  const ticks = BigInt(p.ms) * 10000n + EPOCH_TICKS + BigInt(rng.int(10000));
  return {
    id: `${MAX_TICKS - ticks};${HOST_ID};${correlationId}`,
    correlationId,
    activityId: rng.guid(),
    actorCUID: p.actor.id,
    actorUserId: p.actor.id,
    actorClientId: '00000000-0000-0000-0000-000000000000',
    actorUPN: p.actor.userPrincipalName,
    actorDisplayName: p.actor.displayName,
    actorImageUrl: `https://dev.azure.com/${p.org.name}/_apis/GraphProfile/MemberAvatars/aad.${Buffer.from(p.actor.id).toString('base64').slice(0, 48)}`,
    authenticationMechanism: p.userAgent.startsWith('git/') ? 'PAT' : 'AAD_Cookie',
    timestamp: devopsTime(p.ms, rng.int(10000)),
    scopeType: p.project ? 'project' : 'organization',
    scopeDisplayName: p.project ? `${p.project.name} (Project)` : `${p.org.name} (Organization)`,
    scopeId: p.project ? p.project.id : p.org.scopeId,
    projectId: p.project ? p.project.id : null,
    projectName: p.project ? p.project.name : null,
    ipAddress: p.ip,
    userAgent: p.userAgent,
    actionId: p.actionId,
    data: p.data,
    details: p.details,
    area: p.area,
    category: p.category,
    categoryDisplayName: categoryNames[p.category],
    organization: p.org.name,
  };
}

type Kind = 'serviceConnectionUsed' | 'pipelineModified' | 'patCreated' | 'patUpdated' | 'groupAdd' | 'permission' | 'repoPolicyBypass' | 'release' | 'auditAccess';

const kinds = weightedTable<Kind>([
  ['serviceConnectionUsed', 40], ['pipelineModified', 14], ['patCreated', 4], ['patUpdated', 3], ['groupAdd', 4], ['permission', 3],
  ['repoPolicyBypass', 1], ['release', 20], ['auditAccess', 1],
]);

export const patScopes = ['vso.code_write vso.build_execute', 'vso.packaging', 'vso.work_write', 'vso.code'] as const;

function build(ctx: GenerationContext, rng: Rng, ms: number, kind: Kind): DevOpsAuditEntry {
  const engineers = ctx.population.active.filter((u) => u.department === 'Engineering' || u.department === 'IT');
  const actor = engineers.length > 0 ? rng.pick(engineers) : ctx.population.key.itAdmin;
  const org = rng.chance(0.85) ? ctx.assets.devopsOrgs[0]! : rng.pick(ctx.assets.devopsOrgs);
  const project = rng.pick(org.projects);
  const ip = actor.homeIps[rng.chance(0.7) ? 0 : 1]!;
  const web = { ms, org, actor, ip, userAgent: actor.device.userAgent };
  const pipeline = rng.pick(project.pipelines);
  switch (kind) {
    case 'serviceConnectionUsed':
      return buildDevOpsEntry(rng, { ...web, project, userAgent: 'VSServices/19.250.35822.1 (NetStandard; Linux 5.15.0.1079.azure)', actionId: 'Library.ServiceConnectionExecuted', area: 'Library', category: 'execute',
        details: `Service Connection "azure-${project.name.toLowerCase()}" of type azurerm executed in project ${project.name}.`,
        data: { ConnectionId: rng.guid(), ConnectionName: `azure-${project.name.toLowerCase()}`, ConnectionType: 'azurerm', PlanType: 'Build', DefinitionId: String(pipeline.id), OwnerName: pipeline.name, ProjectName: project.name } });
    case 'pipelineModified':
      return buildDevOpsEntry(rng, { ...web, project, actionId: 'Pipelines.PipelineModified', area: 'Pipelines', category: 'modify',
        details: `Pipeline ${pipeline.name} modified in project ${project.name}.`,
        data: { ProjectName: project.name, PipelineId: pipeline.id, PipelineName: pipeline.name, PipelineRevision: 10 + rng.int(90), PipelineScope: 'project' } });
    case 'patCreated':
    case 'patUpdated': {
      const scope = rng.pick(patScopes);
      return buildDevOpsEntry(rng, { ...web, project: null, actionId: kind === 'patCreated' ? 'Token.PatCreateEvent' : 'Token.PatUpdateEvent', area: 'Token', category: kind === 'patCreated' ? 'create' : 'modify',
        details: kind === 'patCreated' ? `Personal Access Token "${actor.givenName.toLowerCase()}-dev" was created.` : `Personal Access Token "${actor.givenName.toLowerCase()}-dev" was updated.`,
        data: { DisplayName: `${actor.givenName.toLowerCase()}-dev`, Scopes: scope, ValidTo: new Date(ms + 30 * 86_400_000).toISOString(), OperationType: kind === 'patCreated' ? 'Create' : 'Update' } });
    }
    case 'groupAdd': {
      const member = rng.pick(ctx.population.active);
      return buildDevOpsEntry(rng, { ...web, project, actionId: 'Group.UpdateGroupMembership.Add', area: 'Group', category: 'modify',
        details: `Added ${member.displayName} to group [${project.name}]\\Contributors.`,
        data: { GroupName: `[${project.name}]\\Contributors`, MemberDisplayName: member.displayName, MemberId: member.id } });
    }
    case 'permission':
      return buildDevOpsEntry(rng, { ...web, project, actionId: 'Security.ModifyPermission', area: 'Permissions', category: 'modify',
        details: `Permission "Contribute" was set to Allow for [${project.name}]\\Contributors in repository ${rng.pick(project.repos).name}.`,
        data: { NamespaceName: 'Git Repositories', ChangedPermission: 'Contribute', PermissionModifiedTo: 'Allow', SubjectDisplayName: `[${project.name}]\\Contributors` } });
    case 'repoPolicyBypass': {
      const repo = rng.pick(project.repos);
      return buildDevOpsEntry(rng, { ...web, project, userAgent: clientStrings.gitClient, actionId: 'Git.RefUpdatePoliciesBypassed', area: 'Git', category: 'modify',
        details: `Policies on "refs/heads/main" were bypassed in "${repo.name}" repository in "${project.name}".`,
        data: { RepoId: repo.id, RepoName: repo.name, ProjectName: project.name, BranchName: 'refs/heads/main' } });
    }
    case 'release':
      return buildDevOpsEntry(rng, { ...web, project, actionId: 'Release.DeploymentCompleted', area: 'Release', category: 'execute',
        details: `Deployment of release ${pipeline.name}-${100 + rng.int(900)} to stage Production completed in project ${project.name}.`,
        data: { PipelineName: pipeline.name, StageName: 'Production', DeploymentResult: 'Succeeded', ProjectName: project.name } });
    case 'auditAccess':
      return buildDevOpsEntry(rng, { ...web, project: null, actionId: 'AuditLog.AccessLog', area: 'Auditing', category: 'access',
        details: 'Accessed the audit log', data: { EventSummary: [new Date(ms).toISOString()] } });
  }
}

/** Benign DevOps audit entries of the whole history window, sorted by timestamp. */
export function generateDevOpsBackground(ctx: GenerationContext): DevOpsAuditEntry[] {
  const out: DevOpsAuditEntry[] = [];
  forEachDay(
    {
      seed: ctx.seed, source: 'devopsAudit', anchorMs: ctx.anchorMs, days: ctx.days, cutoffMs: cutoffFor(ctx, 'devopsAudit'),
      perDay: perDayAtScale1.devopsAudit * ctx.scale, utcOffset: TENANT_UTC_OFFSET,
    },
    (rng, slots) => {
      for (const slot of slots) for (let i = 0; i < slot.times.length; i++) out.push(build(ctx, rng, slot.times[i]!, kinds[rng.int(kinds.length)]!));
    },
  );
  return out;
}
