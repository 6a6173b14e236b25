/**
 * The application (client) id Cirrus signs in with when the responder brings no app registration
 * of their own. A first-party public client exists in every tenant, so nothing has to be
 * registered before the first look at a compromised tenant.
 *
 * Chosen: Microsoft Azure CLI (04b07795-…). Of the well-known public clients it is the one known
 * to obtain tokens for most of the APIs Cirrus reads: Microsoft Graph with a fixed pre-authorized
 * set that includes AuditLog.Read.All and Directory.AccessAsUser.All (sign-ins, directory audits,
 * licences, directory roles), Azure Resource Manager and Azure DevOps; it supports both the
 * loopback redirect and device code (Microsoft API notes §9.8). Graph Command Line Tools covers
 * Graph only; the Exchange PowerShell client covers Exchange only.
 *
 * What it cannot do is listed in `limits` and surfaced by readiness: Graph audit log queries
 * (AuditLogsQuery.Read.All is outside its pre-authorized set), the Management Activity API (no
 * first-party client is known to be pre-authorized), and Exchange Online is unverified.
 */
export const DEFAULT_CLIENT = {
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  name: 'Microsoft Azure CLI (first-party public client)',
  why:
    'Present in every tenant without registration; known to obtain Microsoft Graph (AuditLog.Read.All, Directory.AccessAsUser.All), ' +
    'Azure Resource Manager and Azure DevOps tokens; supports browser (loopback) and device-code sign-in.',
  limits: [
    'Graph audit log queries need AuditLogsQuery.Read.All, which this client is not pre-authorized for: use an own app registration (or Microsoft Graph Command Line Tools, 14d82eec-204b-4c2f-b7e8-296a70dab67e, with admin consent).',
    'The Office 365 Management Activity API (ActivityFeed.Read) is not known to be reachable with any first-party client: use an own app registration.',
    'Exchange Online admin API tokens from this client are unverified; the Exchange PowerShell client (fb78d390-0c51-40cd-8e17-fdbfab77341b) is known to work for Exchange only.',
    'Tenants can block first-party clients with Conditional Access or by disabling their service principal.',
  ],
} as const;
