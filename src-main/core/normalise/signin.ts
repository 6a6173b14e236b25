import type { ActorType } from '../../../src-shared/domain/event.js';
import { frameRecord, identityOf, idOf, ipOf, requiredId, textOf } from './event-fields.js';
import { arrayAt, firstText, objectAt, paramValue, scalarText, textAt, type Json } from './json-fields.js';
import type { BuildContext, EventFields, Normaliser } from './normalise-types.js';
import { createParams } from './params-map.js';
import { requiredTimeAt } from './source-time.js';

/**
 * Entra sign-in (Graph `signIn`, v1.0 and beta; the same object is the `properties` of an Azure
 * Monitor sign-in export). v1.0 lacks `signInEventTypes`, `userAgent` and `sessionId`; those
 * columns stay empty rather than being guessed.
 */

/** Diagnostic-export categories name the sign-in kind that Graph beta puts in signInEventTypes. */
const CATEGORY_EVENT_TYPES: Readonly<Record<string, string>> = {
  SignInLogs: 'interactiveUser',
  NonInteractiveUserSignInLogs: 'nonInteractiveUser',
  ServicePrincipalSignInLogs: 'servicePrincipal',
  MicrosoftServicePrincipalSignInLogs: 'servicePrincipal',
  ManagedIdentitySignInLogs: 'managedIdentity',
};
export const signInCategories = Object.keys(CATEGORY_EVENT_TYPES);

/** Scalar fields that detections test (device-code flow, legacy clients, risk) exposed as params. */
const SCALAR_PARAMS = [
  'clientAppUsed',
  'authenticationProtocol',
  'originalTransferMethod',
  'incomingTokenType',
  'authenticationRequirement',
  'conditionalAccessStatus',
  'isInteractive',
  'userType',
  'resourceId',
  'resourceDisplayName',
  'resourceTenantId',
  'homeTenantId',
  'crossTenantAccessType',
  'clientCredentialType',
  'servicePrincipalId',
  'uniqueTokenIdentifier',
  'originalRequestId',
  'tokenIssuerType',
  'riskDetail',
  'riskLevelAggregated',
  'riskLevelDuringSignIn',
  'riskState',
  'flaggedForReview',
] as const;

function eventTypeOf(p: Json, category: string | null): string | null {
  const listed = scalarText(arrayAt(p, 'signInEventTypes')[0]);
  if (listed !== null) return listed;
  if (category !== null && CATEGORY_EVENT_TYPES[category]) return CATEGORY_EVENT_TYPES[category];
  // v1.0 returns interactive sign-ins only, and says so per record in isInteractive.
  if (p['isInteractive'] === false) return 'nonInteractiveUser';
  if (p['isInteractive'] === true) return 'interactiveUser';
  return null;
}

function actorTypeOf(eventType: string | null, p: Json): ActorType {
  if (eventType === 'servicePrincipal') return 'service_principal';
  if (eventType === 'managedIdentity') return 'managed_identity';
  return textAt(p, 'userType')?.toLowerCase() === 'guest' ? 'guest' : 'user';
}

/** `category` is the diagnostic export's category (null for Graph); `prefix` names fields in errors. */
export function buildSignInFields(p: Json, ctx: BuildContext, category: string | null, prefix: string): EventFields {
  const status = objectAt(p, 'status');
  const errorCode = scalarText(status?.['errorCode']);
  const location = objectAt(p, 'location');
  const device = objectAt(p, 'deviceDetail');
  const eventType = eventTypeOf(p, category);
  const asn = p['autonomousSystemNumber'];

  const params = createParams();
  for (const key of SCALAR_PARAMS) params.add(key, p[key]);
  params.add('signInEventTypes', arrayAt(p, 'signInEventTypes').length ? arrayAt(p, 'signInEventTypes').join(',') : null);
  params.add('authenticationMethodsUsed', arrayAt(p, 'authenticationMethodsUsed').length ? arrayAt(p, 'authenticationMethodsUsed').join(',') : null);
  params.add('status.failureReason', status?.['failureReason']);
  params.add('status.additionalDetails', status?.['additionalDetails']);
  for (const key of ['deviceId', 'displayName', 'operatingSystem', 'browser', 'trustType', 'isCompliant', 'isManaged']) {
    params.add(`deviceDetail.${key}`, device?.[key]);
  }
  params.add('location.state', location?.['state']);
  params.addList(arrayAt(p, 'authenticationProcessingDetails'), 'key', 'value');
  params.add('appliedConditionalAccessPolicies', paramValue(p['appliedConditionalAccessPolicies']));

  const isServicePrincipal = eventType === 'servicePrincipal' || eventType === 'managedIdentity';
  const when = requiredTimeAt(p['createdDateTime'], `${prefix}createdDateTime`);
  return {
    ts: when.ts,
    ts_source: when.ts_source,
    record_id: requiredId(p['id'], `${prefix}id`),
    workload: 'AzureActiveDirectory',
    record_type: eventType,
    operation: 'Sign-in',
    result: errorCode === null ? null : errorCode === '0' ? 'success' : 'failure',
    result_code: errorCode,
    actor: identityOf(
      isServicePrincipal
        ? firstText(p['servicePrincipalName'], p['appDisplayName'], p['userPrincipalName'])
        : firstText(p['userPrincipalName'], p['servicePrincipalName']),
    ),
    actor_id: idOf(isServicePrincipal ? firstText(p['servicePrincipalId'], p['appId']) : firstText(p['userId'], p['servicePrincipalId'])),
    actor_type: actorTypeOf(eventType, p),
    ip: ipOf(p['ipAddress'], `${prefix}ipAddress`, ctx),
    user_agent: textOf(p['userAgent']),
    app_id: idOf(p['appId']),
    app_name: textOf(p['appDisplayName']),
    target: identityOf(firstText(p['resourceDisplayName'], p['resourceId'])),
    session_id: idOf(p['sessionId']),
    correlation_id: idOf(p['correlationId']),
    country: textOf(location?.['countryOrRegion']),
    city: textOf(location?.['city']),
    asn: typeof asn === 'number' && Number.isInteger(asn) && asn >= 0 ? asn : null,
    params: params.build(),
  };
}

/** Graph `GET /auditLogs/signIns` element (v1.0 or beta). */
export const normaliseSignInGraph: Normaliser = (record) =>
  frameRecord(record, 'signin', 'signin.graph', (value, ctx) => buildSignInFields(value, ctx, null, ''));
