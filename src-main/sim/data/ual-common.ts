/**
 * Shared pieces of Unified Audit Log records: the environment every builder writes with, and
 * the Exchange-specific identifiers (item ids, message ids, server names) that make records
 * look like the ones the Management Activity API hands out.
 */
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import type { SimUser } from './types.js';

export interface UalEnv {
  seed: number;
  /** Tenant id (OrganizationId). */
  orgId: string;
  /** Initial domain (OrganizationName). */
  orgName: string;
  rng: Rng;
}

export function createUalEnv(seed: number, orgId: string, orgName: string, rng: Rng): UalEnv {
  return { seed, orgId, orgName, rng };
}

/** Entra-side user key of a member as UAL writes it for Exchange/Entra records. */
export function entraUserKey(user: SimUser): string {
  return user.puid;
}

interface UserStrings {
  sharePointKey: string;
  stsKey: string;
  /** Actor list of sign-in records (shared, read-only). */
  stsActor: readonly { ID: string; Type: number }[];
}

/**
 * Per-user strings and lists built once. Records share these values (and a few constant
 * sub-objects), so treat generated records as read-only.
 */
const userStrings = new WeakMap<SimUser, UserStrings>();

export function stringsOfUser(env: UalEnv, user: SimUser): UserStrings {
  let cached = userStrings.get(user);
  if (cached === undefined) {
    cached = {
      sharePointKey: `i:0h.f|membership|${user.puid.toLowerCase()}@live.com`,
      stsKey: `${user.puid}@${env.orgName}`,
      stsActor: Object.freeze([
        Object.freeze({ ID: user.id, Type: 0 }),
        Object.freeze({ ID: user.userPrincipalName, Type: 5 }),
        Object.freeze({ ID: user.puid, Type: 3 }),
      ]),
    };
    userStrings.set(user, cached);
  }
  return cached;
}

/** SharePoint's claims-encoded user key. */
export function sharePointUserKey(env: UalEnv, user: SimUser): string {
  return stringsOfUser(env, user).sharePointKey;
}

/** Folder ids per mailbox owner, then per path. */
const folderIds = new WeakMap<SimUser, Map<string, string>>();

export function mailboxFolderId(env: UalEnv, owner: SimUser, path: string): string {
  let byPath = folderIds.get(owner);
  if (byPath === undefined) {
    byPath = new Map();
    folderIds.set(owner, byPath);
  }
  let id = byPath.get(path);
  if (id === undefined) {
    // Own stream per mailbox and folder: the id is the same whichever record asks first.
    id = 'LgAAAAA' + createRng(env.seed, 'folder', owner.mailboxGuid, path).base64(51) + 'AAAB';
    byPath.set(path, id);
  }
  return id;
}

export function exchangeItemId(env: UalEnv): string {
  return 'RgAAAAA' + env.rng.base64(60) + 'AAAJ';
}

interface MailboxStrings {
  server: string;
  messageIdSuffix: string;
}

/** Per-mailbox strings, built once: every mail record of that mailbox shares them. */
const mailboxStrings = new WeakMap<SimUser, MailboxStrings>();

function stringsOf(owner: SimUser): MailboxStrings {
  let cached = mailboxStrings.get(owner);
  if (cached === undefined) {
    const n = parseInt(owner.mailboxGuid.slice(0, 4), 16);
    const host = `LO${2 + (n % 4)}P265MB${1000 + (n % 8999)}`;
    cached = { server: `${host} (15.20.${8100 + (n % 120)}.0${10 + (n % 80)})`, messageIdSuffix: `@${host}.GBRP265.PROD.OUTLOOK.COM>` };
    mailboxStrings.set(owner, cached);
  }
  return cached;
}

/** The mailbox server an owner's records come from (stable per mailbox). */
export function originatingServer(owner: SimUser): string {
  return stringsOf(owner).server;
}

export function internetMessageId(env: UalEnv, owner: SimUser): string {
  return '<' + env.rng.hex(24).toUpperCase() + stringsOf(owner).messageIdSuffix;
}

/** Exchange admin and OWA records carry the client port after the address. */
export function ipWithPort(env: UalEnv, ip: string): string {
  const port = 1024 + env.rng.int(64000);
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function mailboxAlias(user: SimUser): string {
  return user.userPrincipalName.split('@')[0]!;
}

/** Exchange's distinguished object path of a mailbox (ObjectId of admin cmdlets). */
export function exchangeObjectPath(env: UalEnv, user: SimUser): string {
  return `GBRP265A001.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/${env.orgName}/${mailboxAlias(user)}`;
}
