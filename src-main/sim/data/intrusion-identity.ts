/**
 * Intrusion, identity phase: password spray and the legacy-protocol hit on the finance manager,
 * the intruder's own sessions, the illicit consent to "Mail Sync Helper", device-code phishing
 * of the systems administrator, a rogue MFA method, and a secret added to an internal app.
 */
import { apps, clientStrings, intruderIps, intruderPlaces, resources } from './catalog.js';
import type { Place } from './catalog.js';
import { buildDirectoryAudit, keyDescription, modified, objectTarget, userTarget } from './directory-audit-builder.js';
import { tag } from './intrusion-script.js';
import type { IntrusionEndState, Script } from './intrusion-script.js';
import { buildSignIn, evaluateConditionalAccess } from './signin-builder.js';
import type { SignInApp, SignInDevice, SignInInput } from './signin-builder.js';
import { authSteps, desktopDevice, placeOfUser, unknownDevice } from './signin-common.js';
import type { SignInPlace } from './signin-common.js';
import type { GraphAuthenticationDetail, SignInEventType, SimUser } from './types.js';
import { directoryChange, stsLogon } from './ual-entra.js';

interface IntruderSignIn {
  ms: number;
  user: SimUser;
  eventType: SignInEventType;
  app: SignInApp;
  resource: { id: string; name: string };
  ip: string;
  place: SignInPlace;
  clientAppUsed: string;
  userAgent: string;
  device: SignInDevice;
  errorCode: number;
  mfa: boolean;
  details: GraphAuthenticationDetail[];
  protocol: string;
  transfer: string;
  incoming: string;
  legacy: boolean;
  sessionId: string;
  risk: SignInInput['risk'];
}

function signIn(s: Script, p: IntruderSignIn): ReturnType<typeof buildSignIn> {
  const ca = evaluateConditionalAccess(s.signInDeps.policies, { admin: p.user.isAdmin, legacy: p.legacy, mfa: p.mfa, failedFirstFactor: p.errorCode === 50126 });
  return buildSignIn(s.signInDeps.tenant, {
    ms: p.ms, id: s.rng.guid(), eventType: p.eventType, user: p.user, principal: null, app: p.app, resource: p.resource, ip: p.ip, place: p.place,
    clientAppUsed: p.clientAppUsed, userAgent: p.userAgent, device: p.device, errorCode: p.errorCode, mfa: p.mfa, authenticationDetails: p.details,
    authenticationProtocol: p.protocol, originalTransferMethod: p.transfer, incomingTokenType: p.incoming, correlationId: s.rng.guid(),
    sessionId: p.sessionId, uniqueTokenIdentifier: s.rng.base64(22), processingMs: 60 + s.rng.int(300), risk: p.risk,
    conditionalAccess: ca.applied, conditionalAccessStatus: ca.status,
  });
}

const noRisk: SignInInput['risk'] = { level: 'none', eventTypes: [] };
const exchangeApp: SignInApp = { appId: resources.exchange.id, displayName: resources.exchange.name };

function placeOf(p: Place): SignInPlace {
  return { city: p.city, state: p.state, country: p.country, latitude: p.latitude, longitude: p.longitude, asn: p.asn };
}

