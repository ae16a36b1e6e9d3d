import { describe, expect, it } from 'vitest';
import { resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  it('refuses production without JWT_SECRET', () => {
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', JWT_SECRET: undefined }, { warn: () => undefined })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
  });

  it('uses the configured secret as is', () => {
    expect(resolveJwtSecret({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) }, { warn: () => undefined })).toBe('s'.repeat(32));
  });

  it('makes a random per-process secret elsewhere, and says so', () => {
    const warnings: unknown[] = [];
    const warn = (m: unknown) => void warnings.push(m);
    const a = resolveJwtSecret({ NODE_ENV: 'development', JWT_SECRET: undefined }, { warn } as never);
    const b = resolveJwtSecret({ NODE_ENV: 'development', JWT_SECRET: undefined }, { warn } as never);
    expect(a).toHaveLength(64);
    expect(a).not.toBe(b);
    expect(warnings).toHaveLength(2);
  });
});
