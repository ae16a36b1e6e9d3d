import { randomBytes } from 'node:crypto';
import { ConfigError, type AppConfig, type Logger } from '@kakehashi/config';

/**
 * The HMAC key for access tokens. Production refuses to start without JWT_SECRET (a random key
 * would sign everyone out on every restart and differ between replicas); elsewhere a random
 * per-process key is fine and announced.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'JWT_SECRET' | 'NODE_ENV'>, logger: Pick<Logger, 'warn'>): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.NODE_ENV === 'production') throw new ConfigError(['JWT_SECRET: required when NODE_ENV=production (at least 32 characters)']);
  logger.warn('JWT_SECRET is not set: using a random per-process secret; access tokens stop working when the process restarts');
  return randomBytes(48).toString('base64url');
}
