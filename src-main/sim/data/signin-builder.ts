/**
 * Builds Microsoft Graph beta `signIn` objects (the shape /beta/auditLogs/signIns returns),
 * with every property the collector may read, in the order the service writes them.
 */
import type { Place } from './catalog.js';
import { isOfficeIp } from './population.js';
import { createRng } from './prng.js';
import { graphSecondsTime } from './time-format.js';
import type { GraphAuthenticationDetail, GraphSignIn, SignInEventType, SimUser } from './types.js';

export interface SignInApp {
  appId: string;
  displayName: string;
}

export interface SignInDevice {
  deviceId: string;
  displayName: string;
  operatingSystem: string;
  browser: string;
  isCompliant: boolean;
  isManaged: boolean;
  trustType: string;
}

export interface SignInInput {
  ms: number;
  id: string;
  eventType: SignInEventType;
  user: SimUser | null;
  /** Service principal or managed identity that signed in (non-user sign-ins). */
  principal: { id: string; name: string; credentialType: string; msiResourceId: string | null } | null;
  app: SignInApp;
  resource: { id: string; name: string };
  ip: string;
  place: Pick<Place, 'city' | 'state' | 'country' | 'latitude' | 'longitude' | 'asn'> | null;
  clientAppUsed: string | null;
  userAgent: string;
  device: SignInDevice | null;
  errorCode: number;
  mfa: boolean;
  authenticationDetails: GraphAuthenticationDetail[];
  authenticationProtocol: string;
  originalTransferMethod: string;
  incomingTokenType: string;
  correlationId: string;
  sessionId: string;
  uniqueTokenIdentifier: string;
  processingMs: number;
  /** Identity Protection view of the sign-in; only visible with Entra ID P2. */
  risk: { level: 'none' | 'low' | 'medium' | 'high'; eventTypes: string[] };
  conditionalAccess: GraphSignIn['appliedConditionalAccessPolicies'];
  conditionalAccessStatus: GraphSignIn['conditionalAccessStatus'];
}

export const failureReasons: Record<number, string> = {
  50126: 'Error validating credentials due to invalid username or password.',
  50053: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
  50074: 'Strong Authentication is required.',
  50076: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  50140: "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.",
  53003: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  500121: 'Authentication failed during strong authentication request.',
};

/**
 * Sub-objects that are identical across many sign-ins are built once and shared (frozen):
 * hundreds of thousands of records would otherwise each carry private copies. Treat generated
 * records as read-only.
 */
function shared<T>(value: T): T {
  return Object.freeze(value) as T;
}

