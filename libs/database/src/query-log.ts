import type { Logger as TypeOrmLogger } from 'typeorm';

export interface QueryLogSink {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * TypeORM logger that counts statements (tests assert how many SQL statements a request costs)
 * and forwards to the structured log: slow queries as warnings, failures as errors.
 */
export class QueryLog implements TypeOrmLogger {
  private static count = 0;
  /** Statements issued by this process since start; read the difference around the work you measure. */
  static get statements(): number {
    return QueryLog.count;
  }

  constructor(private readonly sink?: QueryLogSink) {}

  logQuery(query: string): void {
    QueryLog.count++;
    this.sink?.debug({ sql: query.slice(0, 500) }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.sink?.error({ err: String(error), sql: query.slice(0, 500) }, 'sql failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.sink?.warn({ ms: time, sql: query.slice(0, 500) }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.sink?.debug({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink?.warn({ message }, 'typeorm');
  }
}