/** Day 0, 02:10–02:57: spray across the tenant, then the finance manager's password works over ROPC. */
export function passwordSpray(s: Script): void {
  const { population } = s.ctx;
  const f = population.key.financeVictim;
  const sprayers = [
    { ip: intruderIps.sprayA, place: placeOf(intruderPlaces.sprayA) },
    { ip: intruderIps.sprayB, place: placeOf(intruderPlaces.sprayB) },
    { ip: intruderIps.sprayC, place: placeOf(intruderPlaces.sprayC) },
    { ip: intruderIps.sprayD, place: placeOf(intruderPlaces.sprayD) },
  ];
  const others = population.active.filter((u) => u !== f && u !== population.key.adminVictim);
  const targets: SimUser[] = [f];
  for (let i = 0; i < Math.min(17, others.length); i++) targets.push(others[(i * 7 + s.rng.int(3)) % others.length]!);
  const unique = [...new Set(targets)];
  const attempts = 3 * unique.length + 6;
  const start = s.at(0, 2, 10);
  for (let i = 0; i < attempts; i++) {
    const ms = start + Math.floor((i * 44 * 60_000) / attempts) + s.rng.int(20_000);
    const user = unique[i % unique.length]!;
    const sprayer = sprayers[i % sprayers.length]!;
    const device = unknownDevice('', '');
    tag(s.out.signIns, signIn(s, {
      ms, user, eventType: 'interactiveUser', app: exchangeApp, resource: resources.exchange, ip: sprayer.ip, place: sprayer.place,
      clientAppUsed: 'Other clients', userAgent: clientStrings.spray, device, errorCode: 50126, mfa: false, details: authSteps.badPassword(ms),
      protocol: 'ropc', transfer: 'none', incoming: 'none', legacy: true, sessionId: '', risk: noRisk,
    }), ms, 'T1110.003', `Password spray: failed legacy (ROPC) sign-in for ${user.userPrincipalName} from ${sprayer.ip}`);
    tag(s.out.ual, stsLogon(s.env, {
      ms, user, ip: sprayer.ip, applicationId: resources.exchange.id, resourceId: resources.exchange.id, errorCode: 50126, userAgent: clientStrings.spray,
      requestType: 'OAuth2:Token', os: '', browser: '', sessionId: '', keepMeSignedIn: false, authenticationMethod: '1',
    }), ms, 'T1110.003', `Password spray: UserLoginFailed for ${user.userPrincipalName} from ${sprayer.ip}`);
  }
  const hit = s.at(0, 2, 57);
  const sprayC = sprayers[2]!;
  tag(s.out.signIns, signIn(s, {
    ms: hit, user: f, eventType: 'interactiveUser', app: exchangeApp, resource: resources.exchange, ip: sprayC.ip, place: sprayC.place,
    clientAppUsed: 'Other clients', userAgent: clientStrings.spray, device: unknownDevice('', ''), errorCode: 0, mfa: false,
    details: authSteps.passwordOnly(hit), protocol: 'ropc', transfer: 'none', incoming: 'none', legacy: true, sessionId: s.rng.guid(),
    risk: { level: 'medium', eventTypes: ['passwordSpray'] },
  }), hit, 'T1078.004', `Password spray succeeded: single-factor legacy (ROPC) sign-in as ${f.userPrincipalName} from ${sprayC.ip}`);
  tag(s.out.ual, stsLogon(s.env, {
    ms: hit, user: f, ip: sprayC.ip, applicationId: resources.exchange.id, resourceId: resources.exchange.id, errorCode: 0, userAgent: clientStrings.spray,
    requestType: 'OAuth2:Token', os: '', browser: '', sessionId: s.rng.guid(), keepMeSignedIn: false, authenticationMethod: '1',
  }), hit, 'T1078.004', `UserLoggedIn for ${f.userPrincipalName} over legacy ROPC from ${sprayC.ip}`);
}

