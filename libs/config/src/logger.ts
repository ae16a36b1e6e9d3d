import pino, { type Logger } from 'pino';
import type { AppConfig } from './config.schema';

/** The process's root structured logger (JSON lines on stdout, or stderr for the CLI). */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, destination: 1 | 2 = 1): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'kakehashi' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'], censor: '[redacted]' },
    },
    pino.destination({ fd: destination, sync: false }),
  );
}
export type { Logger };
