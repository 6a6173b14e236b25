/**
 * Pieces shared by benign and scripted sign-ins: authentication step lists, the Azure
 * datacenter location non-user principals appear from, and the user's usual place.
 */
import type { Place } from './catalog.js';
import { graphSecondsTime } from './time-format.js';
import type { GraphAuthenticationDetail, SimUser } from './types.js';
import type { SignInDevice } from './signin-builder.js';

export type SignInPlace = Pick<Place, 'city' | 'state' | 'country' | 'latitude' | 'longitude' | 'asn'>;

export const azureDatacenter: SignInPlace = { city: 'London', state: 'England', country: 'GB', latitude: 51.5072, longitude: -0.1276, asn: 8075 };

interface UserSignInParts {
  place: SignInPlace;
  desktop: SignInDevice;
  mobile: SignInDevice;
}

/** Built once per user and shared by all of that user's sign-ins (records are read-only). */
const partsByUser = new WeakMap<SimUser, UserSignInParts>();

function partsOf(user: SimUser): UserSignInParts {
  let parts = partsByUser.get(user);
  if (parts === undefined) {
    const joined = user.device.trustType === 'Azure AD joined';
    parts = Object.freeze({
      place: Object.freeze({ city: user.city, state: user.state, country: user.country, latitude: user.latitude, longitude: user.longitude, asn: user.autonomousSystemNumber }),
      desktop: Object.freeze({
        deviceId: user.device.deviceId, displayName: user.device.displayName, operatingSystem: user.device.operatingSystem,
        browser: user.device.browser, isCompliant: joined, isManaged: joined, trustType: user.device.trustType,
      }),
      mobile: Object.freeze({
        deviceId: user.mobile.deviceId, displayName: '', operatingSystem: user.mobile.operatingSystem, browser: user.mobile.browser,
        isCompliant: false, isManaged: false, trustType: '',
      }),
    });
    partsByUser.set(user, parts);
  }
  return parts;
}

export function placeOfUser(user: SimUser): SignInPlace {
  return partsOf(user).place;
}

export function desktopDevice(user: SimUser): SignInDevice {
  return partsOf(user).desktop;
}

export function mobileDevice(user: SimUser): SignInDevice {
  return partsOf(user).mobile;
}

/** A device the tenant has never seen (intruder's machine). */
export function unknownDevice(operatingSystem: string, browser: string): SignInDevice {
  return { deviceId: '', displayName: '', operatingSystem, browser, isCompliant: false, isManaged: false, trustType: '' };
}

function step(ms: number, method: string, detail: string | null, succeeded: boolean, result: string, requirement: string): GraphAuthenticationDetail {
  return {
    authenticationStepDateTime: graphSecondsTime(ms), authenticationMethod: method, authenticationMethodDetail: detail, succeeded,
    authenticationStepResultDetail: result, authenticationStepRequirement: requirement,
  };
}

export const authSteps = {
  passwordAndMfa: (ms: number): GraphAuthenticationDetail[] => [
    step(ms - 9000, 'Password', 'Password in the cloud', true, 'Correct password', 'Primary authentication'),
    step(ms, 'Mobile app notification', null, true, 'MFA successfully completed', 'Multifactor authentication'),
  ],
  passwordOnly: (ms: number): GraphAuthenticationDetail[] => [
    step(ms, 'Password', 'Password in the cloud', true, 'Correct password', 'Primary authentication'),
  ],
  previouslySatisfied: (ms: number): GraphAuthenticationDetail[] => [
    step(ms, 'Previously satisfied', null, true, 'First factor requirement satisfied by claim in the token', 'Primary authentication'),
  ],
  mfaByClaim: (ms: number): GraphAuthenticationDetail[] => [
    step(ms, 'Previously satisfied', null, true, 'First factor requirement satisfied by claim in the token', 'Primary authentication'),
    step(ms, 'Previously satisfied', null, true, 'MFA requirement satisfied by claim in the token', 'Multifactor authentication'),
  ],
  badPassword: (ms: number): GraphAuthenticationDetail[] => [
    step(ms, 'Password', 'Password in the cloud', false, 'Invalid username or password or Invalid on-premise username or password.', 'Primary authentication'),
  ],
};
