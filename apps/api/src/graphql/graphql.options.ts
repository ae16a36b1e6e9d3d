import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig, Logger } from '@kakehashi/config';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Server } from 'node:http';
import { formatError } from './error-formatter';
import { errorLogPlugin } from './error-log.plugin';
import type { DirectoryLoaderFactory } from './loaders/directory.loaders';
import { queryCostPlugin } from './query-cost.plugin';
import { queryLimitsRule } from './query-limits';
import { rateLimitedPlugin } from './rate-limited.plugin';
import { requestContextOf, type GqlContext } from './request-context';

/** Largest number of tokens a query may have; parse stops early past it (cheap rejection). */
export const MAX_QUERY_TOKENS = 1000;

/** How long a shutdown waits for in-flight requests before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Apollo settings: masked errors, production hardening, parse and shape limits. With the HTTP
 * server given, stopping Apollo (Nest's shutdown, on SIGTERM) first stops accepting connections
 * and lets in-flight requests finish — before the database pool closes.
 */
export function graphqlOptions(config: AppConfig, logger: Logger, loaders: DirectoryLoaderFactory, httpServer?: Server): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !production,
    // The IDE is our bundled GraphiQL (web/web-app.ts), never a landing page loaded from a CDN.
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    formatError,
    // Nest's plugin forcing 200 on execution errors would undo rateLimitedPlugin's 429.
    preserveHttpStatusForExecutionErrors: false,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    validationRules: [queryLimitsRule],
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Fresh loaders per request: batching within it, no cache shared across requests or actors.
    context: ({ req }: Pick<GqlContext, 'req'>): GqlContext => ({ req, loaders: loaders.create(() => requestContextOf(req)) }),
    // Two copies of Apollo's types (ESM for @nestjs/apollo, CJS for us) differ only nominally.
    plugins: [
      errorLogPlugin(logger.child({ component: 'graphql' })),
      queryCostPlugin(),
      rateLimitedPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: SHUTDOWN_GRACE_MS })] : []),
    ] as unknown as ApolloDriverConfig['plugins'],
  };
}
