import type { ActorType, EventResult } from '../../../src-shared/domain/event.js';
import { isGuid } from '../../../src-shared/domain/event-entities.js';
import { recordTypeName, recordTypeNumber } from '../../../src-shared/domain/ual-record-types.js';
import { idOf, identityOf, ipOf, requiredId, textOf } from './event-fields.js';
import { arrayAt, FieldError, firstText, isObject, objectAt, scalarText, textAt, type Json } from './json-fields.js';
import type { BuildContext, EventFields } from './normalise-types.js';
import { createParams } from './params-map.js';
import { requiredTime } from './source-time.js';

/**
 * The Unified Audit Log record (AuditData, Management Activity API form) → event fields. The
 * Graph audit query and Exchange Online search wrap the same record; their wrapper fields are
 * passed as fallbacks, used only where the AuditData itself lacks a value, so one record gives
 * the same event whichever channel carried it.
 */
export interface UalFallbacks {
  id?: unknown;
  time?: unknown;
  operation?: unknown;
  workload?: unknown;
  recordType?: unknown;
  userId?: unknown;
  userType?: unknown;
  clientIp?: unknown;
  objectId?: unknown;
}

/** UserType numbers (Management API) and names (search, Graph) → who acted. */
const ACTOR_TYPES: Readonly<Record<string, ActorType | null>> = {
  '0': 'user', regular: 'user',
  '1': null, reserved: null,
  '2': 'user', admin: 'user',
  // Datacenter admins are Microsoft operators: not tenant users.
  '3': 'system', dcadmin: 'system',
  '4': 'system', system: 'system',
  '5': 'app', application: 'app',
  '6': 'service_principal', serviceprincipal: 'service_principal',
  '7': 'system', custompolicy: 'system',
  '8': 'system', systempolicy: 'system',
  '9': 'user', partnertechnician: 'user',
  '10': 'guest', guest: 'guest',
};

function actorTypeOf(userType: unknown): ActorType | null {
  const t = scalarText(userType);
  return t === null ? null : (ACTOR_TYPES[t.toLowerCase()] ?? null);
}

function recordTypeOf(value: unknown, ctx: BuildContext): string | null {
  const t = scalarText(value);
  if (t === null) return null;
  if (/^\d+$/.test(t)) {
    const name = recordTypeName(Number(t));
    if (name === undefined) ctx.warn(`RecordType: ${t} is not a record type this build can name; kept as the number`);
    return name ?? t;
  }
  const n = recordTypeNumber(t);
  const name = n === undefined ? undefined : recordTypeName(n);
  if (name !== undefined) return name;
  // An unlisted name: Graph spells it camelCase, the others PascalCase; store the PascalCase.
  return t[0]!.toUpperCase() + t.slice(1);
}

/**
 * Exchange admin writes True/False, most workloads Succeeded/PartiallySucceeded/Failed. STS
 * logons report "Succeeded" for the HTTP call even when the sign-in failed, so an error number
 * or logon error overrides the status.
 */
function resultOf(data: Json): { result: EventResult | null; result_code: string | null } {
  const errorNumber = firstText(data['ErrorNumber'], data['ErrorCode']);
  const logonError = textAt(data, 'LogonError');
  const status = textAt(data, 'ResultStatus');
  if ((errorNumber !== null && errorNumber !== '0') || logonError !== null) {
    return { result: 'failure', result_code: errorNumber ?? logonError };
  }
  const s = status?.toLowerCase();
  const result: EventResult | null =
    s === 'succeeded' || s === 'success' || s === 'true' ? 'success'
    : s === 'failed' || s === 'failure' || s === 'false' ? 'failure'
    : s === 'partiallysucceeded' ? 'partial'
    : null;
  return { result, result_code: status };
}

function nameValue(list: unknown[], name: string): string | null {
  for (const item of list) if (isObject(item) && scalarText(item['Name']) === name) return textOf(item['Value']);
  return null;
}

/** Object id of the actor: the first GUID among Actor[] ids (Entra records), else the UserKey. */
function actorIdOf(data: Json): string | null {
  for (const a of arrayAt(data, 'Actor')) {
    const id = isObject(a) ? scalarText(a['ID']) : null;
    if (id !== null && isGuid(id)) return idOf(id);
  }
  return idOf(data['UserKey']);
}

export function buildUalFields(data: Json, ctx: BuildContext, fallback: UalFallbacks, prefix: string): EventFields {
  const time = firstText(data['CreationTime'], fallback.time);
  if (time === null) throw new FieldError(`${prefix}CreationTime`, 'is missing');
  const operation = firstText(data['Operation'], fallback.operation);
  if (operation === null) throw new FieldError(`${prefix}Operation`, 'is missing');
  const access = objectAt(data, 'AppAccessContext');
  const extended = arrayAt(data, 'ExtendedProperties');
  const parameters = arrayAt(data, 'Parameters');

  const ipKey = ['ClientIP', 'ClientIPAddress', 'ActorIpAddress'].find((k) => textAt(data, k) !== null);
  const ip = ipKey ? ipOf(data[ipKey], `${prefix}${ipKey}`, ctx) : ipOf(fallback.clientIp, 'clientIp', ctx);

  const params = createParams();
  params.addList(parameters, 'Name', 'Value');
  params.addList(arrayAt(data, 'OperationProperties'), 'Name', 'Value');
  params.addList(extended, 'Name', 'Value');
  params.addChanges(arrayAt(data, 'ModifiedProperties'), { name: 'Name', newValue: 'NewValue', oldValue: 'OldValue' });
  params.addList(arrayAt(data, 'DeviceProperties'), 'Name', 'Value');

  const outcome = resultOf(data);
  const when = requiredTime(time, `${prefix}CreationTime`);
  return {
    ts: when.ts,
    ts_source: when.ts_source,
    record_id: requiredId(scalarText(data['Id']) !== null ? data['Id'] : fallback.id, `${prefix}Id`),
    workload: textOf(firstText(data['Workload'], fallback.workload)),
    record_type: recordTypeOf(data['RecordType'] ?? fallback.recordType, ctx),
    operation,
    result: outcome.result,
    result_code: outcome.result_code,
    actor: identityOf(firstText(data['UserId'], fallback.userId)),
    actor_id: actorIdOf(data),
    actor_type: actorTypeOf(data['UserType'] ?? fallback.userType),
    ip,
    user_agent: textOf(firstText(data['UserAgent'], nameValue(extended, 'UserAgent'), data['ClientInfoString'])),
    app_id: idOf(firstText(data['AppId'], data['ClientAppId'], data['ApplicationId'], access?.['ClientAppId'])),
    app_name: textOf(access?.['ClientAppName']),
    target: identityOf(firstText(data['ObjectId'], data['MailboxOwnerUPN'], nameValue(parameters, 'Identity'), fallback.objectId)),
    session_id: idOf(firstText(access?.['AADSessionId'], data['SessionId'])),
    correlation_id: idOf(firstText(access?.['CorrelationId'], data['CorrelationId'])),
    country: null,
    city: null,
    asn: null,
    params: params.build(),
  };
}
