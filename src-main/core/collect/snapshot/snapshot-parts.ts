import type { ApiClient } from '../http/api-client.js';
import { ApiError } from '../http/api-types.js';
import { odataPages, type Pager } from '../http/paging.js';
import { cmdletPages, type ExoCmdletTarget } from '../sources/exo-cmdlets.js';
import { contentKey, textField, type SnapshotObject } from './snapshot-objects.js';

/**
 * What a tenant configuration snapshot reads (collection-presets.md, "Tenant snapshot"), one part
 * per Graph endpoint or Exchange cmdlet. Each part is its own ledger window, so one refused part
 * (no licence for conditional access, no Exchange role) is recorded as failed with the reason
 * while the others complete. Parts that need another part's objects (a service principal's
 * permissions, a mailbox's inbox rules) come after it in the list.
 */
export interface SnapshotTarget extends ExoCmdletTarget {
  graphBase: string;
  /**
   * Mailboxes whose settings and inbox rules are read; every mailbox when absent. Inbox rules
   * cost one cmdlet run per mailbox, so a large tenant is better read for the mailboxes in scope.
   */
  mailboxes?: readonly string[];
}

/**
 * One request (and its pages) of a part; `subject` names what it is about in errors. `note`
 * records something the ledger should say about a part that still completed (a field that could
 * not be read).
 */
export interface SnapshotFetch {
  subject: string | null;
  pages(signal: AbortSignal | undefined, note: (text: string) => void): Pager;
}

/** Objects of the parts read so far, by kind. */
export type FoundObjects = ReadonlyMap<string, readonly SnapshotObject[]>;

export interface SnapshotPart {
  /** Ledger channel: the Graph endpoint (without version) or the cmdlet name. */
  channel: string;
  kind: string;
  format: 'snapshot.graph' | 'snapshot.exo';
  /** What the ledger records as the part's query. */
  filter: Record<string, unknown>;
  /** The kind this part's requests are derived from; the part cannot run when that part failed outright. */
  needs?: string;
  fetches(found: FoundObjects): SnapshotFetch[];
  /** The object's key within its kind. */
  key(item: Record<string, unknown>, fetch: SnapshotFetch): string;
}

const byId = (item: Record<string, unknown>): string => textField(item, 'id') ?? contentKey(item);

/** What the snapshot keeps of a user; `$select` replaces Graph's default set, so it is named in full. */
const USER_FIELDS = 'id,userPrincipalName,displayName,givenName,surname,mail,jobTitle,department,accountEnabled,userType,createdDateTime,onPremisesSyncEnabled';

/**
 * Users with their last sign-ins where the tenant's licence allows it. Graph refuses the whole
 * request (403) when `signInActivity` is asked for without Entra ID P1, so the users are then
 * read again without it, and the ledger says what is missing.
 */
async function* usersWithActivity(graph: (path: string, signal?: AbortSignal) => Pager, signal: AbortSignal | undefined, note: (text: string) => void): Pager {
  let first = true;
  try {
    for await (const page of graph(`users?$top=999&$select=${USER_FIELDS},signInActivity`, signal)) {
      first = false;
      yield page;
    }
    return;
  } catch (e) {
    if (!(first && e instanceof ApiError && e.kind === 'http' && e.status === 403)) throw e;
    note(`users read without sign-in activity (${e.message})`);
  }
  yield* graph(`users?$top=999&$select=${USER_FIELDS}`, signal);
}

