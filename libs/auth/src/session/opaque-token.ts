import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque secrets handed to clients (refresh tokens, invitations): 256 random bits with a prefix
 * naming their kind, so secret scanners and people can tell them apart. Only the SHA-256 is
 * stored; with 256 bits of entropy a fast hash is enough (nothing to brute-force).
 */
export function newOpaqueToken(prefix: 'kkr' | 'kki'): { token: string; hash: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
