/**
 * Builds Microsoft Graph `directoryAudit` objects. Modified property values are JSON-encoded
 * strings (`"[\"value\"]"`), as the service writes them.
 */
import type { Rng } from './prng.js';
import { ticksTime } from './time-format.js';
import type { GraphDirectoryAudit, GraphModifiedProperty, GraphTargetResource, SimUser } from './types.js';

export interface AuditInitiator {
  user: SimUser | null;
  ip: string;
  app: { appId: string | null; displayName: string; servicePrincipalId: string } | null;
}

export interface DirectoryAuditInput {
  ms: number;
  category: string;
  activity: string;
  loggedByService: string;
  operationType: string;
  success: boolean;
  resultReason: string;
  initiator: AuditInitiator;
  targets: GraphTargetResource[];
  additional: [string, string][];
  correlationId: string;
}

/** Core Directory ids are composite (`Directory_<correlation>_<shard>_<sequence>`); others are GUIDs. */
function auditId(rng: Rng, p: DirectoryAuditInput): string {
  if (p.loggedByService !== 'Core Directory') return rng.guid();
  const shard = rng.base64(5).toUpperCase().replace(/[+/]/g, 'X');
  return `Directory_${p.correlationId}_${shard}_${100000000 + rng.int(899999999)}`;
}

export function buildDirectoryAudit(rng: Rng, p: DirectoryAuditInput): GraphDirectoryAudit {
  const user = p.initiator.user;
  return {
    id: auditId(rng, p),
    category: p.category,
    correlationId: p.correlationId,
    result: p.success ? 'success' : 'failure',
    resultReason: p.resultReason,
    activityDisplayName: p.activity,
    activityDateTime: ticksTime(p.ms, rng.int(10000)),
    loggedByService: p.loggedByService,
    operationType: p.operationType,
    initiatedBy: {
      user: user
        ? { id: user.id, displayName: null, userPrincipalName: user.userPrincipalName, ipAddress: p.initiator.ip, userType: null, homeTenantId: null, homeTenantName: null }
        : null,
      app: p.initiator.app
        ? { appId: p.initiator.app.appId, displayName: p.initiator.app.displayName, servicePrincipalId: p.initiator.app.servicePrincipalId, servicePrincipalName: null }
        : null,
    },
    targetResources: p.targets,
    additionalDetails: p.additional.map(([key, value]) => ({ key, value })),
  };
}

/** JSON-encodes a value the way modifiedProperties carry it. */
export function encoded(value: unknown): string {
  return JSON.stringify(value);
}

export function modified(displayName: string, oldValue: unknown, newValue: unknown): GraphModifiedProperty {
  return { displayName, oldValue: oldValue === null ? null : encoded(oldValue), newValue: newValue === null ? null : encoded(newValue) };
}

export function userTarget(user: SimUser, props: GraphModifiedProperty[]): GraphTargetResource {
  return { id: user.id, displayName: null, type: 'User', userPrincipalName: user.userPrincipalName, groupType: null, modifiedProperties: props };
}

export function objectTarget(type: string, id: string, displayName: string, props: GraphModifiedProperty[]): GraphTargetResource {
  return { id, displayName, type, userPrincipalName: null, groupType: null, modifiedProperties: props };
}

/** Entra's "KeyDescription" notation for a credential, as used in credential audit events. */
export function keyDescription(keyId: string, type: 'Password' | 'AsymmetricX509Cert', displayName: string): string {
  return `[KeyIdentifier=${keyId},KeyType=${type},KeyUsage=Verify,DisplayName=${displayName}]`;
}
