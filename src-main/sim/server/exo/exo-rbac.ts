/**
 * Exchange Online role-based access as the admin API exposes it: a cmdlet the caller holds no
 * role for simply does not exist in their session ("The term ... is not recognized"). A user's
 * Exchange roles are the ones assigned in Exchange plus those its Entra directory roles bring
 * along (Global Reader → View-Only Organization Management, and so on).
 */
const ALL_ROLES = ['View-Only Audit Logs', 'Audit Logs', 'View-Only Configuration', 'Organization Configuration', 'View-Only Recipients', 'Mail Recipients', 'Transport Rules'];

const ROLES_FROM_DIRECTORY_ROLE: Record<string, string[]> = {
  '62e90394-69f5-4237-9190-012177145e10': ALL_ROLES, // Global Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de': ALL_ROLES, // Exchange Administrator
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': ['View-Only Configuration', 'View-Only Recipients'], // Global Reader
  '17315797-102d-40b4-93e0-432062caca18': ['Audit Logs', 'View-Only Audit Logs', 'View-Only Configuration', 'View-Only Recipients'], // Compliance Administrator
};

export const CMDLET_ROLES: Record<string, string[]> = {
  'Search-UnifiedAuditLog': ['View-Only Audit Logs', 'Audit Logs'],
  'Get-AdminAuditLogConfig': ['View-Only Audit Logs', 'Audit Logs', 'View-Only Configuration', 'Organization Configuration'],
  'Get-OrganizationConfig': ['View-Only Configuration', 'Organization Configuration'],
  'Get-MailboxAuditBypassAssociation': ['View-Only Audit Logs', 'Audit Logs', 'View-Only Configuration', 'View-Only Recipients'],
  'Get-MailboxRegionalConfiguration': ['View-Only Recipients', 'Mail Recipients'],
  'Get-Mailbox': ['View-Only Recipients', 'Mail Recipients'],
  'Get-InboxRule': ['View-Only Recipients', 'Mail Recipients'],
  'Get-TransportRule': ['View-Only Configuration', 'Transport Rules'],
};

export function effectiveExoRoles(assigned: readonly string[], directoryRoleTemplateIds: readonly string[]): Set<string> {
  const roles = new Set(assigned);
  for (const id of directoryRoleTemplateIds) for (const role of ROLES_FROM_DIRECTORY_ROLE[id] ?? []) roles.add(role);
  return roles;
}

/** Canonical cmdlet name if the caller may run it; null if it is unknown or not granted. */
export function permittedCmdlet(name: string, roles: Set<string>): string | null {
  const canonical = Object.keys(CMDLET_ROLES).find((c) => c.toLowerCase() === name.toLowerCase());
  if (!canonical) return null;
  return (CMDLET_ROLES[canonical] ?? []).some((r) => roles.has(r)) ? canonical : null;
}

/** Whether the caller can read the audit log at all (Purview audit search shares the requirement). */
export function canSearchAuditLog(roles: Set<string>): boolean {
  return (CMDLET_ROLES['Search-UnifiedAuditLog'] ?? []).some((r) => roles.has(r));
}