export function snapshotParts(api: ApiClient, target: SnapshotTarget): SnapshotPart[] {
  const graph = (path: string, signal?: AbortSignal): Pager =>
    odataPages(api, { service: 'graph', method: 'GET', url: `${target.graphBase.replace(/\/$/, '')}/v1.0/${path}`, ...(signal ? { signal } : {}) });
  const exo = (cmdlet: string, parameters: Record<string, unknown>, signal?: AbortSignal): Pager => cmdletPages(api, target, cmdlet, parameters, signal);

  /** A Graph collection read in one paged request. */
  const graphPart = (channel: string, kind: string, query = ''): SnapshotPart => ({
    channel,
    kind,
    format: 'snapshot.graph',
    filter: { endpoint: `v1.0/${channel}${query}` },
    fetches: () => [{ subject: null, pages: (signal) => graph(`${channel}${query}`, signal) }],
    key: byId,
  });

  /** A Graph collection read once per object of another kind (`{id}` in the path). */
  const perObjectPart = (channel: string, kind: string, needs: string, ids: (found: readonly SnapshotObject[]) => string[], key: SnapshotPart['key']): SnapshotPart => ({
    channel,
    kind,
    format: 'snapshot.graph',
    filter: { endpoint: `v1.0/${channel}` },
    needs,
    fetches: (found) =>
      ids(found.get(needs) ?? []).map((id) => ({ subject: id, pages: (signal) => graph(channel.replace('{id}', encodeURIComponent(id)), signal) })),
    key,
  });

  const cmdletPart = (cmdlet: string, kind: string, parameters: Record<string, unknown>, key: SnapshotPart['key']): SnapshotPart => ({
    channel: cmdlet,
    kind,
    format: 'snapshot.exo',
    filter: { cmdlet, ...parameters },
    fetches: () => [{ subject: null, pages: (signal) => exo(cmdlet, parameters, signal) }],
    key,
  });

  const scope = target.mailboxes ? [...new Set(target.mailboxes.map((m) => m.trim().toLowerCase()).filter((m) => m.length > 0))] : null;
  const mailboxKey = (item: Record<string, unknown>) => (textField(item, 'UserPrincipalName', 'PrimarySmtpAddress', 'ExchangeGuid', 'Identity') ?? contentKey(item)).toLowerCase();

  return [
    graphPart('organization', 'organization'),
    graphPart('domains', 'domain'),
    // Only a verified domain can be federated; asking for an unverified one's settings is refused.
    perObjectPart('domains/{id}/federationConfiguration', 'domainFederation', 'domain', (domains) => domains.filter((d) => d.data['isVerified'] !== false).map((d) => d.key), (item, fetch) => `${fetch.subject ?? ''}/${byId(item)}`),
    graphPart('subscribedSkus', 'subscribedSku'),
    graphPart('roleManagement/directory/roleAssignments', 'directoryRoleAssignment'),
    graphPart('applications', 'application', '?$top=999'),
    graphPart('servicePrincipals', 'servicePrincipal', '?$top=999'),
    perObjectPart('servicePrincipals/{id}/appRoleAssignments', 'appRoleAssignment', 'servicePrincipal', (sps) => sps.map((s) => s.key), byId),
    graphPart('oauth2PermissionGrants', 'oauth2PermissionGrant', '?$top=999'),
    graphPart('identity/conditionalAccess/policies', 'conditionalAccessPolicy'),
    {
      channel: 'users',
      kind: 'user',
      format: 'snapshot.graph',
      filter: { endpoint: 'v1.0/users', select: `${USER_FIELDS},signInActivity (where licensed)` },
      fetches: () => [{ subject: null, pages: (signal, note) => usersWithActivity(graph, signal, note) }],
      key: byId,
    },
    cmdletPart('Get-OrganizationConfig', 'organizationConfig', {}, (item) => textField(item, 'Guid', 'Identity', 'Name') ?? contentKey(item)),
    cmdletPart('Get-AdminAuditLogConfig', 'adminAuditLogConfig', {}, (item) => textField(item, 'Identity', 'Name') ?? contentKey(item)),
    cmdletPart('Get-MailboxAuditBypassAssociation', 'mailboxAuditBypass', { ResultSize: 'Unlimited' }, (item) => (textField(item, 'Identity', 'Name') ?? contentKey(item)).toLowerCase()),
    scope
      ? {
          channel: 'Get-Mailbox',
          kind: 'mailbox',
          format: 'snapshot.exo',
          filter: { cmdlet: 'Get-Mailbox', mailboxes: scope },
          fetches: () => scope.map((mailbox) => ({ subject: mailbox, pages: (signal) => exo('Get-Mailbox', { Identity: mailbox }, signal) })),
          key: mailboxKey,
        }
      : cmdletPart('Get-Mailbox', 'mailbox', { ResultSize: 'Unlimited' }, mailboxKey),
    {
      channel: 'Get-InboxRule',
      kind: 'inboxRule',
      format: 'snapshot.exo',
      filter: { cmdlet: 'Get-InboxRule', mailboxes: scope ?? 'every mailbox read' },
      ...(scope ? {} : { needs: 'mailbox' }),
      fetches: (found) =>
        (scope ?? (found.get('mailbox') ?? []).map((m) => m.key)).map((mailbox) => ({ subject: mailbox, pages: (signal) => exo('Get-InboxRule', { Mailbox: mailbox }, signal) })),
      key: (item, fetch) => `${fetch.subject ?? ''}/${textField(item, 'RuleIdentity', 'Identity', 'Name') ?? contentKey(item)}`,
    },
    cmdletPart('Get-TransportRule', 'transportRule', {}, (item) => textField(item, 'Guid', 'Identity', 'Name') ?? contentKey(item)),
  ];
}
