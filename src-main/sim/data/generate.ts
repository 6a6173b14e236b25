/**
 * generateDataset: the simulated tenant for one seed, profile, history length, scale and anchor.
 *
 * Pure and deterministic — the same options give a byte-identical JSON.stringify of the result
 * (no clock, no Math.random; every random value comes from seeded streams). Benign background is
 * generated per source and per day, the scripted intrusion is merged in, and the profile decides
 * which records exist (licences, audit settings, bypass, retention).
 */
import { z } from 'zod';
import { getProfile, profileNames } from '../profiles.js';
import { buildAssets } from './assets.js';
import { generateAzureActivityBackground } from './azure-activity-background.js';
import type { GenerationContext } from './context.js';
import { cutoffFor } from './context.js';
import { generateDevOpsBackground } from './devops-audit.js';
import { generateDirectoryAuditBackground } from './directory-audit-background.js';
import { computeGroundTruth, recordId, recordTime } from './ground-truth.js';
import type { SourceRecord } from './ground-truth.js';
import { runIntrusion } from './intrusion.js';
import type { Tagged } from './intrusion.js';
import { buildPopulation } from './population.js';
import { createRng } from './prng.js';
import { generateSignInBackground } from './signin-background.js';
import { buildTenantConfig } from './tenant-config.js';
import type { GenerateOptions, GroundTruthRecord, SimDataset, SimProfile, SimSource, SuppressedRecord, UalAuditData } from './types.js';
import { generateUalBackground } from './ual-background.js';
import { ualVisibility } from './ual-visibility.js';

export const generateOptionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  profile: z.enum(profileNames as [SimProfile['name'], ...SimProfile['name'][]]),
  days: z.number().int().min(1).max(400),
  scale: z.number().positive().max(1000),
  anchor: z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid anchor date'),
});

/** Merges the sorted background with the (sorted) kept intrusion records of one source. */
function mergeSorted<T>(background: T[], extra: T[], time: (r: T) => string): T[] {
  if (extra.length === 0) return background;
  const out: T[] = new Array<T>(background.length + extra.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < background.length && j < extra.length) {
    out[k++] = time(extra[j]!) < time(background[i]!) ? extra[j++]! : background[i++]!;
  }
  while (i < background.length) out[k++] = background[i++]!;
  while (j < extra.length) out[k++] = extra[j++]!;
  return out;
}

interface Sorted<K extends SimSource> {
  kept: SourceRecord<K>[];
  truth: GroundTruthRecord[];
  suppressed: SuppressedRecord[];
}

/** Splits a source's intrusion records into kept and suppressed, recording ground truth for both. */
function triage<K extends SimSource>(
  ctx: GenerationContext,
  source: K,
  tagged: Tagged<SourceRecord<K>>[],
  hidden: (record: SourceRecord<K>) => SuppressedRecord['reason'] | null,
): Sorted<K> {
  const cutoff = cutoffFor(ctx, source);
  const out: Sorted<K> = { kept: [], truth: [], suppressed: [] };
  // UAL and sign-in times are written to the second; the ground truth uses the record's own time.
  const precision = source === 'ual' || source === 'signins' ? 1000 : 1;
  for (const t of tagged) {
    const time = new Date(Math.floor(t.ms / precision) * precision).toISOString();
    const entry = { source, id: recordId[source](t.record), time, technique: t.technique, description: t.description };
    const reason = t.ms < cutoff || t.ms >= ctx.anchorMs ? 'outside-history' : hidden(t.record);
    if (reason === null) {
      out.kept.push(t.record);
      out.truth.push(entry);
    } else {
      out.suppressed.push({ ...entry, reason });
    }
  }
  return out;
}

