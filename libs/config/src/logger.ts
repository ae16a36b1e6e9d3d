import { isatty } from 'node:tty';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from './config.schema';

/** Whether logs on `destination` are for a person: `LOG_FORMAT=pretty`, or `auto` on a terminal. */
export function prettyLogs(config: Partial<Pick<AppConfig, 'LOG_FORMAT'>>, destination: 1 | 2 = 1): boolean {
  const format = config.LOG_FORMAT ?? 'auto';
  return format === 'pretty' || (format === 'auto' && isatty(destination));
}

/**
 * The process's root structured logger: JSON lines on stdout (or stderr for the CLI) for machines,
 * readable coloured lines when a person watches a terminal (`LOG_FORMAT`).
 */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'> & Partial<Pick<AppConfig, 'LOG_FORMAT'>>, destination: 1 | 2 = 1): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: 'kakehashi' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'], censor: '[redacted]' },
  };
  if (!prettyLogs(config, destination)) return pino(options, pino.destination({ fd: destination, sync: false }));
  return pino(
    options,
    pretty({
      destination,
      colorize: isatty(destination),
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service,context',
      singleLine: true,
      sync: true,
    }),
  );
}
export type { Logger };
