import { z } from 'zod';
import { AuthSessionInfo } from '../../../src-shared/domain/auth.js';
import type { SecretStore } from '../ports.js';

/**
 * The signed-in session as kept between runs: who, where, with which app — and, for the demo
 * cloud, where the simulator is and which CA it uses. No tokens: those are in the MSAL cache
 * blob beside it. Both live in the `SecretStore`, so sign-out removes both and a memory-only
 * store leaves nothing on disk.
 */
export const SESSION_SECRET = 'auth-session';
export const TOKEN_CACHE_SECRET = 'msal-token-cache';

export const StoredSession = AuthSessionInfo.extend({
  version: z.literal(1),
  demo: z.object({ baseUrl: z.string(), caCertPem: z.string().optional() }).nullable(),
});
export type StoredSession = z.infer<typeof StoredSession>;

export async function readStoredSession(store: SecretStore): Promise<StoredSession | null> {
  const text = await store.read(SESSION_SECRET);
  if (text === null) return null;
  try {
    const parsed = StoredSession.safeParse(JSON.parse(text));
    // A session written by another build (or damaged) is treated as signed out, not as an error.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the token cache first: a session must never point at a cache that is not there. */
export async function storeSignedInSession(store: SecretStore, session: StoredSession, tokenCacheBlob: string): Promise<void> {
  await store.write(TOKEN_CACHE_SECRET, tokenCacheBlob);
  await store.write(SESSION_SECRET, JSON.stringify(session));
}

/** Removes the session first, so a half-finished sign-out still reads as signed out. */
export async function clearStoredSession(store: SecretStore): Promise<void> {
  await store.remove(SESSION_SECRET);
  await store.remove(TOKEN_CACHE_SECRET);
}