/** Day 0, 03:05: the intruder uses the password in a browser, then keeps the session alive. */
export function operatorSessions(s: Script): string {
  const f = s.ctx.population.key.financeVictim;
  const session = s.rng.guid();
  const device = unknownDevice('Linux', 'Firefox 128.0');
  const place = placeOf(s.operatorPlace);
  const first = s.at(0, 3, 5);
  tag(s.out.signIns, signIn(s, {
    ms: first, user: f, eventType: 'interactiveUser', app: apps.outlookWeb, resource: resources.exchange, ip: s.operatorIp, place,
    clientAppUsed: 'Browser', userAgent: clientStrings.intruderBrowser, device, errorCode: 0, mfa: false, details: authSteps.passwordOnly(first),
    protocol: 'none', transfer: 'none', incoming: 'none', legacy: false, sessionId: session, risk: { level: 'medium', eventTypes: ['unfamiliarFeatures'] },
  }), first, 'T1078.004', `Intruder browser sign-in to Outlook on the web as ${f.userPrincipalName} from ${s.operatorIp} (NL), single factor`);
  tag(s.out.ual, stsLogon(s.env, {
    ms: first, user: f, ip: s.operatorIp, applicationId: apps.outlookWeb.appId, resourceId: resources.exchange.id, errorCode: 0,
    userAgent: clientStrings.intruderBrowser, requestType: 'Login:login', os: 'Linux', browser: 'Firefox', sessionId: session, keepMeSignedIn: true, authenticationMethod: '1',
  }), first, 'T1078.004', `UserLoggedIn for ${f.userPrincipalName} from ${s.operatorIp} (intruder browser)`);
  for (let i = 1; i <= 8; i++) {
    const ms = first + i * 19 * 60_000 + s.rng.int(60_000);
    tag(s.out.signIns, signIn(s, {
      ms, user: f, eventType: 'nonInteractiveUser', app: apps.outlookWeb, resource: resources.exchange, ip: s.operatorIp, place,
      clientAppUsed: 'Browser', userAgent: clientStrings.intruderBrowser, device, errorCode: 0, mfa: false, details: authSteps.previouslySatisfied(ms),
      protocol: 'none', transfer: 'none', incoming: 'refreshToken', legacy: false, sessionId: session, risk: noRisk,
    }), ms, 'T1078.004', `Intruder session token refresh for ${f.userPrincipalName} from ${s.operatorIp}`);
  }
  return session;
}