const EMPTY: string[] = shared([]);
const SUCCESS = shared({ errorCode: 0, failureReason: null, additionalDetails: null });
const NO_DEVICE = shared({ deviceId: '', displayName: '', operatingSystem: '', browser: '', isCompliant: false, isManaged: false, trustType: '' });
const NO_PLACE = shared({ city: null, state: null, countryOrRegion: null, geoCoordinates: shared({ altitude: null, latitude: null, longitude: null }) });
const NO_MSI = shared({ msiType: 'none', associatedResourceId: null, federatedTokenId: null, federatedTokenIssuer: null });
const EVENT_TYPES: Record<SignInEventType, SignInEventType[]> = {
  interactiveUser: shared(['interactiveUser']),
  nonInteractiveUser: shared(['nonInteractiveUser']),
  servicePrincipal: shared(['servicePrincipal']),
  managedIdentity: shared(['managedIdentity']),
};
const PROCESSING = {
  fresh: shared([shared({ key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' }), shared({ key: 'Is CAE Token', value: 'False' })]),
  cae: shared([shared({ key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' }), shared({ key: 'Is CAE Token', value: 'True' })]),
};
const HEAD_OFFICE = shared([shared({ networkType: 'namedNetwork', networkNames: shared(['Head office']) })]);
const NO_NETWORK: GraphSignIn['networkLocationDetails'] = shared([]);

const locations = new WeakMap<object, GraphSignIn['location']>();
function locationOf(place: NonNullable<SignInInput['place']>): GraphSignIn['location'] {
  let loc = locations.get(place);
  if (loc === undefined) {
    loc = shared({
      city: place.city, state: place.state, countryOrRegion: place.country,
      geoCoordinates: shared({ altitude: null, latitude: place.latitude, longitude: place.longitude }),
    });
    locations.set(place, loc);
  }
  return loc;
}

export interface TenantSignInInfo {
  tenantId: string;
  hasP2: boolean;
}

export function buildSignIn(tenant: TenantSignInInfo, p: SignInInput): GraphSignIn {
  const user = p.user;
  const hidden = !tenant.hasP2;
  const riskValue = hidden ? 'hidden' : p.risk.level;
  const interactive = p.eventType === 'interactiveUser';
  const place = p.place;
  return {
    id: p.id,
    createdDateTime: graphSecondsTime(p.ms),
    userDisplayName: user ? user.displayName : null,
    userPrincipalName: user ? user.userPrincipalName.toLowerCase() : null,
    userId: user ? user.id : '',
    appId: p.app.appId,
    appDisplayName: p.app.displayName,
    ipAddress: p.ip,
    clientAppUsed: p.clientAppUsed,
    correlationId: p.correlationId,
    conditionalAccessStatus: p.conditionalAccessStatus,
    isInteractive: interactive,
    riskDetail: hidden ? 'hidden' : p.risk.level === 'none' ? 'none' : 'aiConfirmedSigninSafe',
    riskLevelAggregated: riskValue,
    riskLevelDuringSignIn: riskValue,
    riskState: hidden ? 'none' : p.risk.level === 'none' ? 'none' : 'atRisk',
    riskEventTypes: hidden || p.risk.eventTypes.length === 0 ? EMPTY : p.risk.eventTypes,
    riskEventTypes_v2: hidden || p.risk.eventTypes.length === 0 ? EMPTY : p.risk.eventTypes,
    resourceDisplayName: p.resource.name,
    resourceId: p.resource.id,
    status: p.errorCode === 0 ? SUCCESS : {
      errorCode: p.errorCode,
      failureReason: failureReasons[p.errorCode] ?? 'Other.',
      additionalDetails: p.errorCode === 50074 || p.errorCode === 50076 ? 'MFA requirement satisfied by claim in the token' : null,
    },
    deviceDetail: p.device ?? NO_DEVICE,
    location: place ? locationOf(place) : NO_PLACE,
    appliedConditionalAccessPolicies: p.conditionalAccess,
    userAgent: p.userAgent,
    signInEventTypes: EVENT_TYPES[p.eventType],
    authenticationProtocol: p.authenticationProtocol,
    originalTransferMethod: p.originalTransferMethod,
    incomingTokenType: p.incomingTokenType,
    authenticationRequirement: p.mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    authenticationDetails: p.authenticationDetails,
    authenticationMethodsUsed: methodsUsed(p.authenticationDetails),
    authenticationProcessingDetails: p.incomingTokenType === 'none' ? PROCESSING.fresh : PROCESSING.cae,
    networkLocationDetails: isOfficeIp(p.ip) ? HEAD_OFFICE : NO_NETWORK,
    servicePrincipalId: p.principal ? p.principal.id : '',
    servicePrincipalName: p.principal ? p.principal.name : null,
    managedServiceIdentity: p.eventType === 'managedIdentity'
      ? { msiType: 'systemAssigned', associatedResourceId: p.principal?.msiResourceId ?? null, federatedTokenId: null, federatedTokenIssuer: null }
      : NO_MSI,
    clientCredentialType: p.principal ? p.principal.credentialType : 'none',
    homeTenantId: tenant.tenantId,
    resourceTenantId: tenant.tenantId,
    crossTenantAccessType: 'none',
    tokenIssuerType: 'AzureAD',
    tokenIssuerName: '',
    uniqueTokenIdentifier: p.uniqueTokenIdentifier,
    sessionId: p.sessionId,
    originalRequestId: p.id,
    processingTimeInMilliseconds: p.processingMs,
    autonomousSystemNumber: place ? place.asn : 8075,
    userType: 'member',
    flaggedForReview: false,
    isTenantRestricted: false,
    ipAddressFromResourceProvider: null,
    azureResourceId: p.principal?.msiResourceId ?? '',
  };
}

const METHODS_PASSWORD: string[] = shared(['Password']);
const METHODS_PASSWORD_APP: string[] = shared(['Password', 'Mobile app notification']);

function methodsUsed(details: GraphAuthenticationDetail[]): string[] {
  const used = details.filter((d) => d.succeeded && d.authenticationMethod !== 'Previously satisfied').map((d) => d.authenticationMethod);
  if (used.length === 0) return EMPTY;
  if (used.length === 1 && used[0] === 'Password') return METHODS_PASSWORD;
  if (used.length === 2 && used[0] === 'Password' && used[1] === 'Mobile app notification') return METHODS_PASSWORD_APP;
  return used;
}

export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'enabledForReportingButNotEnforced';
  grant: string[];
}

/** The tenant's conditional access policies (none without Entra ID P1). */
export function conditionalAccessPolicies(seed: number, hasP1: boolean): ConditionalAccessPolicy[] {
  if (!hasP1) return [];
  const rng = createRng(seed, 'conditional-access');
  return [
    { id: rng.guid(), displayName: 'Require MFA for administrators', state: 'enabled', grant: ['Mfa'] },
    // Both left in report-only mode: the gaps the intrusion slips through (a common real-world state).
    { id: rng.guid(), displayName: 'Require MFA for all users', state: 'enabledForReportingButNotEnforced', grant: ['Mfa'] },
    { id: rng.guid(), displayName: 'Block legacy authentication', state: 'enabledForReportingButNotEnforced', grant: ['Block'] },
  ];
}

/** Evaluations repeat a handful of outcomes: each distinct policy list is built once. */
const evaluated = new WeakMap<ConditionalAccessPolicy[], Map<string, GraphSignIn['appliedConditionalAccessPolicies']>>();

function cachedOutcome(
  policies: ConditionalAccessPolicy[],
  results: string[],
): GraphSignIn['appliedConditionalAccessPolicies'] {
  let byKey = evaluated.get(policies);
  if (byKey === undefined) {
    byKey = new Map();
    evaluated.set(policies, byKey);
  }
  const key = results.join('|');
  let applied = byKey.get(key);
  if (applied === undefined) {
    applied = shared(policies.map((p, i) => shared({
      id: p.id, displayName: p.displayName, enforcedGrantControls: results[i] === 'success' ? p.grant : EMPTY, enforcedSessionControls: EMPTY, result: results[i]!,
    })));
    byKey.set(key, applied);
  }
  return applied;
}

/** Per-sign-in evaluation of the policies above; `legacy` marks ROPC/legacy clients. */
export function evaluateConditionalAccess(
  policies: ConditionalAccessPolicy[],
  opts: { admin: boolean; legacy: boolean; mfa: boolean; failedFirstFactor: boolean },
): { applied: GraphSignIn['appliedConditionalAccessPolicies']; status: GraphSignIn['conditionalAccessStatus'] } {
  if (policies.length === 0) return { applied: cachedOutcome(policies, []), status: 'notApplied' };
  if (opts.failedFirstFactor) return { applied: cachedOutcome(policies, policies.map(() => 'notApplied')), status: 'notApplied' };
  // Policy order as built above: administrators, all users (report-only), legacy block (report-only).
  const results = [
    opts.admin && !opts.legacy ? 'success' : 'notApplied',
    opts.legacy ? 'reportOnlyNotApplied' : opts.mfa ? 'reportOnlySuccess' : 'reportOnlyInterrupted',
    opts.legacy ? 'reportOnlyFailure' : 'reportOnlyNotApplied',
  ];
  return { applied: cachedOutcome(policies, results), status: results[0] === 'success' ? 'success' : 'notApplied' };
}
