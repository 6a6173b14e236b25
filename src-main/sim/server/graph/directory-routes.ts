import { createHash } from 'node:crypto';
import type { SimCredential, SimServicePrincipal, SimApplication } from '../../data/types.js';
import { json, SimHttpError, type Route, type SimRequest, type SimResponse } from '../http/sim-http.js';
import type { SimApiContext } from '../sim-context.js';
import { graphVersion } from './audit-log-routes.js';
import { collectionPage, metadataContext, queryParam } from './graph-collection.js';
import { graphError } from './graph-errors.js';
import { FilterSyntaxError, parseODataFilter } from './odata-filter.js';
import { requireSignInActivityAccess, signInActivityByUser } from './sign-in-activity.js';

/**
 * Readiness reads on Graph: licences (subscribedSkus), the tenant (organization, domains), the
 * signed-in user and their directory roles (me/memberOf, me/transitiveMemberOf with the
 * directoryRole cast), the tenant's role assignments (roleManagement), and the app estate (servicePrincipals,
 * applications, oauth2PermissionGrants) with `$top`/`$filter` paging.
 */
export function directoryRoutes(ctx: SimApiContext): Route[] {
  const d = ctx.dataset;
  const cfg = d.tenantConfig;
  const skus = d.profile.subscribedSkus;
  const roles = ctx.profile.signedInUserRoles.map((r) => ({
    '@odata.type': '#microsoft.graph.directoryRole',
    id: stableGuid(`${ctx.tenantId}:role:${r.roleTemplateId}`),
    deletedDateTime: null,
    description: `${r.displayName} role.`,
    displayName: r.displayName,
    roleTemplateId: r.roleTemplateId,
  }));

  const simple = (entitySet: string, items: () => readonly object[]) => (req: SimRequest): SimResponse =>
    collectionPage(req, {
      items: filterItems(req, items()),
      context: metadataContext(req, graphVersion(req), entitySet),
      defaultTop: ctx.limits.graphDirectoryDefaultTop,
      maxTop: ctx.limits.graphDirectoryMaxTop,
    });
  const memberOf = (cast: boolean) => (req: SimRequest): SimResponse =>
    collectionPage(req, {
      items: roles,
      context: metadataContext(req, graphVersion(req), cast ? 'directoryObjects/microsoft.graph.directoryRole' : 'directoryObjects'),
      defaultTop: ctx.limits.graphDirectoryDefaultTop,
      maxTop: ctx.limits.graphDirectoryMaxTop,
    });
  const me = (req: SimRequest): SimResponse => {
    const user = d.users.find((u) => u.id === d.signedInUser.id);
    return json(200, {
      '@odata.context': metadataContext(req, graphVersion(req), 'users/$entity'),
      id: d.signedInUser.id,
      userPrincipalName: d.signedInUser.userPrincipalName,
      displayName: d.signedInUser.displayName,
      mail: user?.mail ?? d.signedInUser.userPrincipalName,
      givenName: user?.givenName ?? null,
      surname: user?.surname ?? null,
      jobTitle: user?.jobTitle ?? null,
      businessPhones: [],
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: 'en-GB',
    });
  };
  // Every directory role held in the tenant; `$filter=principalId eq '...'` narrows it to one holder.
  const roleAssignments = (req: SimRequest): SimResponse => {
    return collectionPage(req, {
      items: filterItems(req, cfg.directoryRoleAssignments),
      context: metadataContext(req, graphVersion(req), 'roleManagement/directory/roleAssignments'),
      defaultTop: ctx.limits.graphDirectoryDefaultTop,
      maxTop: ctx.limits.graphDirectoryMaxTop,
    });
  };
  const users = d.users.map((u) => ({
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    mail: u.mail,
    jobTitle: u.jobTitle,
    department: u.department,
    accountEnabled: true,
    userType: 'Member',
  }));
  const activity = signInActivityByUser(d.signIns);
  const usersPage = (req: SimRequest): SimResponse => {
    const wantsActivity = (queryParam(req, '$select') ?? '').split(',').some((p) => p.trim().toLowerCase() === 'signinactivity');
    if (wantsActivity) requireSignInActivityAccess(ctx, req);
    const items = wantsActivity ? users.map((u) => ({ ...u, signInActivity: activity.get(u.id) ?? null })) : users;
    return simple('users', () => items)(req);
  };

  return [
    { method: 'GET', pattern: '/:version/subscribedSkus', handler: simple('subscribedSkus', () => skus) },
    { method: 'GET', pattern: '/:version/organization', handler: simple('organization', () => [cfg.organization]) },
    { method: 'GET', pattern: '/:version/domains', handler: simple('domains', () => cfg.domains) },
    { method: 'GET', pattern: '/:version/me', handler: me },
    { method: 'GET', pattern: '/:version/users', handler: usersPage },
    { method: 'GET', pattern: '/:version/me/memberOf', handler: memberOf(false) },
    { method: 'GET', pattern: '/:version/me/transitiveMemberOf', handler: memberOf(false) },
    { method: 'GET', pattern: '/:version/me/memberOf/microsoft.graph.directoryRole', handler: memberOf(true) },
    { method: 'GET', pattern: '/:version/me/transitiveMemberOf/microsoft.graph.directoryRole', handler: memberOf(true) },
    { method: 'GET', pattern: '/:version/roleManagement/directory/roleAssignments', handler: roleAssignments },
    { method: 'GET', pattern: '/:version/servicePrincipals', handler: simple('servicePrincipals', () => cfg.servicePrincipals.map(presentServicePrincipal)) },
    { method: 'GET', pattern: '/:version/applications', handler: simple('applications', () => cfg.applications.map(presentApplication)) },
    { method: 'GET', pattern: '/:version/oauth2PermissionGrants', handler: simple('oauth2PermissionGrants', () => cfg.oauth2PermissionGrants) },
  ];
}

