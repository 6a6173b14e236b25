/**
 * Everyday Entra ID sign-ins: interactive logons at the start of the day, a steady stream of
 * silent token refreshes, automation service principals and managed identities. A few percent
 * fail (wrong password, MFA interrupts, conditional access), as in any real tenant.
 */
import { apps, clientStrings, resources } from './catalog.js';
import type { FirstPartyApp } from './catalog.js';
import type { GenerationContext } from './context.js';
import { cutoffFor, perDayAtScale1, TENANT_UTC_OFFSET } from './context.js';
import { weightedTable } from './prng.js';
import type { Rng } from './prng.js';
import { buildSignIn, conditionalAccessPolicies, evaluateConditionalAccess } from './signin-builder.js';
import type { SignInApp, SignInInput, TenantSignInInfo } from './signin-builder.js';
import { authSteps, azureDatacenter, desktopDevice, mobileDevice, placeOfUser } from './signin-common.js';
import type { GraphSignIn, SignInEventType } from './types.js';
import { forEachDay } from './volume.js';

type Resource = { id: string; name: string };

interface AppUse {
  app: FirstPartyApp;
  resource: Resource;
  clientAppUsed: string;
  mobile: boolean;
  adminsOnly: boolean;
}

const appUses = weightedTable<AppUse>([
  [{ app: apps.office, resource: resources.exchange, clientAppUsed: 'Mobile Apps and Desktop clients', mobile: false, adminsOnly: false }, 26],
  [{ app: apps.outlookWeb, resource: resources.exchange, clientAppUsed: 'Browser', mobile: false, adminsOnly: false }, 12],
  [{ app: apps.teams, resource: resources.teamsServices, clientAppUsed: 'Mobile Apps and Desktop clients', mobile: false, adminsOnly: false }, 22],
  [{ app: apps.officeHome, resource: resources.graph, clientAppUsed: 'Browser', mobile: false, adminsOnly: false }, 6],
  [{ app: apps.oneDriveSync, resource: resources.sharePoint, clientAppUsed: 'Mobile Apps and Desktop clients', mobile: false, adminsOnly: false }, 12],
  [{ app: apps.outlookMobile, resource: resources.exchange, clientAppUsed: 'Mobile Apps and Desktop clients', mobile: true, adminsOnly: false }, 10],
  [{ app: apps.windowsSignIn, resource: resources.aadGraph, clientAppUsed: 'Mobile Apps and Desktop clients', mobile: false, adminsOnly: false }, 5],
  [{ app: apps.azurePortal, resource: resources.arm, clientAppUsed: 'Browser', mobile: false, adminsOnly: true }, 4],
  [{ app: apps.azureCli, resource: resources.arm, clientAppUsed: 'Mobile Apps and Desktop clients', mobile: false, adminsOnly: true }, 3],
]);

const eventTypes = weightedTable<SignInEventType>([
  ['interactiveUser', 20], ['nonInteractiveUser', 62], ['servicePrincipal', 12], ['managedIdentity', 6],
]);

const failureCodes = [50126, 50126, 50074, 50140, 50140, 53003] as const;

interface Principal {
  id: string;
  name: string;
  appId: string;
  credentialType: string;
  resource: Resource;
  msiResourceId: string | null;
}

function principals(ctx: GenerationContext): { sps: Principal[]; mis: Principal[] } {
  const a = ctx.assets.internalApps;
  const sps: Principal[] = [
    { id: a.backupAutomation.servicePrincipalId, name: a.backupAutomation.displayName, appId: a.backupAutomation.appId, credentialType: 'clientSecret', resource: resources.graph, msiResourceId: null },
    { id: a.hrSync.servicePrincipalId, name: a.hrSync.displayName, appId: a.hrSync.appId, credentialType: 'certificate', resource: resources.graph, msiResourceId: null },
    { id: a.terraform.servicePrincipalId, name: a.terraform.displayName, appId: a.terraform.appId, credentialType: 'clientSecret', resource: resources.arm, msiResourceId: null },
    { id: a.financeConnector.servicePrincipalId, name: a.financeConnector.displayName, appId: a.financeConnector.appId, credentialType: 'certificate', resource: resources.graph, msiResourceId: null },
  ];
  const mis: Principal[] = ctx.assets.managedIdentities.map((m) => ({
    id: m.servicePrincipalId, name: m.displayName, appId: m.appId, credentialType: 'managedIdentity',
    resource: managedIdentityResource(m.resourceId), msiResourceId: m.resourceId,
  }));
  return { sps, mis };
}

