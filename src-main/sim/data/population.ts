/**
 * The simulated tenant's people, devices and identities.
 *
 * A handful of accounts have fixed names because the scripted intrusion, the profiles and the
 * tests refer to them; everyone else is drawn from the seed. Office workers share their office's
 * egress address and also have a home address, which is what real sign-in logs look like.
 */
import { simAccountsPayableUpn, simFinanceManagerUpn, simTenantDomain, simTenantInitialDomain } from '../profiles.js';
import { desktopClients, departments, givenNames, homePlaces, mobileClients, surnames } from './catalog.js';
import type { Place } from './catalog.js';
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import type { SimUser } from './types.js';
import { DAY_MS } from './time-format.js';

export interface SimTenantIdentity {
  id: string;
  displayName: string;
  defaultDomain: string;
  initialDomain: string;
  domains: string[];
  /** Exchange's organisation name (the initial domain). */
  organizationName: string;
  createdMs: number;
}

/** Accounts with a role in the scripted story. */
export interface KeyAccounts {
  responder: SimUser;
  /** Finance manager: password-sprayed, consents to the malicious app, mailbox abused. */
  financeVictim: SimUser;
  /** Systems administrator (Global Administrator): device-code phished. */
  adminVictim: SimUser;
  /** Benign administrator: the source of everyday admin noise. */
  itAdmin: SimUser;
  ceo: SimUser;
  accountsPayable: SimUser;
}

export interface SimPopulation {
  tenant: SimTenantIdentity;
  users: SimUser[];
  /** Users that produce everyday activity (members, not the responder). */
  active: SimUser[];
  /** `active` repeated by activity weight, so a uniform pick is an activity-weighted pick. */
  activityPool: SimUser[];
  key: KeyAccounts;
  finance: SimUser[];
  admins: SimUser[];
}

export const keyAccountUpns = {
  responder: `ir.responder@${simTenantDomain}`,
  financeVictim: simFinanceManagerUpn,
  adminVictim: `casey.holt@${simTenantDomain}`,
  itAdmin: `lee.brennan@${simTenantDomain}`,
  ceo: `riley.marsh@${simTenantDomain}`,
  accountsPayable: simAccountsPayableUpn,
} as const;

/** Office egress addresses, one per office city (shared by everyone working there). */
const officeIps: Record<string, string> = {
  London: '198.51.100.10',
  Bristol: '198.51.100.11',
  Manchester: '198.51.100.12',
  Leeds: '198.51.100.13',
  Edinburgh: '198.51.100.14',
  Toulouse: '198.51.100.15',
  Dublin: '198.51.100.16',
};

const officeIpSet = new Set(Object.values(officeIps));

/** True for the egress address of one of the tenant's offices (a trusted named location). */
export function isOfficeIp(ip: string): boolean {
  return officeIpSet.has(ip);
}

/** Home addresses: two documentation /24s first, then the IPv6 documentation prefix. */
function homeIp(index: number): string {
  if (index < 230) return `198.51.100.${20 + index}`;
  if (index < 480) return `192.0.2.${index - 229}`;
  const n = index - 480;
  return `2001:db8:${(0x100 + (n >> 8)).toString(16)}:${(n & 255).toString(16)}::${(n % 7) + 2}`;
}

function placeFor(rng: Rng): Place {
  // Five in six staff are in British offices; the rest work from the continent or Ireland.
  return rng.chance(0.86) ? homePlaces[rng.int(6)]! : homePlaces[6 + rng.int(homePlaces.length - 6)]!;
}

function puid(rng: Rng): string {
  return ('10032' + rng.hex(11)).toUpperCase();
}

function sid(rng: Rng, rid: number): string {
  return `S-1-5-21-${3400000000 + rng.int(99999999)}-${1100000000 + rng.int(99999999)}-${2600000000 + rng.int(99999999)}-${rid}`;
}

interface UserSeed {
  given: string;
  surname: string;
  upn: string;
  department: string;
  jobTitle: string;
  isAdmin: boolean;
  accountKind: SimUser['accountKind'];
  activity?: number;
  place?: Place;
}

function buildUser(rng: Rng, seed: UserSeed, index: number, tenantCreatedMs: number): SimUser {
  const place = seed.place ?? placeFor(rng);
  const client = rng.pick(desktopClients);
  const phone = rng.pick(mobileClients);
  const office = officeIps[place.city] ?? officeIps.London!;
  const deviceName = `TSA-${client.operatingSystem === 'MacOs' ? 'MB' : 'LT'}-${rng.hex(5).toUpperCase()}`;
  return {
    accountKind: seed.accountKind,
    id: rng.guid(),
    userPrincipalName: seed.upn,
    displayName: seed.accountKind === 'sharedMailbox' ? seed.given : `${seed.given} ${seed.surname}`,
    givenName: seed.given,
    surname: seed.surname,
    mail: seed.upn,
    jobTitle: seed.jobTitle,
    department: seed.department,
    puid: puid(rng),
    mailboxGuid: rng.guid(),
    isAdmin: seed.isAdmin,
    country: place.country,
    city: place.city,
    state: place.state,
    latitude: place.latitude,
    longitude: place.longitude,
    homeIps: [office, homeIp(index)],
    device: {
      deviceId: rng.guid(),
      displayName: deviceName,
      operatingSystem: client.operatingSystem,
      browser: client.browser,
      userAgent: client.userAgent,
      trustType: client.trustType,
    },
    timeZone: place.timeZone,
    utcOffset: place.utcOffset,
    autonomousSystemNumber: place.asn,
    mobile: { deviceId: rng.guid(), operatingSystem: phone.operatingSystem, browser: phone.browser, userAgent: phone.userAgent },
    sid: sid(rng, 1100 + index * 3),
    // A skewed spread: most people are ordinary, a few are very busy.
    activity: seed.activity ?? Math.round((0.35 + rng.next() * rng.next() * 2.6) * 100) / 100,
    createdDateTime: new Date(tenantCreatedMs + (30 + rng.int(600)) * DAY_MS).toISOString().slice(0, 19) + 'Z',
  };
}