/** Day 0, 03:20: the finance manager's account consents to the intruder's multi-tenant app. */
export function illicitConsent(s: Script, session: string): Pick<IntrusionEndState, 'grant' | 'consentMs'> {
  const { population, assets } = s.ctx;
  const f = population.key.financeVictim;
  const app = assets.maliciousApp;
  const ms = s.at(0, 3, 20);
  const scope = 'Mail.ReadWrite Mail.Send offline_access User.Read';
  const grantId = s.rng.base64(43);
  const graphSp = assets.firstPartySpIds.graph;
  const correlationId = s.rng.guid();
  const place = placeOf(s.operatorPlace);
  tag(s.out.signIns, signIn(s, {
    ms: ms - 40_000, user: f, eventType: 'interactiveUser', app: { appId: app.appId, displayName: app.displayName }, resource: resources.graph,
    ip: s.operatorIp, place, clientAppUsed: 'Browser', userAgent: clientStrings.intruderBrowser, device: unknownDevice('Linux', 'Firefox 128.0'),
    errorCode: 0, mfa: false, details: authSteps.previouslySatisfied(ms - 40_000), protocol: 'none', transfer: 'none', incoming: 'none', legacy: false,
    sessionId: session, risk: noRisk,
  }), ms - 40_000, 'T1528', `Sign-in to the unverified multi-tenant app "${app.displayName}" as ${f.userPrincipalName} (consent flow)`);
  const initiator = { user: f, ip: s.operatorIp, app: null };
  const ua: [string, string] = ['User-Agent', clientStrings.intruderBrowser];
  const spTarget = (props: ReturnType<typeof modified>[]) => objectTarget('ServicePrincipal', app.servicePrincipalId, app.displayName, props);
  tag(s.out.directoryAudits, buildDirectoryAudit(s.rng, {
    ms, correlationId, success: true, category: 'ApplicationManagement', activity: 'Add service principal', loggedByService: 'Core Directory',
    operationType: 'Add', resultReason: '', initiator,
    targets: [spTarget([modified('AccountEnabled', null, [true]), modified('AppPrincipalId', null, [app.appId]), modified('DisplayName', null, [app.displayName])])],
    additional: [ua, ['AppId', app.appId]],
  }), ms, 'T1528', `Service principal of "${app.displayName}" created in the tenant by the consent`);
  tag(s.out.directoryAudits, buildDirectoryAudit(s.rng, {
    ms: ms + 1000, correlationId, success: true, category: 'ApplicationManagement', activity: 'Add delegated permission grant', loggedByService: 'Core Directory',
    operationType: 'Assign', resultReason: '', initiator,
    targets: [objectTarget('ServicePrincipal', graphSp, 'Microsoft Graph', [modified('DelegatedPermissionGrant.Scope', null, scope), modified('DelegatedPermissionGrant.ConsentType', null, 'Principal')]),
      spTarget([])],
    additional: [ua],
  }), ms + 1000, 'T1528', `Delegated grant "${scope}" to "${app.displayName}"`);
  tag(s.out.directoryAudits, buildDirectoryAudit(s.rng, {
    ms: ms + 2000, correlationId, success: true, category: 'ApplicationManagement', activity: 'Consent to application', loggedByService: 'Core Directory',
    operationType: 'Assign', resultReason: '', initiator,
    targets: [spTarget([
      modified('ConsentContext.IsAdminConsent', null, 'False'), modified('ConsentContext.IsAppOnly', null, 'False'), modified('ConsentContext.OnBehalfOfAll', null, 'False'),
      modified('ConsentContext.Tags', null, 'WindowsAzureActiveDirectoryIntegratedApp'),
      modified('ConsentAction.Permissions', null, `[] => [[Id: ${grantId}, ClientId: ${app.servicePrincipalId}, PrincipalId: ${f.id}, ResourceId: ${graphSp}, ConsentType: Principal, Scope:  ${scope}, CreatedDateTime: , LastModifiedDateTime ]]; `),
    ])],
    additional: [ua, ['AppId', app.appId]],
  }), ms + 2000, 'T1528', `User consent by ${f.userPrincipalName} to unverified app "${app.displayName}" (mail read/send)`);
  const ualActor = { user: f, app: null, ip: s.operatorIp, userAgent: clientStrings.intruderBrowser };
  const mirror = (operation: string, offset: number, targetClass: string, targetId: string, targetName: string, props: [string, string, string][], what: string) =>
    tag(s.out.ual, directoryChange(s.env, {
      ms: ms + offset, actor: ualActor, operation, success: true, auditCategory: 'ApplicationManagement', targetClass, targetId, targetName, modified: props, correlationId,
    }), ms + offset, 'T1528', what);
  mirror('Add service principal.', 0, 'ServicePrincipal', app.servicePrincipalId, app.displayName, [['AppPrincipalId', '', `["${app.appId}"]`]], `UAL: service principal of "${app.displayName}" added`);
  mirror('Add OAuth2PermissionGrant.', 1000, 'ServicePrincipal', graphSp, 'Microsoft Graph', [['DelegatedPermissionGrant.Scope', '', scope]], `UAL: OAuth2 permission grant to "${app.displayName}"`);
  mirror('Consent to application.', 2000, 'ServicePrincipal', app.servicePrincipalId, app.displayName,
    [['ConsentContext.IsAdminConsent', '', 'False'], ['ConsentAction.Permissions', '', scope]], `UAL: consent to "${app.displayName}" by ${f.userPrincipalName}`);
  for (let i = 0; i < 4; i++) {
    const t = ms + (10 + i * 14) * 60_000 + s.rng.int(60_000);
    tag(s.out.signIns, signIn(s, {
      ms: t, user: f, eventType: 'nonInteractiveUser', app: { appId: app.appId, displayName: app.displayName }, resource: resources.graph, ip: s.operatorIp, place,
      clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: clientStrings.pythonRequests, device: unknownDevice('', ''), errorCode: 0, mfa: false,
      details: authSteps.previouslySatisfied(t), protocol: 'none', transfer: 'none', incoming: 'refreshToken', legacy: false, sessionId: session, risk: noRisk,
    }), t, 'T1528', `"${app.displayName}" redeems the stolen refresh token for ${f.userPrincipalName}`);
  }
  return {
    consentMs: ms,
    grant: { id: grantId, clientId: app.servicePrincipalId, consentType: 'Principal', principalId: f.id, resourceId: graphSp, scope },
  };
}

