/**
 * Builds Azure Activity Log `EventData` objects. One control-plane write yields two events that
 * share correlationId and operationId: "Started" (BeginRequest) and "Succeeded" (EndRequest).
 */
import type { Rng } from './prng.js';
import { ticksTime } from './time-format.js';
import type { ArmActivityEvent, ArmLocalizable, SimUser } from './types.js';

export type ArmCaller =
  | { kind: 'user'; user: SimUser; ip: string; appId: string }
  | { kind: 'servicePrincipal'; objectId: string; appId: string; ip: string };

export interface ArmOperationInput {
  startMs: number;
  caller: ArmCaller;
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Full resource id the operation targets. */
  resourceId: string;
  /** e.g. Microsoft.Compute/virtualMachines/write */
  operation: string;
  localizedOperation: string;
  method: 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  /** HTTP status text of the completed request (Created, OK, Accepted). */
  statusCode: 'Created' | 'OK' | 'Accepted';
  /** Extra `properties` of the completed event (e.g. requestbody of a role assignment). */
  extraProperties: Record<string, string>;
  durationMs: number;
}

const EPOCH_TICKS = 621355968000000000n;

const loc = (value: string, localizedValue = value): ArmLocalizable => ({ value, localizedValue });

function providerOf(operation: string): string {
  return operation.split('/')[0]!;
}

function resourceTypeOf(operation: string): string {
  const parts = operation.split('/');
  // Drop the trailing verb (write/delete/action name).
  return parts.slice(0, parts.length - 1).join('/');
}

function claimsFor(caller: ArmCaller, tenantId: string, atMs: number, rng: Rng): Record<string, string> {
  const iat = Math.floor(atMs / 1000) - 300 - rng.int(2400);
  const common: Record<string, string> = {
    aud: 'https://management.core.windows.net/',
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: String(iat),
    nbf: String(iat),
    exp: String(iat + 4200),
  };
  if (caller.kind === 'user') {
    const u = caller.user;
    return {
      ...common,
      'http://schemas.microsoft.com/claims/authnclassreference': '1',
      aio: rng.base64(60),
      'http://schemas.microsoft.com/claims/authnmethodsreferences': 'pwd,mfa',
      appid: caller.appId,
      appidacr: '0',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname': u.surname,
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': u.givenName,
      ipaddr: caller.ip,
      name: u.displayName,
      'http://schemas.microsoft.com/identity/claims/objectidentifier': u.id,
      puid: u.puid,
      rh: rng.base64(40),
      'http://schemas.microsoft.com/identity/claims/scope': 'user_impersonation',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier': rng.base64(43),
      'http://schemas.microsoft.com/identity/claims/tenantid': tenantId,
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': u.userPrincipalName,
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': u.userPrincipalName,
      uti: rng.base64(22),
      ver: '1.0',
    };
  }
  return {
    ...common,
    aio: rng.base64(60),
    appid: caller.appId,
    appidacr: '1',
    idtyp: 'app',
    'http://schemas.microsoft.com/identity/claims/identityprovider': `https://sts.windows.net/${tenantId}/`,
    'http://schemas.microsoft.com/identity/claims/objectidentifier': caller.objectId,
    rh: rng.base64(40),
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier': caller.objectId,
    'http://schemas.microsoft.com/identity/claims/tenantid': tenantId,
    uti: rng.base64(22),
    ver: '1.0',
  };
}

export function buildArmOperation(rng: Rng, p: ArmOperationInput): [ArmActivityEvent, ArmActivityEvent] {
  const correlationId = rng.guid();
  const operationId = rng.guid();
  const clientRequestId = rng.guid();
  const claims = claimsFor(p.caller, p.tenantId, p.startMs, rng);
  const caller = p.caller.kind === 'user' ? p.caller.user.userPrincipalName : p.caller.objectId;
  const provider = providerOf(p.operation);
  const resourceType = resourceTypeOf(p.operation);
  const make = (phase: 'Started' | 'Succeeded', ms: number): ArmActivityEvent => {
    const eventDataId = rng.guid();
    const ticks = BigInt(ms) * 10000n + EPOCH_TICKS + BigInt(rng.int(10000));
    const done = phase === 'Succeeded';
    return {
      authorization: { action: p.operation, scope: p.resourceId },
      caller,
      channels: 'Operation',
      claims,
      correlationId,
      description: '',
      eventDataId,
      eventName: done ? loc('EndRequest', 'End request') : loc('BeginRequest', 'Begin request'),
      category: loc('Administrative'),
      eventTimestamp: ticksTime(ms, rng.int(10000)),
      httpRequest: { clientRequestId, clientIpAddress: p.caller.ip, method: p.method },
      id: `${p.resourceId}/events/${eventDataId}/ticks/${ticks}`,
      level: 'Informational',
      resourceGroupName: p.resourceGroup,
      resourceProviderName: loc(provider),
      resourceId: p.resourceId,
      resourceType: loc(resourceType),
      operationId,
      operationName: loc(p.operation, p.localizedOperation),
      properties: done
        ? { statusCode: p.statusCode, serviceRequestId: rng.guid(), eventCategory: 'Administrative', entity: p.resourceId, message: p.operation, hierarchy: `${p.tenantId}/${p.subscriptionId}`, ...p.extraProperties }
        : { eventCategory: 'Administrative', entity: p.resourceId, message: p.operation, hierarchy: `${p.tenantId}/${p.subscriptionId}` },
      status: done ? loc('Succeeded') : loc('Started'),
      subStatus: done ? loc(p.statusCode, p.statusCode === 'Created' ? 'Created (HTTP Status Code: 201)' : p.statusCode === 'Accepted' ? 'Accepted (HTTP Status Code: 202)' : 'OK (HTTP Status Code: 200)') : loc(''),
      submissionTimestamp: ticksTime(ms + 45_000 + rng.int(240_000), rng.int(10000)),
      subscriptionId: p.subscriptionId,
      tenantId: p.tenantId,
    };
  };
  return [make('Started', p.startMs), make('Succeeded', p.startMs + p.durationMs)];
}

export const roleDefinitions = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
} as const;

/** The request body ARM records for a role assignment write. */
export function roleAssignmentRequestBody(subscriptionId: string, assignmentId: string, principalId: string, principalType: 'User' | 'ServicePrincipal', roleId: string, scope: string): string {
  return JSON.stringify({
    Id: assignmentId,
    Properties: {
      PrincipalId: principalId,
      PrincipalType: principalType,
      RoleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`,
      Scope: scope,
      Condition: null,
      ConditionVersion: null,
    },
  });
}
