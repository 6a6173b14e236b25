import { z } from 'zod';
import { CloudId, isLoopbackHttpsUrl, ResourceId } from './clouds.js';

/**
 * Sign-in as the renderer and the CLI see it: which cloud, tenant and app, who is signed in, and
 * the prompts a device-code sign-in shows. Tokens never appear in any of these shapes; they stay
 * inside the core.
 */
export const SignInMethod = z.enum(['interactive', 'deviceCode']);
export type SignInMethod = z.infer<typeof SignInMethod>;

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be an application (client) id GUID');

/** A tenant id GUID, a verified domain, or `organizations` (any work account; the tenant comes from the account). */
export const TenantSpec = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'must be a tenant id, a domain such as contoso.onmicrosoft.com, or "organizations"');

/** Where the simulator runs, for the demo cloud. Only loopback https is accepted. */
export const DemoTarget = z
  .object({
    baseUrl: z.string().max(2048).refine(isLoopbackHttpsUrl, 'the simulator must be an https address on this machine (https://127.0.0.1:PORT)'),
    /** The simulator's CA certificate (PEM file); trusted for the simulator's address only. */
    caCertPath: z.string().trim().min(1).max(4096).optional(),
  })
  .strict();
export type DemoTarget = z.infer<typeof DemoTarget>;

export const SignInInput = z
  .object({
    cloud: CloudId,
    tenant: TenantSpec.default('organizations'),
    /** Own app registration; the documented first-party default otherwise (see `auth.requirements`). */
    clientId: guid.optional(),
    method: SignInMethod,
    /** Required for the demo cloud unless the host was started with a simulator. */
    demo: DemoTarget.optional(),
  })
  .strict();
export type SignInInput = z.input<typeof SignInInput>;

export const SignedInAccount = z.object({
  username: z.string(),
  name: z.string(),
  tenantId: z.string(),
  /** MSAL's `{objectId}.{tenantId}` account key. */
  homeAccountId: z.string(),
});
export type SignedInAccount = z.infer<typeof SignedInAccount>;

/** How the token cache is kept at rest: OS-encrypted (Electron safeStorage), a 0600 file, or memory only. */
export const CacheProtection = z.enum(['os-encrypted', 'file', 'memory']);
export type CacheProtection = z.infer<typeof CacheProtection>;

export const AuthSessionInfo = z.object({
  cloud: CloudId,
  cloudLabel: z.string(),
  /** As asked at sign-in (may be `organizations`); the account carries the resolved tenant id. */
  tenant: z.string(),
  clientId: z.string(),
  method: SignInMethod,
  signedInAt: z.string(),
  account: SignedInAccount,
});
export type AuthSessionInfo = z.infer<typeof AuthSessionInfo>;

export const AuthStatus = z.object({
  signedIn: z.boolean(),
  /** A sign-in is waiting for the user (browser or device code). */
  pending: SignInMethod.nullable(),
  session: AuthSessionInfo.nullable(),
  cacheProtection: CacheProtection,
});
export type AuthStatus = z.infer<typeof AuthStatus>;

/** Shown to the user during a device-code sign-in: open the URL, type the code. */
export const DeviceCodePrompt = z.object({
  userCode: z.string(),
  verificationUri: z.string(),
  /** ISO time after which the code no longer works. */
  expiresAt: z.string(),
  /** The identity platform's own instruction text. */
  message: z.string(),
});
export type DeviceCodePrompt = z.infer<typeof DeviceCodePrompt>;

export const PermissionNeed = z.object({
  resource: ResourceId,
  api: z.string(),
  permission: z.string(),
  usedFor: z.string(),
  adminConsent: z.boolean(),
  /** Whether the default first-party client is known to obtain it. */
  defaultClientCovers: z.enum(['yes', 'no', 'unverified']),
});
export type PermissionNeed = z.infer<typeof PermissionNeed>;

export const RoleNeed = z.object({ role: z.string(), where: z.enum(['Entra ID', 'Exchange Online', 'Azure RBAC', 'Azure DevOps']), usedFor: z.string() });
export type RoleNeed = z.infer<typeof RoleNeed>;

/** What a tenant must allow for Cirrus to read its logs, and why the default client was chosen. */
export const AuthRequirements = z.object({
  cloud: CloudId,
  defaultClient: z.object({ clientId: z.string(), name: z.string(), why: z.string(), limits: z.array(z.string()) }),
  ownAppRecommendation: z.string(),
  appRegistrationSteps: z.array(z.string()),
  permissions: z.array(PermissionNeed),
  roles: z.array(RoleNeed),
});
export type AuthRequirements = z.infer<typeof AuthRequirements>;