/** Day 0, 08:40–09:40: device-code phishing of the administrator and a rogue authenticator. */
export function deviceCodePhish(s: Script): void {
  const a = s.ctx.population.key.adminVictim;
  const place = placeOf(s.operatorPlace);
  const ms = s.at(0, 9, 12);
  const session = s.rng.guid();
  tag(s.out.signIns, signIn(s, {
    ms, user: a, eventType: 'interactiveUser', app: apps.authBroker, resource: resources.graph, ip: a.homeIps[0]!, place: placeOfUser(a),
    clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: a.device.userAgent, device: desktopDevice(a), errorCode: 0, mfa: true,
    details: authSteps.passwordAndMfa(ms), protocol: 'deviceCode', transfer: 'deviceCodeFlow', incoming: 'none', legacy: false, sessionId: session, risk: noRisk,
  }), ms, 'T1566.002', `Device-code phishing: ${a.userPrincipalName} completed a device-code sign-in (Microsoft Authentication Broker) started by the intruder`);
  tag(s.out.ual, stsLogon(s.env, {
    ms, user: a, ip: a.homeIps[0]!, applicationId: apps.authBroker.appId, resourceId: resources.graph.id, errorCode: 0, userAgent: a.device.userAgent,
    requestType: 'Cmsi:Cmsi', os: a.device.operatingSystem, browser: a.device.browser.split(' ')[0]!, sessionId: session, keepMeSignedIn: false, authenticationMethod: '3',
  }), ms, 'T1566.002', `UserLoggedIn (Cmsi:Cmsi device-code) for ${a.userPrincipalName} via Microsoft Authentication Broker`);
  const uses: { app: SignInApp; resource: { id: string; name: string } }[] = [
    { app: apps.authBroker, resource: resources.graph },
    { app: apps.azureCli, resource: resources.arm },
    { app: apps.office, resource: resources.exchange },
    { app: apps.azureCli, resource: resources.azureDevOps },
  ];
  for (let i = 0; i < 10; i++) {
    const t = ms + (2 + i * 17) * 60_000 + s.rng.int(90_000);
    const use = uses[i % uses.length]!;
    tag(s.out.signIns, signIn(s, {
      ms: t, user: a, eventType: 'nonInteractiveUser', app: use.app, resource: use.resource, ip: s.operatorIp, place,
      clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: clientStrings.pythonRequests, device: unknownDevice('', ''), errorCode: 0, mfa: true,
      details: authSteps.mfaByClaim(t), protocol: 'none', transfer: 'deviceCodeFlow', incoming: 'refreshToken', legacy: false, sessionId: session,
      risk: i === 0 ? { level: 'high', eventTypes: ['anomalousToken'] } : noRisk,
    }), t, 'T1550.001', `Intruder redeems ${a.userPrincipalName}'s phished refresh token for ${use.resource.name} from ${s.operatorIp}`);
  }
  const mfaMs = s.at(0, 9, 40);
  tag(s.out.directoryAudits, buildDirectoryAudit(s.rng, {
    ms: mfaMs, correlationId: s.rng.guid(), success: true, category: 'UserManagement', activity: 'User registered security info', loggedByService: 'Authentication Methods',
    operationType: 'Add', resultReason: 'User registered Authenticator App with Notification and Code', initiator: { user: a, ip: s.operatorIp, app: null },
    targets: [userTarget(a, [])], additional: [],
  }), mfaMs, 'T1098.005', `Intruder registers its own authenticator app on ${a.userPrincipalName} from ${s.operatorIp}`);
  tag(s.out.ual, directoryChange(s.env, {
    ms: mfaMs, actor: { user: a, app: null, ip: s.operatorIp, userAgent: clientStrings.intruderBrowser }, operation: 'Update user.', success: true,
    auditCategory: 'UserManagement', targetClass: 'User', targetId: a.id, targetName: a.userPrincipalName,
    modified: [['StrongAuthenticationPhoneAppDetail', '[]', '[{"DeviceName":"Pixel 7","DeviceToken":"redacted","AuthenticationType":3}]']], correlationId: s.rng.guid(),
  }), mfaMs, 'T1098.005', `UAL: authenticator app added to ${a.userPrincipalName}`);
}