export function buildPopulation(seed: number, scale: number): SimPopulation {
  const rng = createRng(seed, 'population');
  const tenantCreatedMs = Date.UTC(2019, 4, 14, 9, 12, 31);
  const tenant: SimTenantIdentity = {
    id: rng.guid(),
    displayName: 'Tailspin Aero',
    defaultDomain: simTenantDomain,
    initialDomain: simTenantInitialDomain,
    domains: [simTenantDomain, simTenantInitialDomain],
    organizationName: simTenantInitialDomain,
    createdMs: tenantCreatedMs,
  };

  const london = homePlaces[0]!;
  const fixed: UserSeed[] = [
    { given: 'Incident', surname: 'Responder', upn: keyAccountUpns.responder, department: 'IT', jobTitle: 'Incident Responder', isAdmin: true, accountKind: 'member', activity: 0, place: london },
    { given: 'Jordan', surname: 'Avery', upn: keyAccountUpns.financeVictim, department: 'Finance', jobTitle: 'Finance Manager', isAdmin: false, accountKind: 'member', activity: 1.4, place: london },
    { given: 'Casey', surname: 'Holt', upn: keyAccountUpns.adminVictim, department: 'IT', jobTitle: 'Systems Administrator', isAdmin: true, accountKind: 'member', activity: 1.2, place: london },
    { given: 'Lee', surname: 'Brennan', upn: keyAccountUpns.itAdmin, department: 'IT', jobTitle: 'IT Manager', isAdmin: true, accountKind: 'member', activity: 1.1, place: homePlaces[2]! },
    { given: 'Riley', surname: 'Marsh', upn: keyAccountUpns.ceo, department: 'Executive', jobTitle: 'Chief Executive Officer', isAdmin: false, accountKind: 'member', activity: 0.9, place: london },
    { given: 'Accounts Payable', surname: '', upn: keyAccountUpns.accountsPayable, department: 'Finance', jobTitle: '', isAdmin: false, accountKind: 'sharedMailbox', activity: 0, place: london },
  ];

  const targetMembers = Math.max(20, Math.round(20 + 10 * scale));
  const generatedCount = Math.max(0, targetMembers - (fixed.length - 1));
  const taken = new Set<string>(fixed.map((f) => f.upn));
  const seeds: UserSeed[] = [...fixed];
  for (let i = 0; i < generatedCount; i++) {
    const given = rng.pick(givenNames);
    const surname = rng.pick(surnames);
    let local = `${given}.${surname}`.toLowerCase();
    for (let n = 2; taken.has(`${local}@${simTenantDomain}`); n++) local = `${given}.${surname}${n}`.toLowerCase();
    const upn = `${local}@${simTenantDomain}`;
    taken.add(upn);
    const [department, titles] = departments[i % 7 === 0 ? 0 : rng.int(departments.length)]!;
    seeds.push({ given, surname, upn, department, jobTitle: rng.pick(titles), isAdmin: false, accountKind: 'member' });
  }

  const users = seeds.map((s, index) => buildUser(rng, s, index, tenantCreatedMs));
  const byUpn = new Map(users.map((u) => [u.userPrincipalName, u]));
  const get = (upn: string): SimUser => {
    const user = byUpn.get(upn);
    if (!user) throw new Error(`missing key account ${upn}`);
    return user;
  };
  const active = users.filter((u) => u.accountKind === 'member' && u.activity > 0);
  const activityPool: SimUser[] = [];
  for (const user of active) {
    const copies = Math.max(1, Math.round(user.activity * 4));
    for (let i = 0; i < copies; i++) activityPool.push(user);
  }
  return {
    tenant,
    users,
    active,
    activityPool,
    key: {
      responder: get(keyAccountUpns.responder),
      financeVictim: get(keyAccountUpns.financeVictim),
      adminVictim: get(keyAccountUpns.adminVictim),
      itAdmin: get(keyAccountUpns.itAdmin),
      ceo: get(keyAccountUpns.ceo),
      accountsPayable: get(keyAccountUpns.accountsPayable),
    },
    finance: active.filter((u) => u.department === 'Finance'),
    admins: active.filter((u) => u.isAdmin),
  };
}
