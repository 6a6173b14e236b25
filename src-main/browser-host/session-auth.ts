import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the browser-mode session cookie. */
export const SESSION_COOKIE = 'cirrus_session';

/** 32 random bytes, base64url: 256 bits, so guessing is not a strategy. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Upper bound on live sessions; each token exchange makes one, and a loop must not grow memory forever. */
const MAX_SESSIONS = 256;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export interface SessionAuth {
  /** Constant-time check of a launch token taken from `?token=`. */
  tokenMatches(candidate: string): boolean;
  /** Creates a session for a browser that presented the token; the value goes into the cookie. */
  openSession(): string;
  /** True when the Cookie header carries a live session. */
  hasSession(cookieHeader: string | undefined): boolean;
  /** The Set-Cookie header value for a session. */
  sessionCookie(session: string): string;
}

/**
 * Token → cookie exchange for browser mode, modelled on notebook servers: the launch token is
 * printed once; the browser trades it for an HttpOnly cookie so the token leaves the address bar,
 * history and Referer, and page scripts can never read the credential.
 */
export function createSessionAuth(token: string): SessionAuth {
  const tokenDigest = digest(token);
  // Sessions are stored as SHA-256 hex digests. Looking up a digest in a Set leaks nothing
  // useful through timing: an attacker cannot steer the digest of a guess towards a stored one.
  const sessions = new Set<string>();

  return {
    tokenMatches(candidate) {
      // Hashing first gives equal-length buffers, which timingSafeEqual requires, and hides the token length.
      return timingSafeEqual(digest(candidate), tokenDigest);
    },
    openSession() {
      if (sessions.size >= MAX_SESSIONS) {
        const oldest = sessions.values().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
      const session = newSecret();
      sessions.add(digest(session).toString('hex'));
      return session;
    },
    hasSession(cookieHeader) {
      return cookieValues(cookieHeader, SESSION_COOKIE).some((value) => sessions.has(digest(value).toString('hex')));
    },
    sessionCookie(session) {
      // No `Secure`: browser mode is plain HTTP on loopback. SameSite=Strict keeps the cookie off
      // every request started by another site, which is the CSRF defence for the WebSocket too.
      return `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}

/** Every value of `name` in a Cookie header (a browser may send several with the same name). */
export function cookieValues(cookieHeader: string | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const values: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}
