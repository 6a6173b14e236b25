import { SimHttpError, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import type { SimApiContext } from '../sim-context.js';
import { graphVersion } from './audit-log-routes.js';
import { collectionPage, metadataContext } from './graph-collection.js';
import { graphError } from './graph-errors.js';

/**
 * Graph reads a tenant configuration snapshot needs beyond the readiness ones: a service
 * principal's application permissions (`servicePrincipals/{id}/appRoleAssignments`), conditional
 * access policies (Entra ID P1 and a policy-read permission, else 403), and a domain's federation
 * settings (an empty collection for a managed domain).
 */
const POLICY_SCOPES = new Set(['Policy.Read.All', 'Policy.Read.ConditionalAccess', 'Policy.ReadWrite.ConditionalAccess']);

export function tenantConfigRoutes(ctx: SimApiContext): Route[] {
  const cfg = ctx.dataset.tenantConfig;
  const page = <T extends object>(req: SimRequest, entitySet: string, items: readonly T[]): SimResponse =>
    collectionPage(req, {
      items,
      context: metadataContext(req, graphVersion(req), entitySet),
      defaultTop: ctx.limits.graphDirectoryDefaultTop,
      maxTop: ctx.limits.graphDirectoryMaxTop,
    });

  const appRoleAssignments = (req: SimRequest): SimResponse => {
    const id = req.params['id'] ?? '';
    if (!cfg.servicePrincipals.some((sp) => sp.id === id)) {
      throw new SimHttpError(graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, req));
    }
    const items = cfg.appRoleAssignments
      .filter((a) => a.principalId === id)
      .map((a) => ({
        id: a.id,
        deletedDateTime: null,
        appRoleId: a.appRoleId,
        createdDateTime: a.createdDateTime,
        principalDisplayName: a.principalDisplayName,
        principalId: a.principalId,
        principalType: a.principalType,
        resourceDisplayName: a.resourceDisplayName,
        resourceId: a.resourceId,
      }));
    return page(req, `servicePrincipals('${id}')/appRoleAssignments`, items);
  };

  const conditionalAccessPolicies = (req: SimRequest): SimResponse => {
    if (!(req.auth?.scopes ?? []).some((s) => POLICY_SCOPES.has(s))) {
      throw new SimHttpError(graphError(403, 'AccessDenied', "You cannot perform the requested operation, required scopes are missing in the token.", req));
    }
    if (!ctx.profile.hasEntraP1) {
      throw new SimHttpError(graphError(403, 'Forbidden', 'The tenant does not have the Entra ID P1 licence conditional access requires.', req));
    }
    return page(req, 'identity/conditionalAccess/policies', cfg.conditionalAccessPolicies);
  };

  const federationConfiguration = (req: SimRequest): SimResponse => {
    const domain = (req.params['id'] ?? '').toLowerCase();
    if (!cfg.domains.some((d) => d.id.toLowerCase() === domain)) {
      throw new SimHttpError(graphError(404, 'Request_ResourceNotFound', `Resource '${domain}' does not exist or one of its queried reference-property objects are not present.`, req));
    }
    const items = cfg.domainFederation.filter((f) => f.domain.toLowerCase() === domain).map(({ domain: _domain, ...federation }) => federation);
    return page(req, `domains('${domain}')/federationConfiguration`, items);
  };

  return [
    { method: 'GET', pattern: '/:version/servicePrincipals/:id/appRoleAssignments', handler: appRoleAssignments },
    { method: 'GET', pattern: '/:version/identity/conditionalAccess/policies', handler: conditionalAccessPolicies },
    { method: 'GET', pattern: '/:version/domains/:id/federationConfiguration', handler: federationConfiguration },
  ];
}
