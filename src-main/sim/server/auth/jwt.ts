import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { readOrCreateOnce } from '../tls/state-files.js';

/**
 * RS256 JSON Web Tokens for the simulated identity platform. The signing key lives in the state
 * folder so tokens (and refresh tokens in a client's cache) stay valid across restarts.
 */
export type JwtClaims = Record<string, unknown>;

export interface JwtSigner {
  kid: string;
  sign(claims: JwtClaims): string;
  /** Parses and checks the signature; `null` when the token is not one of ours or is malformed. */
  verify(token: string): VerifiedJwt | null;
  jwks(): { keys: Record<string, unknown>[] };
}

export interface VerifiedJwt {
  header: Record<string, unknown>;
  claims: JwtClaims;
}

const SIGNING_KEY_FILE = 'token-signing-key.pem';
const jsonObject = z.record(z.string(), z.unknown());

export function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeBase64UrlJson(segment: string): Record<string, unknown> | null {
  try {
    const parsed = jsonObject.safeParse(JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function loadOrCreateSigner(stateDir: string): JwtSigner {
  const pem = readOrCreateOnce(stateDir, SIGNING_KEY_FILE, () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return createSigner(createPrivateKey(pem));
}

export function createSigner(privateKey: KeyObject): JwtSigner {
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // A stable key id derived from the public key, like the thumbprints Entra publishes.
  const kid = createHash('sha256').update(spki).digest('base64url').slice(0, 27);
  const header = { typ: 'JWT', alg: 'RS256', kid };
  const jwk = publicKey.export({ format: 'jwk' });

  return {
    kid,
    sign(claims) {
      const signingInput = `${base64UrlJson(header)}.${base64UrlJson(claims)}`;
      const signature = sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
      return `${signingInput}.${signature}`;
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [h, p, s] = parts as [string, string, string];
      const parsedHeader = decodeBase64UrlJson(h);
      const parsedClaims = decodeBase64UrlJson(p);
      if (!parsedHeader || !parsedClaims || parsedHeader['alg'] !== 'RS256') return null;
      const ok = verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'));
      return ok ? { header: parsedHeader, claims: parsedClaims } : null;
    },
    jwks() {
      return { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid, n: jwk.n, e: jwk.e }] };
    },
  };
}
