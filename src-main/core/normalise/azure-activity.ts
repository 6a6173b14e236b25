import type { ActorType, EventResult } from '../../../src-shared/domain/event.js';
import { isGuid } from '../../../src-shared/domain/event-entities.js';
import { contentId, frameRecord, idOf, identityOf, ipOf, requiredId, textOf } from './event-fields.js';
import { FieldError, firstText, isObject, objectAt, scalarText, textAt, type Json } from './json-fields.js';
import type { BuildContext, EventFields, Normaliser } from './normalise-types.js';
import { createParams, type ParamsBuilder } from './params-map.js';
import { requiredTimeAt } from './source-time.js';

/**
 * Azure Activity Log: the ARM REST `EventData` and the Azure Monitor diagnostic export of the
 * same log. They share little spelling (localizable `{value}` objects vs plain strings, `caller`
 * vs claims only), so each has its own builder over shared claim handling.
 */

const CLAIM_UPN = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const CLAIM_OBJECT_ID = 'http://schemas.microsoft.com/identity/claims/objectidentifier';

/** `{value, localizedValue}` objects in ARM REST, plain strings in exports. */
function localizable(v: unknown): string | null {
  if (isObject(v)) return firstText(v['value'], v['localizedValue']);
  return scalarText(v);
}

/** Resource provider of an operation (`Microsoft.Compute/virtualMachines/write` → `Microsoft.Compute`). */
function providerOf(operation: string | null): string | null {
  const head = operation?.split('/')[0]?.trim();
  return head ? head : null;
}

/** Token claims say what kind of principal called: a UPN is a user, a managed-identity resource id an MI. */
function claimsActor(claims: Json | null): { type: ActorType | null; upn: string | null; objectId: string | null; appId: string | null } {
  const upn = textAt(claims, CLAIM_UPN);
  const appId = textAt(claims, 'appid');
  let type: ActorType | null = null;
  if (upn !== null) type = 'user';
  else if (textAt(claims, 'xms_mirid') !== null) type = 'managed_identity';
  else if (appId !== null || textAt(claims, 'idtyp') === 'app') type = 'service_principal';
  return { type, upn, objectId: textAt(claims, CLAIM_OBJECT_ID), appId };
}

function resultOf(status: string | null): EventResult | null {
  switch (status?.toLowerCase()) {
    case 'succeeded':
    case 'success':
      return 'success';
    case 'failed':
    case 'failure':
      return 'failure';
    default:
      // Started, Accepted, Active, Resolved…: a step of an operation, not its outcome.
      return null;
  }
}

function addAuthorization(params: ParamsBuilder, authorization: Json | null): void {
  params.add('authorization.action', authorization?.['action']);
  params.add('authorization.scope', authorization?.['scope']);
  params.add('authorization.role', authorization?.['role']);
}

function addProperties(params: ParamsBuilder, properties: Json | null): void {
  if (properties) for (const [k, v] of Object.entries(properties)) params.add(k, v);
}

/** ARM `GET …/eventtypes/management/values` element. */
export function buildArmActivityFields(v: Json, ctx: BuildContext): EventFields {
  const operation = localizable(v['operationName']);
  if (operation === null) throw new FieldError('operationName.value', v['operationName'] === undefined ? 'is missing' : 'is empty');
  const claims = objectAt(v, 'claims');
  const who = claimsActor(claims);
  const caller = textAt(v, 'caller');
  const http = objectAt(v, 'httpRequest');
  const status = localizable(v['status']);

  const params = createParams();
  addProperties(params, objectAt(v, 'properties'));
  addAuthorization(params, objectAt(v, 'authorization'));
  params.add('level', v['level']);
  params.add('eventName', localizable(v['eventName']));
  params.add('subStatus', localizable(v['subStatus']));
  params.add('resourceGroupName', v['resourceGroupName']);
  params.add('subscriptionId', v['subscriptionId']);
  params.add('operationId', v['operationId']);
  params.add('httpRequest.method', http?.['method']);
  params.add('description', v['description']);

  const when = requiredTimeAt(v['eventTimestamp'], 'eventTimestamp');
  return {
    ts: when.ts,
    ts_source: when.ts_source,
    record_id: requiredId(v['eventDataId'], 'eventDataId'),
    workload: localizable(v['resourceProviderName']) ?? providerOf(operation),
    record_type: localizable(v['category']),
    operation,
    result: resultOf(status),
    result_code: status,
    actor: identityOf(firstText(caller, who.upn)),
    actor_id: idOf(who.objectId),
    actor_type: who.type ?? (caller === null ? null : isGuid(caller) ? 'service_principal' : 'user'),
    ip: textAt(http, 'clientIpAddress') !== null ? ipOf(http?.['clientIpAddress'], 'httpRequest.clientIpAddress', ctx) : ipOf(claims?.['ipaddr'], 'claims.ipaddr', ctx),
    user_agent: null,
    app_id: idOf(who.appId),
    app_name: null,
    target: identityOf(v['resourceId']),
    session_id: null,
    correlation_id: idOf(v['correlationId']),
    country: null,
    city: null,
    asn: null,
    params: params.build(),
  };
}

/** Azure Monitor diagnostic export of the Activity Log (`{time, category, operationName, identity, properties}`). */
export function buildActivityDiagnosticFields(v: Json, ctx: BuildContext): EventFields {
  const operation = firstText(v['operationName']);
  if (operation === null) throw new FieldError('operationName', v['operationName'] === undefined ? 'is missing' : 'is empty');
  const identity = objectAt(v, 'identity');
  const claims = objectAt(identity, 'claims');
  const who = claimsActor(claims);
  const properties = objectAt(v, 'properties');
  const resultType = textAt(v, 'resultType');

  let recordId = idOf(properties?.['eventDataId']);
  if (recordId === null) {
    // The export carries no record id; the same bytes read twice must still de-duplicate.
    recordId = contentId(ctx.text);
    ctx.warn('record_id: the export has no eventDataId; derived from the SHA-256 of the record text');
  }

  const params = createParams();
  addProperties(params, properties);
  addAuthorization(params, objectAt(identity, 'authorization'));
  params.add('level', firstText(v['level'], v['Level']));
  params.add('resultSignature', v['resultSignature']);
  params.add('location', v['location']);

  const when = requiredTimeAt(v['time'], 'time');
  return {
    ts: when.ts,
    ts_source: when.ts_source,
    record_id: recordId,
    workload: providerOf(operation),
    record_type: textOf(v['category']),
    operation,
    result: resultOf(resultType),
    result_code: resultType,
    actor: identityOf(firstText(who.upn, properties?.['caller'], who.objectId)),
    actor_id: idOf(who.objectId),
    actor_type: who.type,
    ip: textAt(v, 'callerIpAddress') !== null ? ipOf(v['callerIpAddress'], 'callerIpAddress', ctx) : ipOf(claims?.['ipaddr'], 'identity.claims.ipaddr', ctx),
    user_agent: null,
    app_id: idOf(who.appId),
    app_name: null,
    target: identityOf(v['resourceId']),
    session_id: null,
    correlation_id: idOf(v['correlationId']),
    country: null,
    city: null,
    asn: null,
    params: params.build(),
  };
}

export const normaliseAzureActivityArm: Normaliser = (record) => frameRecord(record, 'azure_activity', 'azure_activity.arm', buildArmActivityFields);