/** Managed identities of VMs read Key Vault; those of web apps read storage. */
function managedIdentityResource(resourceId: string): Resource {
  return resourceId.includes('virtualMachines')
    ? { id: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', name: 'Azure Key Vault' }
    : { id: 'e406a681-f3d4-42a8-90b6-c2b029497af1', name: 'Azure Storage' };
}

export interface SignInFactoryDeps {
  ctx: GenerationContext;
  tenant: TenantSignInInfo;
  policies: ReturnType<typeof conditionalAccessPolicies>;
}

function userSignIn(deps: SignInFactoryDeps, rng: Rng, ms: number, interactive: boolean, sessions: Map<string, string>): GraphSignIn {
  const { ctx } = deps;
  const user = rng.pick(ctx.population.activityPool);
  let use = appUses[rng.int(appUses.length)]!;
  if (use.adminsOnly && !user.isAdmin && user.department !== 'Engineering') use = appUses[0]!;
  const atOffice = rng.chance(0.68);
  const ip = user.homeIps[atOffice ? 0 : 1]!;
  const failed = interactive && rng.chance(0.035);
  const errorCode = failed ? rng.pick(failureCodes) : 0;
  const mfa = interactive && !failed && (user.isAdmin || !atOffice || rng.chance(0.3));
  const ca = evaluateConditionalAccess(deps.policies, { admin: user.isAdmin, legacy: false, mfa: mfa || !interactive, failedFirstFactor: errorCode === 50126 });
  let session = sessions.get(user.id);
  if (session === undefined) {
    session = rng.guid();
    sessions.set(user.id, session);
  }
  const userAgent = use.mobile ? user.mobile.userAgent
    : use.app === apps.azureCli ? clientStrings.azureCli
    : use.app === apps.office ? clientStrings.outlookDesktop
    : use.app === apps.teams ? clientStrings.teamsDesktop
    : use.app === apps.oneDriveSync ? clientStrings.oneDriveSync
    : user.device.userAgent;
  const input: SignInInput = {
    ms, id: rng.guid(), eventType: interactive ? 'interactiveUser' : 'nonInteractiveUser', user, principal: null,
    app: use.app as SignInApp, resource: use.resource, ip, place: placeOfUser(user), clientAppUsed: use.clientAppUsed, userAgent,
    device: use.mobile ? mobileDevice(user) : desktopDevice(user), errorCode, mfa,
    authenticationDetails: errorCode === 50126 ? authSteps.badPassword(ms)
      : interactive ? (mfa ? authSteps.passwordAndMfa(ms) : authSteps.passwordOnly(ms))
      : authSteps.previouslySatisfied(ms),
    authenticationProtocol: 'none', originalTransferMethod: 'none',
    incomingTokenType: interactive ? 'none' : rng.chance(0.5) ? 'primaryRefreshToken' : 'refreshToken',
    correlationId: rng.guid(), sessionId: session, uniqueTokenIdentifier: rng.base64(22), processingMs: 40 + rng.int(400),
    risk: { level: 'none', eventTypes: [] }, conditionalAccess: ca.applied, conditionalAccessStatus: errorCode === 53003 ? 'failure' : ca.status,
  };
  return buildSignIn(deps.tenant, input);
}

function principalSignIn(deps: SignInFactoryDeps, rng: Rng, ms: number, principal: Principal, managed: boolean): GraphSignIn {
  return buildSignIn(deps.tenant, {
    ms, id: rng.guid(), eventType: managed ? 'managedIdentity' : 'servicePrincipal', user: null,
    principal: { id: principal.id, name: principal.name, credentialType: principal.credentialType, msiResourceId: principal.msiResourceId },
    app: { appId: principal.appId, displayName: principal.name }, resource: principal.resource,
    ip: managed ? '' : `192.0.2.${240 + rng.int(10)}`, place: managed ? null : azureDatacenter, clientAppUsed: null, userAgent: '', device: null,
    errorCode: 0, mfa: false, authenticationDetails: [], authenticationProtocol: 'none', originalTransferMethod: 'none', incomingTokenType: 'none',
    correlationId: rng.guid(), sessionId: '', uniqueTokenIdentifier: rng.base64(22), processingMs: 10 + rng.int(60),
    risk: { level: 'none', eventTypes: [] }, conditionalAccess: [], conditionalAccessStatus: 'notApplied',
  });
}

export function createSignInDeps(ctx: GenerationContext): SignInFactoryDeps {
  return {
    ctx,
    tenant: { tenantId: ctx.population.tenant.id, hasP2: ctx.profile.hasEntraP2 },
    policies: conditionalAccessPolicies(ctx.seed, ctx.profile.hasEntraP1),
  };
}

/** Benign sign-ins of the whole history window, sorted by createdDateTime. */
export function generateSignInBackground(ctx: GenerationContext): GraphSignIn[] {
  const deps = createSignInDeps(ctx);
  const { sps, mis } = principals(ctx);
  const out: GraphSignIn[] = [];
  forEachDay(
    {
      seed: ctx.seed, source: 'signins', anchorMs: ctx.anchorMs, days: ctx.days, cutoffMs: cutoffFor(ctx, 'signins'),
      perDay: perDayAtScale1.signins * ctx.scale, utcOffset: TENANT_UTC_OFFSET,
    },
    (rng, slots) => {
      const sessions = new Map<string, string>();
      for (const slot of slots) {
        for (let i = 0; i < slot.times.length; i++) {
          const ms = slot.times[i]!;
          const type = eventTypes[rng.int(eventTypes.length)]!;
          if (type === 'servicePrincipal') out.push(principalSignIn(deps, rng, ms, rng.pick(sps), false));
          else if (type === 'managedIdentity') out.push(principalSignIn(deps, rng, ms, rng.pick(mis), true));
          else out.push(userSignIn(deps, rng, ms, type === 'interactiveUser', sessions));
        }
      }
    },
  );
  return out;
}