export function generateDataset(opts: GenerateOptions): SimDataset {
  const o = generateOptionsSchema.parse(opts);
  const profile = getProfile(o.profile);
  const anchorMs = o.anchor.getTime();
  const population = buildPopulation(o.seed, o.scale);
  const assets = buildAssets(o.seed, population);
  const ctx: GenerationContext = { seed: o.seed, profile, anchorMs, days: o.days, scale: o.scale, population, assets };
  const tenantId = population.tenant.id;

  const intrusion = runIntrusion(ctx);
  const visibility = ualVisibility(profile, [
    ...profile.bypassedMailboxes.map((upn) => ({ upn, fromMs: -Infinity })),
    intrusion.endState.bypass,
  ]);
  const never = (): null => null;

  const ualTriage = triage(ctx, 'ual', intrusion.records.ual, visibility);
  const signTriage = triage(ctx, 'signins', intrusion.records.signIns, never);
  const dirTriage = triage(ctx, 'directoryAudits', intrusion.records.directoryAudits, never);
  const armTriage = triage(ctx, 'azureActivity', intrusion.records.azureActivity, never);
  const devTriage = triage(ctx, 'devopsAudit', intrusion.records.devopsAudit, never);

  // With ingestion off nothing is written, so there is no background to generate either.
  const ualBackground: UalAuditData[] = profile.unifiedAuditLogIngestionEnabled ? generateUalBackground(ctx, (r) => visibility(r) === null) : [];
  const armBackground = generateAzureActivityBackground(ctx).filter((e) => Date.parse(e.eventTimestamp) < anchorMs);

  const partial = {
    seed: o.seed,
    anchor: o.anchor.toISOString(),
    ual: mergeSorted(ualBackground, ualTriage.kept, recordTime.ual),
    signIns: mergeSorted(generateSignInBackground(ctx), signTriage.kept, recordTime.signins),
    directoryAudits: mergeSorted(generateDirectoryAuditBackground(ctx), dirTriage.kept, recordTime.directoryAudits),
    azure: {
      subscriptions: assets.subscriptions.map((s) => ({
        id: `/subscriptions/${s.subscriptionId}`, subscriptionId: s.subscriptionId, tenantId, displayName: s.displayName, state: 'Enabled' as const,
        subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: s.quotaId, spendingLimit: 'Off' },
        authorizationSource: 'RoleBased', managedByTenants: [], tags: {},
      })),
      activity: mergeSorted(armBackground, armTriage.kept, recordTime.azureActivity),
    },
    devops: {
      organizations: assets.devopsOrgs.map((org) => ({
        accountId: org.accountId, accountName: org.name, accountUri: `https://${org.name}.vssps.visualstudio.com/`, organizationName: org.name,
        accountStatus: 'enabled' as const, accountType: 'organization' as const, createdDate: new Date(population.tenant.createdMs + 300 * 86_400_000).toISOString(),
        lastUpdatedDate: new Date(anchorMs - 40 * 86_400_000).toISOString(), namespaceId: '0d55247a-1c47-4ee3-9b9b-6d1c0c7b5c8c', properties: {},
        projects: org.projects.map((p) => ({ id: p.id, name: p.name })),
      })),
      audit: mergeSorted(generateDevOpsBackground(ctx), devTriage.kept, recordTime.devopsAudit),
    },
  };

  const truths = [ualTriage, signTriage, dirTriage, armTriage, devTriage];
  const malicious = truths.flatMap((t) => t.truth).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const suppressed = truths.flatMap((t) => t.suppressed).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const groundTruth = computeGroundTruth(partial, o.profile, malicious, suppressed);

  const skuRng = createRng(o.seed, 'skus');
  const datasetProfile: SimProfile = {
    ...profile,
    subscribedSkus: profile.subscribedSkus.map((s) => ({ ...s, id: `${tenantId}_${s.skuId}`, accountId: tenantId, subscriptionIds: [skuRng.guid()] })),
  };

  return {
    seed: o.seed,
    profile: datasetProfile,
    anchor: partial.anchor,
    days: o.days,
    scale: o.scale,
    tenant: { id: tenantId, displayName: population.tenant.displayName, defaultDomain: population.tenant.defaultDomain, domains: population.tenant.domains },
    signedInUser: {
      id: population.key.responder.id, userPrincipalName: population.key.responder.userPrincipalName, displayName: population.key.responder.displayName,
    },
    users: population.users,
    ual: partial.ual,
    signIns: partial.signIns,
    directoryAudits: partial.directoryAudits,
    azure: partial.azure,
    devops: partial.devops,
    tenantConfig: buildTenantConfig(o.seed, profile, population, assets, intrusion.endState),
    groundTruth,
  };
}
