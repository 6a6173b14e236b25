/**
 * Everyday Entra ID directory audit events: user and group maintenance, device updates,
 * self-service password and security-info changes, and rare application changes that look
 * like the intrusion's (credential rotation, user consent to a verified app).
 */
import { apps } from './catalog.js';
import type { GenerationContext } from './context.js';
import { cutoffFor, perDayAtScale1, TENANT_UTC_OFFSET } from './context.js';
import { buildDirectoryAudit, keyDescription, modified, objectTarget, userTarget } from './directory-audit-builder.js';
import type { AuditInitiator } from './directory-audit-builder.js';
import { weightedTable } from './prng.js';
import type { Rng } from './prng.js';
import type { GraphDirectoryAudit } from './types.js';
import { forEachDay } from './volume.js';

type Kind =
  | 'updateUser' | 'addMember' | 'updateDevice' | 'addDevice' | 'ssprReset' | 'changePassword' | 'registeredSecurityInfo'
  | 'startedRegistration' | 'rotateSecret' | 'benignConsent' | 'addUser' | 'deleteDevice' | 'caPolicy';

const kinds = weightedTable<Kind>([
  ['updateUser', 25], ['addMember', 15], ['updateDevice', 20], ['addDevice', 1.2], ['ssprReset', 3], ['changePassword', 3],
  ['registeredSecurityInfo', 3], ['startedRegistration', 3], ['rotateSecret', 0.5], ['benignConsent', 0.6], ['addUser', 0.5],
  ['deleteDevice', 0.3], ['caPolicy', 0.3],
], 4000);

const deviceRegistrationService = { appId: null, displayName: 'Device Registration Service', servicePrincipalId: '' };