/** Day 1, 01:30: a client secret is added to an internal app the intruder then signs in as. */
export function servicePrincipalBackdoor(s: Script): IntrusionEndState['addedCredential'] {
  const a = s.ctx.population.key.adminVictim;
  const app = s.ctx.assets.internalApps.financeConnector;
  const ms = s.at(1, 1, 30);
  const keyId = s.rng.guid();
  const correlationId = s.rng.guid();
  tag(s.out.directoryAudits, buildDirectoryAudit(s.rng, {
    ms, correlationId, success: true, category: 'ApplicationManagement', activity: 'Add service principal credentials', loggedByService: 'Core Directory',
    operationType: 'Update', resultReason: '', initiator: { user: a, ip: s.operatorIp, app: null },
    targets: [objectTarget('ServicePrincipal', app.servicePrincipalId, app.displayName, [
      modified('KeyDescription', [], [keyDescription(keyId, 'Password', 'sync')]),
      { displayName: 'Included Updated Properties', oldValue: null, newValue: '"KeyDescription"' },
    ])],
    additional: [['User-Agent', clientStrings.azureCli], ['AppId', app.appId]],
  }), ms, 'T1098.001', `Client secret added to service principal "${app.displayName}" by ${a.userPrincipalName} from ${s.operatorIp}`);
  tag(s.out.ual, directoryChange(s.env, {
    ms, actor: { user: a, app: null, ip: s.operatorIp, userAgent: clientStrings.azureCli }, operation: 'Add service principal credentials.', success: true,
    auditCategory: 'ApplicationManagement', targetClass: 'ServicePrincipal', targetId: app.servicePrincipalId, targetName: app.displayName,
    modified: [['KeyDescription', '[]', `["${keyDescription(keyId, 'Password', 'sync')}"]`]], correlationId,
  }), ms, 'T1098.001', `UAL: credentials added to "${app.displayName}"`);
  for (let i = 0; i < 5; i++) {
    const t = ms + (15 + i * 25) * 60_000 + s.rng.int(60_000);
    tag(s.out.signIns, buildSignIn(s.signInDeps.tenant, {
      ms: t, id: s.rng.guid(), eventType: 'servicePrincipal', user: null,
      principal: { id: app.servicePrincipalId, name: app.displayName, credentialType: 'clientSecret', msiResourceId: null },
      app: { appId: app.appId, displayName: app.displayName }, resource: i % 2 === 0 ? resources.arm : resources.graph, ip: s.operatorIp,
      place: placeOf(s.operatorPlace), clientAppUsed: null, userAgent: '', device: null, errorCode: 0, mfa: false, authenticationDetails: [],
      authenticationProtocol: 'none', originalTransferMethod: 'none', incomingTokenType: 'none', correlationId: s.rng.guid(), sessionId: '',
      uniqueTokenIdentifier: s.rng.base64(22), processingMs: 20 + s.rng.int(40), risk: noRisk, conditionalAccess: [], conditionalAccessStatus: 'notApplied',
    }), t, 'T1078.004', `Service principal "${app.displayName}" signs in with the new secret from ${s.operatorIp} (normally certificate, Azure only)`);
  }
  return {
    keyId, displayName: 'sync', type: 'Password', startDateTime: new Date(ms).toISOString(),
    endDateTime: new Date(ms + 730 * 86_400_000).toISOString(), hint: 'Q~x',
  };
}
