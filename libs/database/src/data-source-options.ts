import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { QueryLog, type QueryLogSink } from './query-log';

export interface ConnectionSettings {
  url: string;
  /** Read replicas of `url`: TransactionalConnection.read() sends lag-tolerant reads there. */
  replicaUrls?: readonly string[];
  poolSize: number;
  statementTimeoutMs: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  log?: QueryLogSink;
}

/** The one place DataSource options are made: pool, timeouts, migrations, logging. Never synchronize. */
export function dataSourceOptions(settings: ConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    // Writes, transactions and every read not routed on purpose stay on the primary ('master').
    ...(settings.replicaUrls?.length
      ? { replication: { master: { url: settings.url }, slaves: settings.replicaUrls.map((url) => ({ url })), defaultMode: 'master' as const } }
      : {}),
    entities: settings.entities ?? [],
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'all',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: true,
    logger: new QueryLog(settings.log),
    maxQueryExecutionTime: 1000,
    extra: {
      max: settings.poolSize,
      // Fail fast when the pool is exhausted or the server is gone, instead of queueing forever.
      connectionTimeoutMillis: 5000,
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: settings.statementTimeoutMs * 2,
      application_name: 'kakehashi',
    },
  };
}
