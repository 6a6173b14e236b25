import type { ActorType, EventResult } from '../../../src-shared/domain/event.js';
import { frameRecord, idOf, identityOf, ipOf, nonZeroIdOf, requiredId, textOf } from './event-fields.js';
import { arrayAt, firstText, isObject, objectAt, requiredText, textAt, type Json } from './json-fields.js';
import type { BuildContext, EventFields, Normaliser } from './normalise-types.js';
import { createParams } from './params-map.js';
import { requiredTimeAt } from './source-time.js';

/**
 * Entra directory audit (Graph `directoryAudit`; also the `properties` of an Azure Monitor
 * AuditLogs export). Exactly one of initiatedBy.user / initiatedBy.app is normally set.
 */

function resultOf(value: string | null): EventResult | null {
  switch (value?.toLowerCase()) {
    case 'success':
      return 'success';
    case 'failure':
    case 'timeout':
      return 'failure';
    default:
      return null;
  }
}

/** `fallbackIp` is the diagnostic wrapper's callerIpAddress, used when initiatedBy carries no address. */
export function buildDirectoryAuditFields(p: Json, ctx: BuildContext, prefix: string, fallbackIp: unknown = null): EventFields {
  const initiatedBy = objectAt(p, 'initiatedBy');
  const user = objectAt(initiatedBy, 'user');
  const app = objectAt(initiatedBy, 'app');
  const userName = firstText(user?.['userPrincipalName']);
  const byUser = user !== null && (userName !== null || nonZeroIdOf(user['id']) !== null);
  const targets = arrayAt(p, 'targetResources').filter(isObject);
  const first = targets[0] ?? null;
  const details = arrayAt(p, 'additionalDetails');
  const userAgent = details.find((d) => isObject(d) && textAt(d, 'key')?.toLowerCase() === 'user-agent');

  let actorType: ActorType | null = null;
  if (byUser) actorType = textAt(user, 'userType')?.toLowerCase() === 'guest' ? 'guest' : 'user';
  else if (app !== null) actorType = nonZeroIdOf(app['servicePrincipalId']) !== null ? 'service_principal' : 'app';

  const params = createParams();
  for (const t of targets) params.addChanges(arrayAt(t, 'modifiedProperties'), { name: 'displayName', newValue: 'newValue', oldValue: 'oldValue' }, true);
  params.addList(details, 'key', 'value');
  params.add('operationType', p['operationType']);
  params.add('resultReason', p['resultReason']);
  params.add('target.id', first?.['id']);
  params.add('target.type', firstText(first?.['type'], first?.['Type']));
  params.add('target.count', targets.length > 1 ? targets.length : null);

  const result = textAt(p, 'result');
  const when = requiredTimeAt(p['activityDateTime'], `${prefix}activityDateTime`);
  return {
    ts: when.ts,
    ts_source: when.ts_source,
    record_id: requiredId(p['id'], `${prefix}id`),
    workload: textOf(p['loggedByService']),
    record_type: textOf(p['category']),
    // Exact text: the service has operation names that differ only by a trailing space.
    operation: requiredText(p['activityDisplayName'], `${prefix}activityDisplayName`),
    result: resultOf(result),
    result_code: result,
    actor: identityOf(byUser ? firstText(userName, user?.['displayName']) : firstText(app?.['displayName'], app?.['servicePrincipalName'])),
    actor_id: byUser ? nonZeroIdOf(user?.['id']) : nonZeroIdOf(firstText(app?.['servicePrincipalId'], app?.['appId'])),
    actor_type: actorType,
    ip: textAt(user, 'ipAddress') !== null ? ipOf(user?.['ipAddress'], `${prefix}initiatedBy.user.ipAddress`, ctx) : ipOf(fallbackIp, 'callerIpAddress', ctx),
    user_agent: isObject(userAgent) ? textOf(userAgent['value']) : textOf(p['userAgent']),
    app_id: app ? idOf(app['appId']) : null,
    app_name: app ? textOf(app['displayName']) : null,
    target: identityOf(firstText(first?.['userPrincipalName'], first?.['displayName'], first?.['id'])),
    session_id: null,
    correlation_id: idOf(p['correlationId']),
    country: null,
    city: null,
    asn: null,
    params: params.build(),
  };
}

/** Graph `GET /auditLogs/directoryAudits` element. */
export const normaliseDirectoryAuditGraph: Normaliser = (record) =>
  frameRecord(record, 'directory_audit', 'directory_audit.graph', (value, ctx) => buildDirectoryAuditFields(value, ctx, ''));