/** Directory collections accept simple `$filter`s (appId eq '...', principalId eq '...'). */
function filterItems(req: SimRequest, items: readonly object[]): readonly object[] {
  const text = queryParam(req, '$filter');
  if (!text) return items;
  try {
    const { predicate } = parseODataFilter(text);
    return items.filter((item) => predicate(item));
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new SimHttpError(graphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause: ${error.message}`, req));
    throw error;
  }
}

function presentCredential(c: SimCredential): object {
  return c.type === 'Password'
    ? { customKeyIdentifier: null, displayName: c.displayName, endDateTime: c.endDateTime, hint: c.hint, keyId: c.keyId, secretText: null, startDateTime: c.startDateTime }
    : { customKeyIdentifier: null, displayName: c.displayName, endDateTime: c.endDateTime, key: null, keyId: c.keyId, startDateTime: c.startDateTime, type: 'AsymmetricX509Cert', usage: 'Verify' };
}

function presentServicePrincipal(sp: SimServicePrincipal): object {
  return {
    id: sp.id,
    appId: sp.appId,
    displayName: sp.displayName,
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    servicePrincipalType: sp.servicePrincipalType,
    publisherName: sp.publisherName,
    verifiedPublisher: { displayName: sp.verifiedPublisher, verifiedPublisherId: null, addedDateTime: null },
    accountEnabled: sp.accountEnabled,
    replyUrls: sp.replyUrls,
    createdDateTime: sp.createdDateTime,
    passwordCredentials: sp.passwordCredentials.filter((c) => c.type === 'Password').map(presentCredential),
    keyCredentials: sp.keyCredentials.map(presentCredential),
  };
}

function presentApplication(app: SimApplication): object {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    signInAudience: app.signInAudience,
    createdDateTime: app.createdDateTime,
    passwordCredentials: app.passwordCredentials.filter((c) => c.type === 'Password').map(presentCredential),
    keyCredentials: app.keyCredentials.map(presentCredential),
  };
}

/** Deterministic GUID-shaped id for objects the dataset does not carry (directory role instances). */
export function stableGuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
