import type { ActorType } from '../../../src-shared/domain/event.js';
import { frameRecord, identityOf, ipOf, nonZeroIdOf, requiredId, textOf } from './event-fields.js';
import { firstText, objectAt, requiredText, type Json } from './json-fields.js';
import type { BuildContext, EventFields, Normaliser } from './normalise-types.js';
import { createParams } from './params-map.js';
import { requiredTimeAt } from './source-time.js';

/**
 * Azure DevOps audit log entry (`decoratedAuditLogEntries[]`). The service acts under a fixed
 * well-known user id and writes no address; DevOps records no outcome, so `result` stays empty.
 */
const DEVOPS_SERVICE_USER_ID = '00000002-0000-8888-8000-000000000000';

function actorTypeOf(e: Json): ActorType | null {
  const userId = nonZeroIdOf(e['actorUserId']);
  if (userId === DEVOPS_SERVICE_USER_ID) return 'system';
  if (firstText(e['actorUPN']) === null && nonZeroIdOf(e['actorClientId']) !== null) return 'app';
  return userId === null && firstText(e['actorUPN']) === null ? null : 'user';
}

export function buildDevOpsAuditFields(e: Json, ctx: BuildContext): EventFields {
  const params = createParams();
  const data = objectAt(e, 'data');
  if (data) for (const [k, v] of Object.entries(data)) params.add(k, v);
  params.add('details', e['details']);
  params.add('scopeType', e['scopeType']);
  params.add('scopeId', e['scopeId']);
  params.add('projectId', e['projectId']);
  params.add('authenticationMechanism', e['authenticationMechanism']);
  params.add('activityId', e['activityId']);
  params.add('actorCUID', e['actorCUID']);
  params.add('organization', e['organization']);

  const when = requiredTimeAt(e['timestamp'], 'timestamp');
  return {
    ts: when.ts,
    ts_source: when.ts_source,
    record_id: requiredId(e['id'], 'id'),
    workload: textOf(e['area']),
    record_type: textOf(e['category']),
    operation: requiredText(e['actionId'], 'actionId'),
    result: null,
    result_code: null,
    actor: identityOf(firstText(e['actorUPN'], e['actorDisplayName'])),
    actor_id: nonZeroIdOf(e['actorUserId']),
    actor_type: actorTypeOf(e),
    ip: ipOf(e['ipAddress'], 'ipAddress', ctx),
    user_agent: textOf(e['userAgent']),
    app_id: nonZeroIdOf(e['actorClientId']),
    app_name: null,
    target: identityOf(firstText(e['projectName'], e['scopeDisplayName'])),
    session_id: null,
    correlation_id: nonZeroIdOf(e['correlationId']),
    country: null,
    city: null,
    asn: null,
    params: params.build(),
  };
}

export const normaliseDevOpsAudit: Normaliser = (record) => frameRecord(record, 'devops_audit', 'devops_audit.rest', buildDevOpsAuditFields);
