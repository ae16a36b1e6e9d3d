import { describe, expect, it } from 'vitest';
import { assertPasswordAcceptable, hashPassword, needsRehash, verifyPassword } from './password-hasher';

const FAST = { logN: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash: the same password hashes differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here', FAST), hashPassword('same password here', FAST)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('treats a missing or malformed stored hash as a mismatch, never an error', async () => {
    expect(await verifyPassword('whatever password', null)).toBe(false);
    expect(await verifyPassword('whatever password', 'bcrypt$2b$xyz')).toBe(false);
    expect(await verifyPassword('whatever password', 'scrypt$99$8$1$aa$bb')).toBe(false);
    expect(await verifyPassword('x'.repeat(10_000), 'scrypt$10$8$1$aa$bb')).toBe(false);
  });

  it('normalises Unicode so a composed and a decomposed password match', async () => {
    const stored = await hashPassword('パスワード-が-です', FAST);
    expect(await verifyPassword('パスワード-が-です'.normalize('NFD'), stored)).toBe(true);
  });

  it('asks for a rehash of hashes weaker than today', async () => {
    expect(needsRehash(await hashPassword('some long password', FAST))).toBe(true);
    expect(needsRehash(await hashPassword('some long password'))).toBe(false);
  });

  it('accepts 12..256 characters only', () => {
    expect(() => assertPasswordAcceptable('short')).toThrow(/12 to 256/);
    expect(() => assertPasswordAcceptable('x'.repeat(257))).toThrow(/12 to 256/);
    expect(() => assertPasswordAcceptable('twelve chars')).not.toThrow();
  });
});
