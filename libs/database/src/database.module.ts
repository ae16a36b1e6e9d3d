import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig, type Logger } from '@kakehashi/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { TransactionalConnection } from './transactional-connection';
import { AuditService } from './audit/audit.service';
import { DATABASE_ENTITIES } from './database.entities';

/** Where the database is: the URL, and the embedded cluster when we run one. */
export interface DatabaseEndpoint {
  url: string;
  embedded?: EmbeddedDatabase;
}
export const DATABASE_ENDPOINT = Symbol('DATABASE_ENDPOINT');

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in DATA_DIR (started or attached to). */
export async function resolveDatabaseEndpoint(config: AppConfig, logger: Logger): Promise<DatabaseEndpoint> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const log = logger.child({ component: 'embedded-postgres' });
  const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, onLog: (m) => log.debug(m) });
  log.info({ dataDir: config.DATA_DIR, owned: embedded.owned }, 'embedded PostgreSQL ready');
  return { url: embedded.url, embedded };
}

@Global()
@Module({
  providers: [
    {
      provide: DATABASE_ENDPOINT,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: resolveDatabaseEndpoint,
    },
  ],
  exports: [DATABASE_ENDPOINT],
})
class DatabaseEndpointModule {}

/** Closes the pool, then stops the embedded cluster we own — in that order, once. */
@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE_ENDPOINT) private readonly endpoint: DatabaseEndpoint,
    private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.endpoint.embedded?.owned) {
      await this.endpoint.embedded.stop();
      this.logger.info('embedded PostgreSQL stopped');
    }
  }
}

/**
 * The database: resolves the endpoint, opens the TypeORM DataSource (entities registered by the
 * feature modules through forFeature), applies pending migrations at start.
 */
@Global()
@Module({
  imports: [
    DatabaseEndpointModule,
    TypeOrmModule.forRootAsync({
      inject: [DATABASE_ENDPOINT, APP_CONFIG, ROOT_LOGGER],
      useFactory: (endpoint: DatabaseEndpoint, config: AppConfig, logger: Logger) => ({
        ...dataSourceOptions({
          url: endpoint.url,
          replicaUrls: config.DATABASE_REPLICA_URLS,
          poolSize: config.DB_POOL_SIZE,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
          log: logger.child({ component: 'sql' }),
        }),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forFeature(DATABASE_ENTITIES),
  ],
  providers: [TransactionalConnection, AuditService, DatabaseShutdown],
  exports: [TransactionalConnection, AuditService, DatabaseEndpointModule],
})
export class DatabaseModule {}
