import { badInput } from '@kakehashi/kernel';

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** Trimmed and lower-cased (accounts are unique by it); BAD_USER_INPUT naming `path` if not an address. */
export function normalizeEmail(email: string, path = 'email'): string {
  const value = email.trim().toLowerCase();
  if (value.length > 320 || !EMAIL.test(value)) throw badInput('Not an email address', [{ path, message: 'must be an email address' }]);
  return value;
}
