/**
 * Host and Origin checks shared by plain HTTP requests and the WebSocket upgrade.
 *
 * DNS rebinding: a hostile page on evil.example can re-point its own name at 127.0.0.1 and then
 * talk to this server "same-origin". Its requests still say `Host: evil.example:PORT`, so only
 * the literal loopback names with the bound port are accepted.
 */

/** The Host header values this server answers to. */
export function allowedHosts(host: string, port: number): ReadonlySet<string> {
  const bound = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return new Set([bound, `127.0.0.1:${port}`, `localhost:${port}`]);
}

export type GuardVerdict = { ok: true } | { ok: false; status: number; reason: string };

const pass: GuardVerdict = { ok: true };

export function checkHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): GuardVerdict {
  // Exact, case-sensitive match: browsers send the lower-case host they connected to.
  if (hostHeader !== undefined && allowed.has(hostHeader)) return pass;
  return { ok: false, status: 421, reason: 'This server answers only to its loopback address.' };
}

/**
 * A present Origin must be this server's own origin. The Host was already checked, so
 * `http://<Host>` is the page the browser loaded from us (127.0.0.1 or localhost, same port).
 * An absent Origin is a top-level navigation or a non-browser client; both still need the cookie.
 */
export function checkOrigin(originHeader: string | undefined, hostHeader: string): GuardVerdict {
  if (originHeader === undefined) return pass;
  if (originHeader === `http://${hostHeader}`) return pass;
  return { ok: false, status: 403, reason: 'Cross-origin requests are refused.' };
}