function build(ctx: GenerationContext, rng: Rng, ms: number, kind: Kind): GraphDirectoryAudit {
  const { population, assets } = ctx;
  const admin = rng.pick(population.admins);
  const user = rng.pick(population.active);
  const adminBy: AuditInitiator = { user: admin, ip: admin.homeIps[0]!, app: null };
  const selfBy: AuditInitiator = { user, ip: user.homeIps[rng.chance(0.6) ? 0 : 1]!, app: null };
  const ua: [string, string] = ['User-Agent', admin.device.userAgent];
  const correlationId = rng.guid();
  const base = { ms, correlationId, success: true };
  switch (kind) {
    case 'updateUser':
      return buildDirectoryAudit(rng, { ...base, category: 'UserManagement', activity: 'Update user', loggedByService: 'Core Directory', operationType: 'Update',
        resultReason: '', initiator: adminBy, targets: [userTarget(user, [modified('Department', [user.department], [user.department])])], additional: [ua] });
    case 'addMember':
      return buildDirectoryAudit(rng, { ...base, category: 'GroupManagement', activity: 'Add member to group', loggedByService: 'Core Directory', operationType: 'Assign',
        resultReason: '', initiator: adminBy,
        targets: [userTarget(user, [modified('Group.DisplayName', null, `${user.department} Team`)]), objectTarget('Group', rng.guid(), `${user.department} Team`, [])], additional: [ua] });
    case 'updateDevice':
    case 'addDevice':
    case 'deleteDevice': {
      const activity = kind === 'updateDevice' ? 'Update device' : kind === 'addDevice' ? 'Add device' : 'Delete device';
      return buildDirectoryAudit(rng, { ...base, category: 'Device', activity, loggedByService: 'Core Directory',
        operationType: kind === 'updateDevice' ? 'Update' : kind === 'addDevice' ? 'Add' : 'Delete', resultReason: '',
        initiator: { user: null, ip: '', app: deviceRegistrationService },
        targets: [objectTarget('Device', user.device.deviceId, user.device.displayName, [modified('ApproximateLastLogonTimestamp', null, new Date(ms).toISOString())])],
        additional: [['DeviceId', user.device.deviceId], ['DeviceOSType', user.device.operatingSystem], ['DeviceTrustType', user.device.trustType]] });
    }
    case 'ssprReset':
      return buildDirectoryAudit(rng, { ...base, category: 'UserManagement', activity: 'Reset password (self-service)', loggedByService: 'Self-service Password Management',
        operationType: 'Update', resultReason: 'Successfully completed reset.', initiator: selfBy, targets: [userTarget(user, [])], additional: [] });
    case 'changePassword':
      return buildDirectoryAudit(rng, { ...base, category: 'UserManagement', activity: 'Change user password', loggedByService: 'Core Directory', operationType: 'Update',
        resultReason: '', initiator: selfBy, targets: [userTarget(user, [])], additional: [['User-Agent', user.device.userAgent]] });
    case 'registeredSecurityInfo':
    case 'startedRegistration':
      return buildDirectoryAudit(rng, { ...base, category: 'UserManagement',
        activity: kind === 'registeredSecurityInfo' ? 'User registered security info' : 'User started security info registration',
        loggedByService: 'Authentication Methods', operationType: kind === 'registeredSecurityInfo' ? 'Add' : 'Update',
        resultReason: kind === 'registeredSecurityInfo' ? 'User registered Authenticator App with Notification and Code' : 'User started the registration for Authenticator App with Notification and Code',
        initiator: selfBy, targets: [userTarget(user, [])], additional: [] });
    case 'rotateSecret': {
      const app = assets.internalApps.backupAutomation;
      const keyId = rng.guid();
      return buildDirectoryAudit(rng, { ...base, category: 'ApplicationManagement', activity: 'Add service principal credentials', loggedByService: 'Core Directory',
        operationType: 'Update', resultReason: '', initiator: adminBy,
        targets: [objectTarget('ServicePrincipal', app.servicePrincipalId, app.displayName, [
          modified('KeyDescription', [], [keyDescription(keyId, 'Password', 'rotation')]),
          { displayName: 'Included Updated Properties', oldValue: null, newValue: '"KeyDescription"' },
        ])], additional: [ua, ['AppId', app.appId]] });
    }
    case 'benignConsent': {
      const app = assets.thirdPartyApp;
      return buildDirectoryAudit(rng, { ...base, category: 'ApplicationManagement', activity: 'Consent to application', loggedByService: 'Core Directory',
        operationType: 'Assign', resultReason: '', initiator: selfBy,
        targets: [objectTarget('ServicePrincipal', app.servicePrincipalId, app.displayName, [
          modified('ConsentContext.IsAdminConsent', null, 'False'),
          modified('ConsentContext.IsAppOnly', null, 'False'),
          modified('ConsentContext.OnBehalfOfAll', null, 'False'),
          modified('ConsentAction.Permissions', null, `[] => [[Id: ${rng.base64(43)}, ClientId: ${app.servicePrincipalId}, PrincipalId: ${user.id}, ResourceId: ${rng.guid()}, ConsentType: Principal, Scope:  User.Read openid profile offline_access, CreatedDateTime: , LastModifiedDateTime ]]; `),
        ])], additional: [['User-Agent', user.device.userAgent], ['AppId', app.appId]] });
    }
    case 'addUser':
      return buildDirectoryAudit(rng, { ...base, category: 'UserManagement', activity: 'Add user', loggedByService: 'Core Directory', operationType: 'Add',
        resultReason: '', initiator: adminBy, targets: [userTarget(user, [modified('AccountEnabled', null, [true])])], additional: [ua] });
    case 'caPolicy':
      return buildDirectoryAudit(rng, { ...base, category: 'Policy', activity: 'Update conditional access policy', loggedByService: 'Conditional Access',
        operationType: 'Update', resultReason: '', initiator: adminBy,
        targets: [objectTarget('Policy', rng.guid(), 'Require MFA outside trusted locations', [])], additional: [ua, ['AppId', apps.azurePortal.appId]] });
  }
}

/** Benign directory audits of the whole history window, sorted by activityDateTime. */
export function generateDirectoryAuditBackground(ctx: GenerationContext): GraphDirectoryAudit[] {
  const out: GraphDirectoryAudit[] = [];
  forEachDay(
    {
      seed: ctx.seed, source: 'directoryAudits', anchorMs: ctx.anchorMs, days: ctx.days, cutoffMs: cutoffFor(ctx, 'directoryAudits'),
      perDay: perDayAtScale1.directoryAudits * ctx.scale, utcOffset: TENANT_UTC_OFFSET,
    },
    (rng, slots) => {
      for (const slot of slots) for (let i = 0; i < slot.times.length; i++) out.push(build(ctx, rng, slot.times[i]!, kinds[rng.int(kinds.length)]!));
    },
  );
  return out;
}
