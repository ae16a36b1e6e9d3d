import { Inject, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD, APP_PIPE, HttpAdapterHost } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { pinoHttp, type Options as RequestLogOptions } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_CONFIG, ConfigModule, ROOT_LOGGER, type AppConfig, type ConfigModuleOptions, type Logger } from '@kakehashi/config';
import { AccessModule, AccountSeeder, AuthModule } from '@kakehashi/auth';
import { DatabaseModule } from '@kakehashi/database';
import { DirectoryModule } from '@kakehashi/directory';
import { SampleDataModule } from '@kakehashi/interchange';
import { AccountResolver } from './account/account.resolver';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { JsonScalar } from './graphql/json.scalar';
import { DirectoryApiModule } from './directory-api.module';
import { DirectoryLoaderFactory } from './graphql/loaders/directory.loaders';
import { LoadersModule } from './graphql/loaders/loaders.module';
import { graphqlOptions } from './graphql/graphql.options';
import { PolicyGuard } from './graphql/policy.guard';
import { DomainValidationPipe } from './graphql/validation.pipe';
import { HealthController } from './health/health.controller';
import { MatchingApiModule } from './matching/matching-api.module';
import { TopicResolver } from './topic/topic.resolver';
import { StudySessionApiModule } from './study-session/study-session-api.module';
import { UpkeepApiModule } from './upkeep/upkeep-api.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request's id, echoed back and written to the logs and the audit trail. A sane incoming
 * X-Request-Id is honoured only behind a trusted proxy (TRUST_PROXY > 0: the proxy sets it);
 * otherwise any client could choose what the audit log says, so the server mints its own.
 */
function requestId(req: IncomingMessage, res: ServerResponse, behindTrustedProxy: boolean): string {
  const incoming = req.headers['x-request-id'];
  const id = behindTrustedProxy && typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** pino-http's settings: one structured line per request (not /health), with the request's id. */
function requestLogOptions(logger: Logger, config: AppConfig): RequestLogOptions {
  return {
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => requestId(req, res, config.TRUST_PROXY > 0),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
    serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
  };
}

/**
 * The API process. `options` lets tests override the environment.
 *
 * Request logging is pino-http mounted here, not nestjs-pino's middleware: that one also runs every
 * request inside an AsyncLocalStorage, which on Node 20 turns on promise hooks for every promise in
 * the process (~10 % of the CPU of a directory page, ADR 29). Nothing reads that store except
 * Nest's Logger inside a request; request-scoped logs go through `req.log` (the error-log plugin)
 * or name the RequestContext's requestId.
 */
@Module({})
export class AppModule implements NestModule {
  constructor(
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(pinoHttp(requestLogOptions(this.logger, this.config))).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }

  static forRoot(options: ConfigModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options),
        LoggerModule.forRootAsync({
          inject: [ROOT_LOGGER, APP_CONFIG],
          // Nest's Logger over the root logger; its per-request middleware is not mounted (see configure).
          useFactory: (logger: Logger, config: AppConfig) => ({ pinoHttp: requestLogOptions(logger, config), forRoutes: [] }),
        }),
        DatabaseModule,
        AccessModule, // binds the directory's ROW_ACCESS port to libs/auth's adapter, globally
        DirectoryModule,
        AuthModule,
        TerminusModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [LoadersModule],
          inject: [APP_CONFIG, ROOT_LOGGER, DirectoryLoaderFactory, HttpAdapterHost],
          useFactory: (config: AppConfig, logger: Logger, loaders: DirectoryLoaderFactory, http: HttpAdapterHost) =>
            graphqlOptions(config, logger, loaders, http.httpAdapter?.getHttpServer()),
        }),
        DirectoryApiModule,
        MatchingApiModule,
        UpkeepApiModule,
        StudySessionApiModule,
        SampleDataModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: PolicyGuard }, { provide: APP_PIPE, useClass: DomainValidationPipe }, TopicResolver, AccountResolver, AuditLogResolver, JsonScalar, AccountSeeder],
    };
  }
}
